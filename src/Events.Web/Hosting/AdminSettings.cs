using Events.Infrastructure.Data;

namespace Events.Web.Hosting;

public static class AdminSettings
{
    /// <summary>
    /// The first administrator comes from Seed:AdminEmail and Seed:AdminPassword. Development has defaults in
    /// appsettings.Development.json; anywhere else both must be set, and the app will not start on a guessable password.
    /// </summary>
    public static AdminAccount Read(IConfiguration config)
    {
        var email = config["Seed:AdminEmail"];
        var password = config["Seed:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            throw new InvalidOperationException(
                "No administrator is configured. Set Seed:AdminEmail and Seed:AdminPassword " +
                "(environment variables Seed__AdminEmail and Seed__AdminPassword) before starting Events outside Development.");
        }
        return new AdminAccount(email.Trim(), password);
    }
}
