using Events.Infrastructure.Access;
using System.Globalization;
using System.Security.Cryptography;
using Events.Core.Access;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Core.Validation;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Reviews;

public sealed record ReviewerRow(int Id, string Name, string Email, string? Affiliation, ReviewerState State, int? MaxLoad, int EffectiveMaxLoad,
    int Assigned, int Submitted, IReadOnlyList<string> Topics, DateTimeOffset InvitedAt, bool Linked);

public sealed record TopicOption(int Id, string Name);

public sealed record InvitationView(int ReviewerId, int EventId, string EventTitle, string Name, string Email, ReviewerState State,
    bool LinkedToOtherUser, IReadOnlyList<TopicOption> Topics, IReadOnlyList<int> ChosenTopicIds, DateTimeOffset? ReviewDeadline, string TimeZoneId,
    bool AccountConfirmed = true);

public enum InvitationOutcome
{
    Done,
    NotFound,
    UsedByAnotherAccount,
    AlreadyReviewer,
    HasAssignments,
    /// <summary>The signed-in account has not confirmed its address: holding the link alone does not bind the invitation.</summary>
    EmailNotConfirmed,
}

public sealed record ReviewingEventRow(int EventId, string Title, DateOnly StartDate, DateOnly EndDate, int Assigned, int Submitted,
    DateTimeOffset? ReviewDeadline, string TimeZoneId);

/// <summary>Invitations, acceptance, expertise and the list of reviewers of an event.</summary>
public sealed class ReviewerService(IDbContextFactory<EventsDbContext> factory, Outbox outbox, TimeProvider clock, EventRights rights)
{
    public async Task<IReadOnlyList<ReviewerRow>> ListAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var defaultLoad = await db.CallsForPapers.Where(c => c.EventId == eventId).Select(c => (int?)c.MaxLoadPerReviewer).FirstOrDefaultAsync(ct)
            ?? new CallForPapers().MaxLoadPerReviewer;
        var topics = await TopicsAsync(db, eventId, ct);
        var rows = await db.Reviewers.Where(r => r.EventId == eventId)
            .Select(r => new
            {
                r.Id, r.Name, r.Email, r.Affiliation, r.State, r.MaxLoad, r.InvitedAt, r.UserId,
                TopicIds = r.Topics.Select(t => t.TopicId).ToList(),
                Assigned = db.ReviewAssignments.Count(a => a.ReviewerId == r.Id),
                Submitted = db.ReviewAssignments.Count(a => a.ReviewerId == r.Id && a.Review != null && a.Review.State == ReviewState.Submitted),
            })
            .AsNoTracking().ToListAsync(ct);
        var names = topics.ToDictionary(t => t.Id, t => t.Name);
        return rows.OrderBy(r => r.State).ThenBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false))
            .Select(r => new ReviewerRow(r.Id, r.Name, r.Email, r.Affiliation, r.State, r.MaxLoad, r.MaxLoad ?? defaultLoad, r.Assigned, r.Submitted,
                r.TopicIds.Where(names.ContainsKey).Select(id => names[id]).ToList(), r.InvitedAt, r.UserId is not null))
            .ToList();
    }

    /// <summary>Creates the reviewer and queues the invitation in one save. An address already on the list is refused.</summary>
    public async Task<SaveResult> InviteAsync(Actor actor, int eventId, ReviewerInvite input, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = input.Validate().ToList();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return SaveResult.NotFound;
        var email = input.Email.Trim();
        if (await db.Reviewers.AnyAsync(r => r.EventId == eventId && r.Email.ToLower() == email.ToLower(), ct))
        {
            return SaveResult.Invalid([new RuleViolation(nameof(ReviewerInvite.Email), "ReviewerExists")]);
        }
        var reviewer = new Reviewer
        {
            EventId = eventId,
            Email = email,
            Name = input.Name.Trim(),
            Affiliation = string.IsNullOrWhiteSpace(input.Affiliation) ? null : input.Affiliation.Trim(),
            MaxLoad = input.MaxLoad,
            InvitationToken = NewToken(),
            InvitedAt = clock.GetUtcNow(),
        };
        db.Reviewers.Add(reviewer);
        await QueueInvitationAsync(db, ev, reviewer, ct);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(reviewer.Id);
    }

    /// <summary>
    /// Invites many reviewers at once (an Excel import): one save creates them all and queues their invitations. Invites
    /// that fail validation or whose address is already on the list are skipped and returned.
    /// </summary>
    public async Task<(int Invited, IReadOnlyList<ReviewerInvite> Skipped)> InviteManyAsync(Actor actor, int eventId, IReadOnlyList<ReviewerInvite> invites, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(invites);
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return (0, invites);
        var taken = (await db.Reviewers.Where(r => r.EventId == eventId).Select(r => r.Email).ToListAsync(ct))
            .Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var skipped = new List<ReviewerInvite>();
        var invited = 0;
        foreach (var input in invites)
        {
            var email = input.Email.Trim();
            if (input.Validate().Count > 0 || !taken.Add(email.ToLowerInvariant()))
            {
                skipped.Add(input);
                continue;
            }
            var reviewer = new Reviewer
            {
                EventId = eventId, Email = email, Name = input.Name.Trim(),
                Affiliation = string.IsNullOrWhiteSpace(input.Affiliation) ? null : input.Affiliation.Trim(),
                MaxLoad = input.MaxLoad, InvitationToken = NewToken(), InvitedAt = clock.GetUtcNow(),
            };
            db.Reviewers.Add(reviewer);
            await QueueInvitationAsync(db, ev, reviewer, ct);
            invited++;
        }
        await db.SaveChangesAsync(ct);
        return (invited, skipped);
    }

    /// <summary>Sends the same invitation link again to someone who has not answered.</summary>
    public async Task<bool> ResendAsync(Actor actor, int eventId, int reviewerId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await db.Reviewers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewerId && r.EventId == eventId && r.State == ReviewerState.Invited, ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (reviewer is null || ev is null) return false;
        await QueueInvitationAsync(db, ev, reviewer, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> SetMaxLoadAsync(Actor actor, int eventId, int reviewerId, int? maxLoad, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        if (maxLoad is < 0) return false;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Reviewers.Where(r => r.Id == reviewerId && r.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.MaxLoad, maxLoad), ct) == 1;
    }

    /// <summary>A reviewer with assignments stays: removing them would silently drop reviews.</summary>
    public async Task<bool> RemoveAsync(Actor actor, int eventId, int reviewerId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.ReviewAssignments.AnyAsync(a => a.ReviewerId == reviewerId, ct)) return false;
        return await db.Reviewers.Where(r => r.Id == reviewerId && r.EventId == eventId).ExecuteDeleteAsync(ct) == 1;
    }

    public async Task<InvitationView?> InvitationAsync(string token, string userId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await db.Reviewers.AsNoTracking().Include(r => r.Topics).FirstOrDefaultAsync(r => r.InvitationToken == token, ct);
        if (reviewer is null) return null;
        var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == reviewer.EventId, ct);
        var call = await db.CallsForPapers.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == reviewer.EventId, ct);
        return new InvitationView(reviewer.Id, ev.Id, ev.Title, reviewer.Name, reviewer.Email, reviewer.State,
            reviewer.UserId is not null && reviewer.UserId != userId, await TopicsAsync(db, ev.Id, ct),
            reviewer.Topics.Select(t => t.TopicId).ToList(), call?.ReviewDeadline, ev.TimeZoneId, await IsConfirmedAsync(db, userId, ct));
    }

    /// <summary>
    /// Links the invitation to the signed-in account and records the expertise. Whoever holds the link may accept it
    /// with the account they choose (people often sign in with another address than the one invited), as long as that
    /// account's address is confirmed; once linked, no other account can take it over.
    /// </summary>
    public async Task<InvitationOutcome> AcceptAsync(string token, string userId, IReadOnlyCollection<int> topicIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await db.Reviewers.Include(r => r.Topics).FirstOrDefaultAsync(r => r.InvitationToken == token, ct);
        if (reviewer is null) return InvitationOutcome.NotFound;
        if (reviewer.UserId is not null && reviewer.UserId != userId) return InvitationOutcome.UsedByAnotherAccount;
        if (!await IsConfirmedAsync(db, userId, ct)) return InvitationOutcome.EmailNotConfirmed;
        if (await db.Reviewers.AnyAsync(r => r.EventId == reviewer.EventId && r.UserId == userId && r.Id != reviewer.Id, ct)) return InvitationOutcome.AlreadyReviewer;
        reviewer.UserId = userId;
        reviewer.State = ReviewerState.Accepted;
        reviewer.RespondedAt = clock.GetUtcNow();
        await ReplaceTopicsAsync(db, reviewer, topicIds, ct);
        await GrantReviewerRoleAsync(db, userId, ct);
        await db.SaveChangesAsync(ct);
        return InvitationOutcome.Done;
    }

    public async Task<InvitationOutcome> DeclineAsync(string token, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await db.Reviewers.FirstOrDefaultAsync(r => r.InvitationToken == token, ct);
        if (reviewer is null) return InvitationOutcome.NotFound;
        if (reviewer.UserId is not null && reviewer.UserId != userId) return InvitationOutcome.UsedByAnotherAccount;
        if (!await IsConfirmedAsync(db, userId, ct)) return InvitationOutcome.EmailNotConfirmed;
        if (await db.ReviewAssignments.AnyAsync(a => a.ReviewerId == reviewer.Id, ct)) return InvitationOutcome.HasAssignments;
        reviewer.State = ReviewerState.Declined;
        reviewer.UserId = userId;
        reviewer.RespondedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return InvitationOutcome.Done;
    }

    /// <summary>An accepted reviewer changes their topics of expertise later.</summary>
    public async Task<bool> SetTopicsAsync(int eventId, string userId, IReadOnlyCollection<int> topicIds, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reviewer = await db.Reviewers.Include(r => r.Topics).FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId && r.State == ReviewerState.Accepted, ct);
        if (reviewer is null) return false;
        await ReplaceTopicsAsync(db, reviewer, topicIds, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The reviewer's home: every event where the user is an accepted reviewer.</summary>
    public async Task<IReadOnlyList<ReviewingEventRow>> EventsOfAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Reviewers.Where(r => r.UserId == userId && r.State == ReviewerState.Accepted)
            .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new
            {
                e.Id, e.Title, e.StartDate, e.EndDate, e.TimeZoneId,
                Assigned = db.ReviewAssignments.Count(a => a.ReviewerId == r.Id),
                Submitted = db.ReviewAssignments.Count(a => a.ReviewerId == r.Id && a.Review != null && a.Review.State == ReviewState.Submitted),
                Deadline = db.CallsForPapers.Where(c => c.EventId == e.Id).Select(c => (DateTimeOffset?)c.ReviewDeadline).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(ct);
        return rows.OrderByDescending(r => r.StartDate)
            .Select(r => new ReviewingEventRow(r.Id, r.Title, r.StartDate, r.EndDate, r.Assigned, r.Submitted, r.Deadline, r.TimeZoneId)).ToList();
    }

    /// <summary>
    /// Pending invitations addressed to the account's email, so a reviewer who lost the mail still finds them. Only a
    /// confirmed address counts: anyone can register an address, so an unconfirmed one would hand its invitations to a squatter.
    /// </summary>
    public async Task<IReadOnlyList<(string Token, string EventTitle)>> PendingInvitationsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
        if (email is null) return [];
        var rows = await db.Reviewers.Where(r => r.State == ReviewerState.Invited && r.UserId == null && r.Email.ToUpper() == email)
            .Join(db.Events, r => r.EventId, e => e.Id, (r, e) => new { r.InvitationToken, e.Title }).AsNoTracking().ToListAsync(ct);
        return rows.Select(r => (r.InvitationToken, r.Title)).ToList();
    }

    private static Task<bool> IsConfirmedAsync(EventsDbContext db, string userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed, ct);

    internal static async Task<IReadOnlyList<TopicOption>> TopicsAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        await db.PaperTopics.Where(t => db.CallsForPapers.Any(c => c.Id == t.CallId && c.EventId == eventId))
            .OrderBy(t => t.Order).ThenBy(t => t.Id).Select(t => new TopicOption(t.Id, t.Name)).AsNoTracking().ToListAsync(ct);

    private static async Task ReplaceTopicsAsync(EventsDbContext db, Reviewer reviewer, IReadOnlyCollection<int> topicIds, CancellationToken ct)
    {
        // Only topics of this event's call; an id from elsewhere is ignored.
        var valid = (await TopicsAsync(db, reviewer.EventId, ct)).Select(t => t.Id).Where(topicIds.Contains).ToList();
        reviewer.Topics.RemoveAll(t => !valid.Contains(t.TopicId));
        foreach (var id in valid.Where(id => reviewer.Topics.All(t => t.TopicId != id))) reviewer.Topics.Add(new ReviewerTopic { TopicId = id });
    }

    /// <summary>The site role marks reviewers for the navigation; rights over papers come from the reviewer rows alone.</summary>
    private static async Task GrantReviewerRoleAsync(EventsDbContext db, string userId, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (roleId is null || await db.UserRoles.AnyAsync(ur => ur.UserId == userId && ur.RoleId == roleId, ct)) return;
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return;
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
    }

    private async Task QueueInvitationAsync(EventsDbContext db, Event ev, Reviewer reviewer, CancellationToken ct)
    {
        var call = await db.CallsForPapers.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == ev.Id, ct);
        var culture = MailTemplateStore.Normalize(ReviewMail.CultureFor(null, reviewer.Name));
        await outbox.EnqueueAsync(db, MailTemplateKeys.ReviewerInvitation, new MailRecipient(reviewer.Email, reviewer.Name, culture),
            new Dictionary<string, string>
            {
                ["name"] = reviewer.Name,
                ["eventTitle"] = ev.Title,
                ["eventDates"] = EventDateText.Format(ev.StartDate, ev.EndDate, CultureInfo.GetCultureInfo(culture)),
                ["reviewDeadline"] = call is null ? "-" : ReviewMail.Time(call.ReviewDeadline, ev.TimeZoneId),
                ["link"] = outbox.Options.Link($"/reviewing/invitations/{reviewer.InvitationToken}"),
            },
            ev.Id, $"Reviewer:{reviewer.Email}", ct: ct);
    }

    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
