using System.Net.Mail;

namespace Events.Core.Validation;

public static class EmailRules
{
    /// <summary>
    /// One plain address. MailAddress alone also accepts "Name &lt;a@b&gt;" and reads "a b@c" as a display name,
    /// which would store something the mail sender cannot use.
    /// </summary>
    public static bool IsBareAddress(string? value)
    {
        var trimmed = value?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed
            && string.IsNullOrEmpty(parsed.DisplayName);
    }
}
