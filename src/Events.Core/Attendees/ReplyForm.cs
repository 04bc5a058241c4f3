using Events.Core.Common;

namespace Events.Core.Attendees;

/// <summary>
/// An event's 回执 (reply form) as the organizer built it.
/// <para>
/// The definition is stored as one versioned JSON document (<see cref="ReplyFormDefinition"/>) rather than as rows:
/// the builder edits and saves the form as a whole, conditions refer to other fields by key, and a form is only ever
/// read whole (to render or to validate). Rows would need tables for fields, options and conditions with no query
/// that benefits. What must be queried — the answers — is stored as rows (<see cref="RegistrationAnswer"/>).
/// Each save increments <see cref="Version"/>; a registration records the version it answered.
/// </para>
/// </summary>
public class ReplyForm : IConcurrencyVersioned
{
    public int EventId { get; set; }
    public int Version { get; set; }

    /// <summary>The <see cref="ReplyFormDefinition"/> serialized by <see cref="ReplyFormDefinition.ToJson"/>.</summary>
    public required string DefinitionJson { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
