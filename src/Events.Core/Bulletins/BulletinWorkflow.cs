namespace Events.Core.Bulletins;

/// <summary>draft → in review → published; a reviewer may send an issue back to draft. Published is final.</summary>
public static class BulletinWorkflow
{
    public static bool CanEdit(BulletinStatus status) => status != BulletinStatus.Published;

    public static bool CanMove(BulletinStatus from, BulletinStatus to) => (from, to) is
        (BulletinStatus.Draft, BulletinStatus.InReview) or
        (BulletinStatus.InReview, BulletinStatus.Draft) or
        (BulletinStatus.InReview, BulletinStatus.Published);
}
