using Events.Core.Common;

namespace Events.Core.Attendees;

/// <summary>
/// One signed-in user's registration (报名) for one event, with the details they gave for the attendee list.
/// A cancelled registration stays as history; the user may register again, and at most one is open at a time
/// (see <see cref="RegistrationStates.Open"/>).
/// </summary>
public class Registration : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Organization { get; set; }

    /// <summary>职务 / 职称, as on a name badge.</summary>
    public required string Title { get; set; }
    public required string Email { get; set; }

    /// <summary>
    /// The contact phone, stored protected (ASP.NET Data Protection) like the sensitive 回执 answers: the column holds
    /// ciphertext, never the number. Read it through the registration services, which unprotect and mask it.
    /// </summary>
    public string? Phone { get; set; }
    public RegistrationState State { get; set; } = RegistrationState.Active;
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>True when an organizer cancelled on the attendee's behalf.</summary>
    public bool CancelledByOrganizer { get; set; }

    /// <summary>The category chosen (正式代表, 学生 …); null for an event without categories.</summary>
    public int? CategoryId { get; set; }

    /// <summary>The fee owed when the registration was made (the early-bird fee before its deadline); recorded only.</summary>
    public decimal? FeeAmount { get; set; }

    /// <summary>When and by whom a registration needing approval was approved or refused.</summary>
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }

    /// <summary>The version of the event's 回执 form the answers were given to.</summary>
    public int? FormVersion { get; set; }

    /// <summary>The last change by the registrant or an organizer (回执 edited, handed over, decided).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>换人: the colleague the place is being handed to, waiting for the organizer's approval.</summary>
    public string? HandoverName { get; set; }
    public string? HandoverEmail { get; set; }
    public string? HandoverOrganization { get; set; }

    /// <summary>The colleague's mainland mobile, Data Protection ciphertext like <see cref="Phone"/>; it becomes their phone when the handover is made.</summary>
    public string? HandoverPhone { get; set; }
    public DateTimeOffset? HandoverRequestedAt { get; set; }

    /// <summary>The registrant's name before the place was handed over, for the organizer's history.</summary>
    public string? HandedOverFrom { get; set; }

    public List<RegistrationAnswer> Answers { get; set; } = [];

    /// <summary>The organizers' note for the door (VIP 接待, access needs), at most <see cref="RegistrationDoorNote.MaxLength"/> characters; shown on the check-in result.</summary>
    public string? DoorNote { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>How many times the badge was reprinted. Its QR and short code are signed with this, so a reprint withdraws the lost badge.</summary>
    public int BadgeVersion { get; set; }
}

public enum DoorNoteOutcome
{
    Saved,
    TooLong,
    /// <summary>Someone changed the note since the editor read it: nothing was saved.</summary>
    Stale,
    NotFound,
}

public static class RegistrationDoorNote
{
    public const int MaxLength = 200;

    /// <summary>Trimmed, empty as null; false when it is longer than <see cref="MaxLength"/> (after trimming).</summary>
    public static bool TryNormalize(string? note, out string? normalized)
    {
        normalized = string.IsNullOrWhiteSpace(note) ? null : note.Trim().ReplaceLineEndings(" ");
        return normalized is null || normalized.Length <= MaxLength;
    }
}
