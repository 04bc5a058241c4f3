namespace Events.Core.Reviews;

/// <summary>
/// A reviewer of one event's call. Invited by mail; the account is linked when the invitation is accepted.
/// Name and affiliation are what conflict detection compares with the authors.
/// </summary>
public class Reviewer
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string? UserId { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public string? Affiliation { get; set; }
    public ReviewerState State { get; set; } = ReviewerState.Invited;

    /// <summary>The secret in the invitation link.</summary>
    public required string InvitationToken { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>Overrides the call's default maximum load.</summary>
    public int? MaxLoad { get; set; }
    public List<ReviewerTopic> Topics { get; set; } = [];
}

public enum ReviewerState
{
    Invited,
    Accepted,
    Declined,
}

/// <summary>A topic of the call the reviewer is expert in.</summary>
public class ReviewerTopic
{
    public int ReviewerId { get; set; }
    public int TopicId { get; set; }
}

/// <summary>A reviewer's bid on one paper.</summary>
public class Bid
{
    public int ReviewerId { get; set; }
    public int SubmissionId { get; set; }
    public BidPreference Preference { get; set; }
}

public enum ConflictSource
{
    Author,
    Reviewer,
    Organizer,
}

/// <summary>A conflict of interest someone declared. Detected conflicts (same person, affiliation, co-authorship) are computed, not stored.</summary>
public class DeclaredConflict
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public int ReviewerId { get; set; }
    public ConflictSource DeclaredBy { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
}

public enum AssignmentSource
{
    Manual,
    Automatic,
}

/// <summary>A paper given to a reviewer. At most one per pair.</summary>
public class ReviewAssignment
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public int ReviewerId { get; set; }
    public Reviewer? Reviewer { get; set; }
    public AssignmentSource Source { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public Review? Review { get; set; }
}
