using Events.Core.Mail;
using Events.Infrastructure.Data;
using Events.Infrastructure.LiveUpdates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Events.Infrastructure.Mail;

/// <summary>
/// Sends due outbox messages through MailKit, in batches over one SMTP connection.
/// Each message is claimed (Pending → Sending, attempts + 1) by a conditional update before it is sent, so two
/// senders never send the same message. If the process dies after the server accepted a message but before it
/// was marked sent, the claim expires after <see cref="MailOptions.ClaimTimeoutSeconds"/> and the message is sent
/// once more, with the same Message-ID: at most one duplicate, which receiving systems can recognise.
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<EventsDbContext> factory,
    MimeMessageFactory mime,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILiveUpdates live,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private MailOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.SendInBackground) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The outbox sender failed; it will try again");
                sent = 0;
            }
            // A full batch means more may be waiting: go again at once.
            if (sent < Options.BatchSize)
            {
                await Task.Delay(TimeSpan.FromSeconds(Options.PollSeconds), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var claimed = await ClaimAsync(ct);
        if (claimed.Count == 0) return 0;

        await using var db = await factory.CreateDbContextAsync(ct);
        var messages = await db.OutboxMessages.AsNoTracking()
            .Include(m => m.Recipients).Include(m => m.Attachments)
            .Where(m => claimed.Contains(m.Id))
            .OrderBy(m => m.Id)
            .AsSplitQuery()
            .ToListAsync(ct);
        // The open outbox pages show these as being sent, then as each one is sent or fails.
        live.NotifyEvents(messages.Select(m => m.EventId));

        using var smtp = new SmtpClient();
        try
        {
            await ConnectAsync(smtp, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("SMTP server {Host}:{Port} unavailable: {Error}", Options.Smtp.Host, Options.Smtp.Port, ex.Message);
            foreach (var m in messages) await MarkFailedAttemptAsync(db, m, ex.Message);
            live.NotifyEvents(messages.Select(m => m.EventId));
            return claimed.Count;
        }

        foreach (var message in messages)
        {
            try
            {
                await smtp.SendAsync(mime.Create(message, Options), ct);
                // Marked one by one, without change tracking: a crash loses at most the mark of the message in flight.
                var now = clock.GetUtcNow();
                await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.State, OutboxState.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                live.NotifyEvents([message.EventId]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await MarkFailedAttemptAsync(db, message, ex.Message);
                live.NotifyEvents([message.EventId]);
                if (!smtp.IsConnected)
                {
                    try { await ConnectAsync(smtp, ct); }
                    catch (Exception reconnect) when (reconnect is not OperationCanceledException) { logger.LogWarning("SMTP reconnect failed: {Error}", reconnect.Message); }
                }
            }
        }
        if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        return claimed.Count;
    }

    /// <summary>Back to the queue after a backoff, or failed for good once the attempts are used up.</summary>
    private async Task MarkFailedAttemptAsync(EventsDbContext db, OutboxMessage message, string error)
    {
        var text = error.Length > 1000 ? error[..1000] : error;
        if (message.Attempts >= Options.MaxAttempts)
        {
            logger.LogWarning("Mail {Id} failed after {Attempts} attempts: {Error}", message.Id, message.Attempts, error);
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.State, OutboxState.Failed)
                .SetProperty(m => m.LastError, text), CancellationToken.None);
            return;
        }
        var next = clock.GetUtcNow() + Backoff.After(message.Attempts, TimeSpan.FromSeconds(Options.RetryBaseSeconds), TimeSpan.FromMinutes(Options.RetryMaxMinutes));
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LastError, text), CancellationToken.None);
    }

    private async Task<List<long>> ClaimAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var expired = now - TimeSpan.FromSeconds(Options.ClaimTimeoutSeconds);
        var candidates = await db.OutboxMessages
            .Where(m => (m.State == OutboxState.Pending && m.NextAttemptAt <= now) || (m.State == OutboxState.Sending && m.ClaimedAt < expired))
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.State, m.ClaimedAt })
            .Take(Options.BatchSize)
            .ToListAsync(ct);

        var claimed = new List<long>();
        foreach (var c in candidates)
        {
            // The WHERE repeats what was read: if another sender got there first, nothing is updated.
            var rows = await db.OutboxMessages
                .Where(m => m.Id == c.Id && m.State == c.State && m.ClaimedAt == c.ClaimedAt)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboxState.Sending)
                    .SetProperty(m => m.ClaimedAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (rows == 1) claimed.Add(c.Id);
        }
        return claimed;
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        var s = Options.Smtp;
        smtp.Timeout = 30_000;
        var security = s.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await smtp.ConnectAsync(s.Host, s.Port, security, ct);
        if (!string.IsNullOrEmpty(s.UserName)) await smtp.AuthenticateAsync(s.UserName, s.Password ?? "", ct);
    }
}
