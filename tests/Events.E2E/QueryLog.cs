using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Events.E2E;

/// <summary>Every SQL query the app runs, so a test can count how often a page loads its data.</summary>
public sealed class QueryLog : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> commands = new();

    /// <summary>How many queries so far contained every one of <paramref name="fragments"/>.</summary>
    public int Count(params string[] fragments) => commands.Count(c => fragments.All(f => c.Contains(f, StringComparison.Ordinal)));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
