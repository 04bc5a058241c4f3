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
        return services;
    }
}
