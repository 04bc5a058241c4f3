using System.Text;
using Events.Infrastructure.Mail;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Events.Web.Access;

/// <summary>Absolute links for account mail, built from App:PublicBaseUrl, never from the request's Host header.</summary>
public sealed class AccountLinks(IOptions<MailOptions> options)
{
    public string Confirm(string userId, string token) =>
        options.Value.Link($"/account/confirm-email?userId={Uri.EscapeDataString(userId)}&code={Encode(token)}");

    public string Reset(string email, string token) =>
        options.Value.Link($"/account/reset-password?email={Uri.EscapeDataString(email)}&code={Encode(token)}");

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
