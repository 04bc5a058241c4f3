using Events.Core.Access;
using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Core.Events;
using Events.Core.Program;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Program;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Bulletins;

/// <summary>Series and issues as organizers list and edit them. Publishing is <see cref="BulletinPublisher"/>'s.</summary>
public sealed class BulletinService(IDbContextFactory<EventsDbContext> factory, TimeProvider clock, EventRights rights)
{
    public async Task<PagedResult<BulletinSeriesListItem>> SearchSeriesAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.BulletinSeries.AsQueryable();
        if (page.Term is { } term) query = query.Where(s => s.Name.Contains(term) || s.Publisher.Contains(term));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByChinese(db, s => s.Name).Skip(page.Skip).Take(page.Take)
            .Select(s => new BulletinSeriesListItem(s.Id, s.Name, s.Publisher,
                db.Bulletins.Count(b => b.SeriesId == s.Id), db.Bulletins.Count(b => b.SeriesId == s.Id && b.Status == BulletinStatus.Published)))
            .ToListAsync(ct);
        return new PagedResult<BulletinSeriesListItem>(items, total);
    }

    public async Task<BulletinSeriesInput?> LoadSeriesAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var series = await db.BulletinSeries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return series is null ? null : BulletinSeriesInput.From(series);
    }

    public async Task<SaveResult> SaveSeriesAsync(Actor actor, BulletinSeriesInput input, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        var errors = input.Validate().ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (errors.Count == 0 && await db.BulletinSeries.AnyAsync(s => s.Name == input.Name.Trim() && s.Id != input.Id, ct))
        {
            errors.Add(new RuleViolation(nameof(BulletinSeriesInput.Name), "BulletinSeriesNameTaken"));
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        BulletinSeries series;
        if (input.Id is { } id)
        {
            var found = await db.BulletinSeries.FirstOrDefaultAsync(s => s.Id == id, ct);
            if (found is null) return SaveResult.NotFound;
            series = found;
            db.ExpectVersion(series, input.ConcurrencyStamp);
        }
        else
        {
            series = new BulletinSeries { Name = input.Name, Publisher = input.Publisher };
            db.BulletinSeries.Add(series);
        }
        input.ApplyTo(series);
        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        input.Id = series.Id;
        input.ConcurrencyStamp = series.ConcurrencyStamp;
        return SaveResult.Saved(series.Id);
    }

    public async Task<string?> SeriesNameAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.BulletinSeries.Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct);
    }

    public async Task<PagedResult<BulletinListItem>> SearchIssuesAsync(int? seriesId, int? eventId, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Bulletins.AsQueryable();
        if (seriesId is { } sid) query = query.Where(b => b.SeriesId == sid);
        if (eventId is { } eid) query = query.Where(b => b.EventId == eid || b.Event!.ParentEventId == eid);
        if (page.Term is { } term) query = query.Where(b => b.Title.Contains(term) || (b.RunLabel != null && b.RunLabel.Contains(term)));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.IssueDate).ThenByDescending(b => b.Id).Skip(page.Skip).Take(page.Take)
            .Include(b => b.Series).Include(b => b.Event).AsNoTracking().ToListAsync(ct);
        return new PagedResult<BulletinListItem>(rows.Select(b => new BulletinListItem(
            b.Id, b.SeriesId, b.Series!.Name, b.Title, b.Status, b.IssueDate, BulletinText.Numbers(b.Series, b), b.Event?.Title)).ToList(), total);
    }

    /// <summary>The public list: published issues only, newest first.</summary>
    public async Task<PagedResult<PublishedBulletinItem>> PublishedAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Bulletins.Where(b => b.Status == BulletinStatus.Published);
        if (page.Term is { } term) query = query.Where(b => b.Title.Contains(term) || b.Series!.Name.Contains(term));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.IssueDate).ThenByDescending(b => b.CumulativeNumber).ThenByDescending(b => b.Id)
            .Skip(page.Skip).Take(page.Take).Include(b => b.Series).AsNoTracking().ToListAsync(ct);
        return new PagedResult<PublishedBulletinItem>(rows.Select(b => new PublishedBulletinItem(
            b.Id, b.Series!.Name, BulletinText.Numbers(b.Series, b), b.RunLabel, b.Title, b.IssueDate)).ToList(), total);
    }

    public async Task<BulletinDetails?> LoadAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var b = await db.Bulletins.AsNoTracking().Include(x => x.Series).Include(x => x.Authors).Include(x => x.Corrects)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return null;
        var correctedBy = await db.Bulletins.Where(x => x.CorrectsId == id).Select(x => x.Id).ToListAsync(ct);
        return new BulletinDetails(BulletinInput.From(b), b.Status, b.Series!.Name, BulletinText.Numbers(b.Series, b),
            b.CorrectsId, b.Corrects is null ? null : BulletinText.Numbers(b.Series, b.Corrects), b.PublishedAt, correctedBy);
    }

    public async Task<BulletinAccessInfo?> AccessInfoAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Bulletins.Where(b => b.Id == id)
            .Select(b => new BulletinAccessInfo(b.EventId, b.Event != null ? b.Event.ParentEventId : null)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Creates a draft in a series: organizers and administrators run the series.</summary>
    public async Task<SaveResult> CreateAsync(Actor actor, BulletinInput input, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        return await CreateDraftAsync(input, ct);
    }

    private async Task<SaveResult> CreateDraftAsync(BulletinInput input, CancellationToken ct)
    {
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.BulletinSeries.AnyAsync(s => s.Id == input.SeriesId, ct)) return SaveResult.NotFound;
        var now = clock.GetUtcNow();
        var bulletin = new Bulletin { SeriesId = input.SeriesId, Title = input.Title, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(bulletin);
        db.Bulletins.Add(bulletin);
        await db.SaveChangesAsync(ct);
        input.Id = bulletin.Id;
        input.ConcurrencyStamp = bulletin.ConcurrencyStamp;
        return SaveResult.Saved(bulletin.Id);
    }

    /// <summary>
    /// Saves an unpublished issue. A published one is refused here, on the server, whatever the page shows.
    /// Event staff may edit an issue about their event but not move it to another event (they would hand it to
    /// someone else's staff), so for them the issue keeps its event.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Actor actor, BulletinInput input, CancellationToken ct = default)
    {
        if (input.Id is not { } id) return await CreateAsync(actor, input, ct);
        await rights.DemandBulletinAsync(actor, id, ct);
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var bulletin = await db.Bulletins.Include(b => b.Authors).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bulletin is null) return SaveResult.NotFound;
        if (!actor.HasOrganizerRole) input.EventId = bulletin.EventId;
        if (!BulletinWorkflow.CanEdit(bulletin.Status)) return SaveResult.Invalid([new RuleViolation("Status", "BulletinPublished")]);
        db.ExpectVersion(bulletin, input.ConcurrencyStamp);
        input.ApplyTo(bulletin);
        bulletin.UpdatedAt = clock.GetUtcNow();
        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        input.ConcurrencyStamp = bulletin.ConcurrencyStamp;
        return SaveResult.Saved(bulletin.Id);
    }

    /// <summary>Submits for review or sends back to draft; publishing goes through <see cref="BulletinPublisher"/>.</summary>
    public async Task<SaveResult> MoveAsync(Actor actor, int id, BulletinStatus to, Guid loadedStamp, CancellationToken ct = default)
    {
        await rights.DemandBulletinAsync(actor, id, ct);
        if (to == BulletinStatus.Published) return SaveResult.Invalid([new RuleViolation("Status", "BulletinBadTransition")]);
        await using var db = await factory.CreateDbContextAsync(ct);
        var bulletin = await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (bulletin is null) return SaveResult.NotFound;
        if (!BulletinWorkflow.CanMove(bulletin.Status, to)) return SaveResult.Invalid([new RuleViolation("Status", "BulletinBadTransition")]);
        db.ExpectVersion(bulletin, loadedStamp);
        bulletin.Status = to;
        bulletin.UpdatedAt = clock.GetUtcNow();
        return await db.TrySaveVersionedAsync(ct) ? SaveResult.Saved(id) : SaveResult.Conflict;
    }

    /// <summary>The only way to change what a published issue says: a new draft that copies it and points back at it.</summary>
    public async Task<SaveResult> CreateCorrectionAsync(Actor actor, int publishedId, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var original = await db.Bulletins.AsNoTracking().Include(b => b.Authors).FirstOrDefaultAsync(b => b.Id == publishedId, ct);
        if (original is null) return SaveResult.NotFound;
        if (!original.IsPublished) return SaveResult.Invalid([new RuleViolation("Status", "BulletinNotPublished")]);
        var input = BulletinInput.From(original);
        input.Id = null;
        input.IssueDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow();
        var correction = new Bulletin { SeriesId = original.SeriesId, Title = original.Title, CorrectsId = original.Id, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(correction);
        db.Bulletins.Add(correction);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(correction.Id);
    }

    /// <summary>A first draft written from an event's data and its published program (see <see cref="BulletinDraftComposer"/>).</summary>
    public async Task<SaveResult> CreateDraftFromEventAsync(Actor actor, int seriesId, int eventId, BulletinDraftPhrases phrases, CancellationToken ct = default)
    {
        EventRights.DemandOrganizerRole(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.BulletinSeries.AnyAsync(s => s.Id == seriesId, ct)) return SaveResult.NotFound;
        var source = await DraftSourceAsync(db, eventId, ct);
        if (source is null) return SaveResult.NotFound;
        var draft = BulletinDraftComposer.Compose(source, phrases);
        var input = new BulletinInput
        {
            SeriesId = seriesId,
            EventId = eventId,
            IssueDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            Title = draft.Title.Length > BulletinLimits.Title ? draft.Title[..BulletinLimits.Title] : draft.Title,
            EditorsNote = draft.EditorsNote.Length > BulletinLimits.EditorsNote ? draft.EditorsNote[..BulletinLimits.EditorsNote] : draft.EditorsNote,
            Body = draft.Body.Length > BulletinLimits.Body ? draft.Body[..BulletinLimits.Body] : draft.Body,
        };
        return await CreateDraftAsync(input, ct);
    }

    public static async Task<BulletinDraftSource?> DraftSourceAsync(EventsDbContext db, int eventId, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().Include(e => e.ParentEvent)
            .Include(e => e.Units).ThenInclude(u => u.Organization).FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return null;
        var rootId = ev.ParentEventId ?? ev.Id;
        var version = await db.ProgramVersions.AsNoTracking().Where(v => v.EventId == rootId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        IReadOnlyList<SnapshotSession> sessions = [];
        if (version is not null)
        {
            var snapshot = ProgramPublisher.Read(version);
            // A sub-forum's bulletin reports its own sessions; a main forum's covers the whole program.
            sessions = ev.ParentEventId is null ? snapshot.Sessions : snapshot.Sessions.Where(s => s.EventId == ev.Id).ToList();
        }
        var units = ev.Units.GroupBy(u => u.Role).ToDictionary(
            g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(u => u.Order).Select(u => u.Organization!.Name).ToList());
        return new BulletinDraftSource(ev.Title, ev.Theme, ev.StartDate, ev.EndDate, ev.City, ev.Venue, ev.ParentEvent?.Title, units, sessions);
    }

    public async Task<IReadOnlyList<EventOption>> EventOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Events.OrderByDescending(e => e.StartDate).ThenBy(e => e.Id).Take(500)
            .Select(e => new EventOption(e.Id, e.Title)).ToListAsync(ct);
    }

    /// <summary>What the document prints. An unpublished issue shows the numbers it would get if published now, marked provisional.</summary>
    public async Task<BulletinView?> ViewAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var b = await db.Bulletins.AsNoTracking().Include(x => x.Series).Include(x => x.Authors).Include(x => x.Corrects)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return null;
        var series = b.Series!;
        var numbers = b.IsPublished
            ? new IssueNumbers(b.Year ?? b.IssueDate.Year, b.NumberInYear, b.CumulativeNumber)
            : BulletinNumbering.Next(series, b.IssueDate, [], await AnyPublishedAsync(db, series.Id, ct));
        return new BulletinView(
            b.Id, b.Status, series.Name, series.Publisher, series.Style, series.MastheadColor,
            BulletinNumbering.Lines(series.Style, numbers),
            !b.IsPublished, b.IssueDate, b.RunLabel, b.EditorsNote, b.Title, BulletinMarkdown.ToHtml(b.Body),
            b.Authors.OrderBy(a => a.Order).Select(a => new BulletinAuthorView(a.Name, a.Note)).ToList(),
            b.Column, b.Kicker, b.Subtitle, b.Standfirst,
            b.Articles.Select(a => new BulletinArticleView(a.Column, a.Kicker, a.Title, a.Subtitle, a.Byline, a.AuthorNote, a.Standfirst, BulletinMarkdown.ToHtml(a.Body)) { BodyMarkdown = a.Body }).ToList(),
            b.AuthorNotes,
            b.Credits, series.EditorialBoard, series.Contact, b.Distribution.SentTo, b.Distribution.CopiedTo,
            b.Corrects is null ? null : BulletinText.Numbers(series, b.Corrects))
        {
            BodyMarkdown = b.Body,
            SeriesId = series.Id,
            UploadedFamilies = await db.BulletinFonts.AsNoTracking().Where(f => f.SeriesId == series.Id).ToDictionaryAsync(f => f.Role, f => f.FamilyName, ct),
        };
    }

    /// <summary>Whether the series has published any issue: until then its counter year is only a default (see <see cref="BulletinNumbering.Next"/>).</summary>
    internal static Task<bool> AnyPublishedAsync(EventsDbContext db, int seriesId, CancellationToken ct) =>
        db.Bulletins.AnyAsync(x => x.SeriesId == seriesId && x.Status == BulletinStatus.Published, ct);

    /// <summary>The stored PDF of a published issue and when it was published, for the download endpoint.</summary>
    public async Task<(string? PdfFile, DateTimeOffset PublishedAt)?> PublishedFileAsync(int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.Bulletins.Where(b => b.Id == id && b.Status == BulletinStatus.Published)
            .Select(b => new { b.PdfFile, b.PublishedAt }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.PdfFile, row.PublishedAt ?? DateTimeOffset.UnixEpoch);
    }

    /// <summary>
    /// Records the stored PDF once; false when another request stored one first (the caller then uses that one).
    /// Takes no actor: it caches the print of an issue already published, whoever first asks for it, and changes nothing it says.
    /// </summary>
    public async Task<bool> SetPdfFileAsync(int id, string storedName, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Bulletins.Where(b => b.Id == id && b.Status == BulletinStatus.Published && b.PdfFile == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.PdfFile, storedName), ct) == 1;
    }
}
