using Events.Core.Common;

namespace Events.Core.Program;

/// <summary>A published program's titles and names as the current reader should see them (see <see cref="Bilingual"/>).</summary>
public static class ShownText
{
    /// <summary>The English name for an English reader, with the Chinese one beside it when <paramref name="withChinese"/>.</summary>
    public static string ShownName(this SnapshotPerson p, bool withChinese = false) => Bilingual.PersonName(p.Name, p.NameEn, withChinese);

    public static string ShownTitle(this SnapshotSession s) => Bilingual.Pick(s.Title, s.TitleEn);

    public static string ShownTitle(this SnapshotForum f) => Bilingual.Pick(f.Title, f.TitleEn);

    public static string ShownEventTitle(this ProgramSnapshot s) => Bilingual.Pick(s.EventTitle, s.EventTitleEn);
}
