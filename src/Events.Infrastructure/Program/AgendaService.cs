using System.Security.Cryptography;
using Events.Core.Program;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Program;

/// <summary>"My agenda": the sessions a signed-in attendee starred, and a private calendar feed of them.</summary>
public sealed class AgendaService(IDbContextFactory<EventsDbContext> factory)
{
    public async Task<IReadOnlySet<int>> StarredAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.AgendaEntries.Where(a => a.UserId == userId).Select(a => a.SessionId).ToListAsync(ct)).ToHashSet();
    }

    public async Task<bool> ToggleAsync(string userId, int sessionId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var removed = await db.AgendaEntries.Where(a => a.UserId == userId && a.SessionId == sessionId).ExecuteDeleteAsync(ct);
        if (removed > 0) return false;
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct)) return false;
        db.AgendaEntries.Add(new AgendaEntry { UserId = userId, SessionId = sessionId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click that raced itself: the star is there either way.
        }
        return true;
    }

    /// <summary>The user's feed token if one was made; reading a page never makes one.</summary>
    public async Task<string?> ExistingFeedTokenAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.AgendaFeedToken).SingleOrDefaultAsync(ct);
    }

    /// <summary>The user's feed token, made on first use. The token is the only secret in the feed URL.</summary>
    public async Task<string> FeedTokenAsync(string userId, bool renew = false, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        if (user.AgendaFeedToken is null || renew)
        {
            user.AgendaFeedToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            await db.SaveChangesAsync(ct);
        }
        return user.AgendaFeedToken;
    }

    public async Task<(string UserId, IReadOnlySet<int> Sessions, string? Culture)?> ByFeedTokenAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Users.Where(u => u.AgendaFeedToken == token).Select(u => new { u.Id, u.PreferredCulture }).FirstOrDefaultAsync(ct);
        if (owner is null) return null;
        return (owner.Id, await StarredAsync(owner.Id, ct), owner.PreferredCulture);
    }
}
