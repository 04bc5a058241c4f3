using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Events.E2E;

/// <summary>
/// Keeps every Error and Critical entry the app logs, so a browser test can fail on a server exception that the page
/// itself never shows (a circuit that dies, a download that throws).
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<ServerError> errors = new();

    /// <summary>What the callers were doing when an error came in (a crawl sets the page each role is on).</summary>
    public Func<string>? DescribeActivity { get; set; }

    public int Count => errors.Count;

    /// <summary>The errors logged after the first <paramref name="mark"/> entries.</summary>
    public IReadOnlyList<ServerError> Since(int mark) => errors.Skip(mark).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log.errors.Enqueue(new ServerError(logLevel, category, formatter(state, exception), exception, log.DescribeActivity?.Invoke()));
        }
    }
}

public sealed record ServerError(LogLevel Level, string Category, string Message, Exception? Exception, string? Activity)
{
    public override string ToString() =>
        $"{Level} {Category}: {Message}{(Activity is null ? "" : $" [while {Activity}]")}{(Exception is null ? "" : Environment.NewLine + Exception)}";
}
