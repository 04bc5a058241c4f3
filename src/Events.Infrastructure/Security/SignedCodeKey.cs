using System.Security.Cryptography;
using Events.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Infrastructure.Security;

/// <summary>
/// The signing key for <see cref="SignedCodes"/>: 256 random bits made on first use and kept beside the Data
/// Protection key ring, encrypted by it, so a copy of the file alone signs nothing. Every instance that shares
/// the key ring directory shares the key. Losing the directory invalidates every printed code, as it would sign-ins.
/// </summary>
public static class SignedCodeKey
{
    public const string FileName = "signed-codes.key";
    private const string ProtectorPurpose = "Events.SignedCodes.Key.v1";

    public static byte[] LoadOrCreate(string keysDirectory, IDataProtectionProvider protection)
    {
        var protector = protection.CreateProtector(ProtectorPurpose);
        Directory.CreateDirectory(keysDirectory);
        var path = Path.Combine(keysDirectory, FileName);
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, Convert.ToBase64String(protector.Protect(fresh)));
            try
            {
                // Two instances starting together: the first move wins and both read the winner's key.
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }
        return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}

public static class SignedCodesServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ISignedCodes"/> with its key kept in <paramref name="keysDirectory"/> (the Data Protection key ring's).</summary>
    public static IServiceCollection AddEventsSignedCodes(this IServiceCollection services, string keysDirectory)
    {
        services.AddSingleton<ISignedCodes>(sp => new SignedCodes(SignedCodeKey.LoadOrCreate(keysDirectory, sp.GetRequiredService<IDataProtectionProvider>())));
        return services;
    }
}
