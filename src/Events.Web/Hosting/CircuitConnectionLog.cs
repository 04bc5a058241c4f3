using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Events.Web.Hosting;

/// <summary>
/// Logs when a circuit loses and regains its connection. A dropped connection loses what the browser sent while it
/// was down (an oversized message used to drop it silently), so a report of lost input can be matched to the log.
/// </summary>
public sealed partial class CircuitConnectionLog(ILogger<CircuitConnectionLog> logger) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        LogDown(circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        LogUp(circuit.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit {CircuitId} lost its connection; input sent while it was down did not arrive")]
    private partial void LogDown(string circuitId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Circuit {CircuitId} is connected")]
    private partial void LogUp(string circuitId);
}
