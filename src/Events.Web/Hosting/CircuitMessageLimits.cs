using Events.Core.Bulletins;
using Microsoft.AspNetCore.SignalR;

namespace Events.Web.Hosting;

/// <summary>
/// The largest message a browser may send over the Blazor circuit. A text field's value reaches the server as one
/// SignalR message, and SignalR's 32 KB default cut off about 5,500 Chinese characters: the circuit dropped and
/// reconnected, and the field's value on the server stayed what it was, so Save stored an empty body.
/// The limit fits the longest text any form accepts (<see cref="BulletinLimits.Body"/>) in the worst JSON encoding.
/// </summary>
public static class CircuitMessageLimits
{
    /// <summary>The longest text field, in UTF-16 characters.</summary>
    public const int LongestField = BulletinLimits.Body;

    /// <summary>
    /// 6 bytes a character: a JSON "\uXXXX" escape (control characters); Chinese text takes 3 bytes, and a character
    /// outside the BMP is a surrogate pair, 4 bytes for 2 characters. Plus 64 KB for the rest of the message.
    /// </summary>
    public const long MaxReceiveBytes = LongestField * 6L + 64 * 1024;

    public static IServiceCollection AddEventsCircuitLimits(this IServiceCollection services)
    {
        // The global hub options are the defaults every hub, Blazor's included, copies from.
        services.Configure<HubOptions>(o => o.MaximumReceiveMessageSize = MaxReceiveBytes);
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitConnectionLog>();
        // How long the memory of a circuit whose browser went away is kept. The framework keeps a dropped circuit for
        // 3 minutes (100 at most), then its persisted state for 2 hours (1,000 at most); an organizer page's state is
        // small DTOs, but the circuits are not. Shorter: a dropped connection that comes back within a minute resumes
        // the circuit, later it resumes from the persisted state (for 10 minutes), after that the page reloads.
        // Circuits:* in configuration overrides each figure.
        services.AddOptions<Microsoft.AspNetCore.Components.Server.CircuitOptions>()
            .Configure(o =>
            {
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
                o.DisconnectedCircuitMaxRetained = 50;
                o.PersistedCircuitInMemoryRetentionPeriod = TimeSpan.FromMinutes(10);
                o.PersistedCircuitInMemoryMaxRetained = 200;
            })
            .BindConfiguration("Circuits");
        return services;
    }
}
