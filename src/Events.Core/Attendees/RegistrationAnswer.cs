namespace Events.Core.Attendees;

/// <summary>
/// One answer of one registration's 回执, one row per field, so that the organizer's dashboard counts in the database
/// ("arrivals by day and station", "room nights by hotel", "diets") with a plain filter on <see cref="FieldKey"/>.
/// <para>
/// <see cref="Value"/> is the answer as text in an invariant form: dates yyyy-MM-dd, date-times yyyy-MM-ddTHH:mm,
/// numbers with a dot, yes/no as "true"/"false", a choice as its option key, several choices as their keys joined by
/// <see cref="ChoiceSeparator"/>, a file as its stored name. When <see cref="IsProtected"/> is true (mobile and
/// ID numbers, see <see cref="ReplyFieldKeys.Sensitive"/>) the value is Data Protection ciphertext, and null once
/// erased after the retention period. Read answers through <see cref="RegistrationAnswers"/>.
/// </para>
/// </summary>
public class RegistrationAnswer
{
    public const char ChoiceSeparator = '|';

    public int Id { get; set; }
    public int RegistrationId { get; set; }

    /// <summary>The registration's event, repeated here so the dashboard filters answers without a join.</summary>
    public int EventId { get; set; }

    /// <summary>The field's stable key in the form definition (ready-made fields use <see cref="ReplyFieldKeys"/>).</summary>
    public required string FieldKey { get; set; }
    public string? Value { get; set; }
    public bool IsProtected { get; set; }
}
