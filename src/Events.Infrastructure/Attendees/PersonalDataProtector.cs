using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// Encrypts registrants' mobile and ID numbers (and the contact phone) at rest with ASP.NET Data Protection, whose keys
/// live in the app's data folder, not in the database: a copy of the database file alone does not reveal them.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    /// <summary>Marks ciphertext, so a value written before protection began still reads (as itself).</summary>
    private const string Prefix = "dp1:";

    private readonly IDataProtector protector = provider.CreateProtector("Events.Registrations.PersonalData.v1");

    public string? Protect(string? plain) => string.IsNullOrEmpty(plain) ? null : Prefix + protector.Protect(plain);

    /// <summary>The plain value; an unprefixed value (stored before encryption was introduced) is returned as it is, unreadable ciphertext as null.</summary>
    public string? Unprotect(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        try
        {
            return protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
