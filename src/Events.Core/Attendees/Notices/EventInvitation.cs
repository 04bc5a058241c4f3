using Events.Core.Validation;

namespace Events.Core.Attendees.Notices;

/// <summary>
/// A person invited to register for an event (not registered yet), with what is known of them to pre-fill the 回执.
/// The mail carries a personal link: a signed token (purpose <c>invitation</c>, this id, <see cref="Version"/>) that
/// cannot be guessed or edited; withdrawing the invitation bumps the version, so old links stop working.
/// The mobile is stored protected (Data Protection), like registrations' phones.
/// </summary>
public class EventInvitation
{
    public const int MaxPerBatch = 2000;

    public int Id { get; set; }
    public int EventId { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public string? Organization { get; set; }
    public string? Title { get; set; }

    /// <summary>Protected ciphertext of the mobile, or null.</summary>
    public string? Mobile { get; set; }

    /// <summary>The people list entry it came from, when it did.</summary>
    public int? PersonId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Version { get; set; }
    public bool Withdrawn { get; set; }
}

/// <summary>One person to invite, from the people list or a pasted line.</summary>
public sealed record InviteeInput(string Name, string Email, string? Organization = null, string? Title = null, string? Mobile = null, int? PersonId = null);

/// <summary>The pre-filled answers an invitation link gives the registration form.</summary>
public sealed record InvitationPrefill(string Name, string Email, string? Organization, string? Title, string? Mobile);

public static class InviteeLines
{
    /// <summary>
    /// Pasted lines, one person a line: "email", "name email" or "name, email, unit, mobile" (commas, tabs, full-width
    /// commas or 、 between parts). A line without a valid address is refused with its number.
    /// </summary>
    public static (IReadOnlyList<InviteeInput> People, IReadOnlyList<int> RefusedLines) Parse(string? text)
    {
        var people = new List<InviteeInput>();
        var refused = new List<int>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split([',', '，', '\t', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (parts.Count == 1 && parts[0].Contains(' ', StringComparison.Ordinal))
            {
                parts = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            }
            var email = parts.FirstOrDefault(p => EmailRules.IsBareAddress(p));
            if (email is null || email.Length > FieldLimits.Email)
            {
                refused.Add(i + 1);
                continue;
            }
            var rest = parts.Where(p => p != email).ToList();
            var mobile = rest.FirstOrDefault(p => ChineseIdentifiers.NormalizeMobile(p) is not null);
            if (mobile is not null) rest.Remove(mobile);
            var name = rest.Count > 0 ? rest[0] : email[..email.IndexOf('@', StringComparison.Ordinal)];
            var unit = rest.Count > 1 ? rest[1] : null;
            if (name.Length > FieldLimits.PersonName || (unit?.Length ?? 0) > FieldLimits.OrganizationName)
            {
                refused.Add(i + 1);
                continue;
            }
            people.Add(new InviteeInput(name, email, unit, null, mobile is null ? null : ChineseIdentifiers.NormalizeMobile(mobile)));
        }
        return (people, refused);
    }
}
