using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Events.E2E;

/// <summary>
/// Every SQL query the app runs, so a test can count how often a page loads its data. Each query carries the value of
/// the browser's <see cref="TagCookie"/> cookie on the request it ran for: the prerender's HTTP request, or the circuit's
/// connection (the circuit runs its components inside the hub connection's request, which sent the browser's cookies),
/// so a test that sets its own tag counts only its own page's queries, whatever the other tests run meanwhile.
/// </summary>
public sealed class QueryLog : DbCommandInterceptor
{
    /// <summary>The cookie whose value tags the queries of a request or a circuit.</summary>
    public const string TagCookie = "e2e-query-tag";

    // The accessor reads the request of the current async flow (one static AsyncLocal for every instance), which the
    // app sets because Identity's sign-in manager registers IHttpContextAccessor.
    private static readonly HttpContextAccessor Http = new();

    private readonly ConcurrentQueue<(string? Tag, string Sql)> commands = new();

    /// <summary>How many queries so far contained every one of <paramref name="fragments"/>.</summary>
    public int Count(params string[] fragments) => commands.Count(c => Matches(c.Sql, fragments));

    /// <summary>How many queries ran for requests or circuits whose <see cref="TagCookie"/> was <paramref name="tag"/> and contained every one of <paramref name="fragments"/>.</summary>
    public int CountTagged(string tag, params string[] fragments) => commands.Count(c => c.Tag == tag && Matches(c.Sql, fragments));

    /// <summary>How many queries ran for <paramref name="tag"/> that did not contain <paramref name="fragment"/>.</summary>
    public int CountTaggedWithout(string tag, string fragment) => commands.Count(c => c.Tag == tag && !c.Sql.Contains(fragment, StringComparison.Ordinal));

    private static bool Matches(string sql, string[] fragments) => fragments.All(f => sql.Contains(f, StringComparison.Ordinal));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        commands.Enqueue((Tag(), command.CommandText));
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        commands.Enqueue((Tag(), command.CommandText));
        return ValueTask.FromResult(result);
    }

    private static string? Tag()
    {
        try
        {
            return Http.HttpContext?.Request.Cookies[TagCookie];
        }
        catch (ObjectDisposedException)
        {
            // A request that ended while a query of its flow still ran: not one a test measures.
            return null;
        }
    }
}
