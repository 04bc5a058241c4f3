using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Delegates;
using Events.Core.Attendees.Imports;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Imports;

/// <summary>
/// A sheet read and checked, kept by the organizer's page until they confirm: the header row found, each column's
/// field (guessed, then as the organizer mapped it), and every data row cleaned with its problems. Nothing is written
/// while a preview exists.
/// </summary>
public sealed record ImportPreview(int EventId, int HeaderRowNumber, IReadOnlyList<string> Headers, IReadOnlyList<ImportField> Mapping,
    IReadOnlyList<IReadOnlyList<string>> DataRows, int FirstDataRowNumber, IReadOnlyList<ImportRow> Rows)
{
    /// <summary>What the sheet is imported into; <see cref="EventId"/> is 0 for the shared people list.</summary>
    public ImportTarget Target { get; init; }

    public int ValidCount => Rows.Count(r => r.IsValid);
    public IEnumerable<ImportRow> Refused => Rows.Where(r => !r.IsValid);

    /// <summary>The fields a registrant sheet must map before rows can be checked.</summary>
    public static readonly IReadOnlyList<ImportField> Required = ImportTargets.Required(ImportTarget.Registrants);

    public IReadOnlyList<ImportField> MissingFields => ImportTargets.Required(Target).Where(f => !Mapping.Contains(f)).ToList();
}

public sealed record ImportReadResult(ImportPreview? Preview, SheetProblem Problem);

/// <summary>What a confirmed import wrote, and the rows it refused (those the preview refused, and any that became duplicates since).</summary>
public sealed record ImportOutcome(int Written, IReadOnlyList<ImportRow> Refused);

/// <summary>
/// Imports an Excel sheet into an event's registrants, the shared people list (<see cref="ImportTarget.People"/>) or an
/// event's reviewers (<see cref="ImportTarget.Reviewers"/>, each invited by mail as <see cref="Reviews.ReviewerService"/>
/// does), with the same reading, column guessing, cleaning, duplicate checks and preview for all three.
/// For registrants: read and preview (<see cref="PreviewAsync"/>, no writes), map
/// columns again (<see cref="Remap"/>), then write the good rows when the organizer confirms (<see cref="ConfirmAsync"/>).
/// Each imported person gets an account for their address if they have none (unconfirmed, without a password: its
/// owner takes it by resetting the password, as with any unconfirmed account) and an active registration, with their
/// discussion group when the sheet has one. Imports count against the seats taken; an organizer's import is not
/// refused for capacity.
/// </summary>
public sealed class RegistrantImportService(IDbContextFactory<EventsDbContext> factory, EventRights rights, TimeProvider clock,
    Attendees.PersonalDataProtector personalData, Reviews.ReviewerService reviewers)
{
    private const int Batch = 250;

    public Task<ImportReadResult> PreviewAsync(int eventId, Stream upload, long length, IProgress<int>? progress = null, CancellationToken ct = default) =>
        PreviewAsync(ImportTarget.Registrants, eventId, upload, length, progress, ct);

    /// <summary>Reads and checks a sheet for <paramref name="target"/> (event 0 for people); writes nothing.</summary>
    public async Task<ImportReadResult> PreviewAsync(ImportTarget target, int eventId, Stream upload, long length, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        progress?.Report(0);
        var sheet = await SheetReader.ReadAsync(upload, length, ct);
        if (sheet.Problem != SheetProblem.None) return new ImportReadResult(null, sheet.Problem);
        progress?.Report(30);
        var headerIndex = ImportColumns.FindHeaderRow(sheet.Rows);
        var headers = headerIndex < 0 ? sheet.Rows[0] : sheet.Rows[headerIndex];
        var dataStart = headerIndex + 1;
        var data = sheet.Rows.Skip(dataStart).ToList();
        var offered = ImportTargets.Fields(target);
        var guessed = ImportColumns.GuessAll(headers).Select(f => offered.Contains(f) ? f : ImportField.Ignore).ToList();
        var preview = new ImportPreview(eventId, headerIndex + 1, headers, guessed, data, dataStart + 1, []) { Target = target };
        var checkedPreview = await CheckAsync(preview, preview.Mapping, progress, ct);
        progress?.Report(100);
        return new ImportReadResult(checkedPreview, SheetProblem.None);
    }

    /// <summary>The same sheet checked again with the organizer's column mapping.</summary>
    public Task<ImportPreview> RemapAsync(ImportPreview preview, IReadOnlyList<ImportField> mapping, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return CheckAsync(preview, mapping, null, ct);
    }

    /// <summary>
    /// Writes the rows the preview accepted, after checking them against the registrations again (someone may have
    /// registered meanwhile). One transaction: either every good row is written or none.
    /// </summary>
    public async Task<ImportOutcome> ConfirmAsync(Actor actor, ImportPreview preview, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        if (preview.Target == ImportTarget.People) EventRights.DemandOrganizerRole(actor);
        else await rights.DemandEventAsync(actor, preview.EventId, ct);
        if (preview.MissingFields.Count > 0) return new ImportOutcome(0, preview.Rows);
        var recheck = await CheckAsync(preview, preview.Mapping, null, ct);
        var good = recheck.Rows.Where(r => r.IsValid).ToList();
        progress?.Report(0);
        if (preview.Target == ImportTarget.People) return await WritePeopleAsync(good, recheck, progress, ct);
        if (preview.Target == ImportTarget.Reviewers) return await WriteReviewersAsync(actor, preview.EventId, good, recheck, progress, ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var written = 0;
        var refusedLate = new List<ImportRow>();
        foreach (var chunk in good.Chunk(Batch))
        {
            var normalized = chunk.Select(r => r.Email.ToUpperInvariant()).ToList();
            var users = await db.Users.Where(u => u.NormalizedEmail != null && normalized.Contains(u.NormalizedEmail))
                .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
            var byEmail = users.GroupBy(u => u.NormalizedEmail!).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
            var userIds = byEmail.Values.ToList();
            var registered = (await db.Registrations.Where(r => r.EventId == preview.EventId && userIds.Contains(r.UserId) && RegistrationStates.Open.Contains(r.State))
                .Select(r => r.UserId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var added = new List<(Registration Registration, string? Group)>();
            foreach (var row in chunk)
            {
                var key = row.Email.ToUpperInvariant();
                if (!byEmail.TryGetValue(key, out var userId))
                {
                    var user = new AppUser
                    {
                        UserName = row.Email, NormalizedUserName = key, Email = row.Email, NormalizedEmail = key,
                        EmailConfirmed = false, SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = row.Name,
                    };
                    db.Users.Add(user);
                    userId = user.Id;
                    byEmail[key] = userId;
                }
                else if (registered.Contains(userId))
                {
                    row.Problems.Add(ImportProblem.AlreadyRegistered);
                    refusedLate.Add(row);
                    continue;
                }
                var registration = new Registration
                {
                    EventId = preview.EventId, UserId = userId, Name = row.Name, Organization = row.Organization, Title = row.Title,
                    Email = row.Email, Phone = personalData.Protect(row.Mobile), RegisteredAt = now,
                };
                db.Registrations.Add(registration);
                added.Add((registration, row.Group));
            }
            await db.SaveChangesAsync(ct);
            foreach (var (registration, group) in added.Where(a => a.Group is not null))
            {
                db.DelegateGroups.Add(new DelegateGroup { RegistrationId = registration.Id, EventId = preview.EventId, Name = group! });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += added.Count;
            progress?.Report(good.Count == 0 ? 100 : written * 100 / good.Count);
        }
        if (written > 0)
        {
            var seats = await db.RegistrationSettings.Where(s => s.EventId == preview.EventId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeatsTaken, x => x.SeatsTaken + written), ct);
            if (seats == 0)
            {
                db.RegistrationSettings.Add(new RegistrationSettings { EventId = preview.EventId, SeatsTaken = written });
                await db.SaveChangesAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
        progress?.Report(100);
        return new ImportOutcome(written, recheck.Refused.Concat(refusedLate).OrderBy(r => r.RowNumber).ToList());
    }

    private async Task<ImportPreview> CheckAsync(ImportPreview preview, IReadOnlyList<ImportField> mapping, IProgress<int>? progress, CancellationToken ct)
    {
        var rows = new List<ImportRow>(preview.DataRows.Count);
        for (var i = 0; i < preview.DataRows.Count; i++)
        {
            var cells = preview.DataRows[i];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(RegistrantImportRules.Clean(preview.FirstDataRowNumber + i, cells, mapping, preview.Target));
            if (progress is not null && i % 500 == 0) progress.Report(30 + 40 * i / Math.Max(1, preview.DataRows.Count));
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var (emails, mobiles, problem) = await ExistingAsync(db, preview, ct);
        progress?.Report(85);
        RegistrantImportRules.MarkDuplicates(rows, emails, mobiles, problem);
        return preview with { Mapping = mapping.ToList(), Rows = rows };
    }

    /// <summary>The addresses and mobiles already in the target, and the problem a row repeating one of them gets.</summary>
    private async Task<(HashSet<string> Emails, HashSet<string> Mobiles, ImportProblem Problem)> ExistingAsync(EventsDbContext db, ImportPreview preview, CancellationToken ct)
    {
        static string? Mobile(string? raw) => Core.Validation.ChineseIdentifiers.NormalizeMobile(raw);
        switch (preview.Target)
        {
            case ImportTarget.People:
                var people = await db.People.AsNoTracking().Where(p => p.Email != null || p.Phone != null).Select(p => new { p.Email, p.Phone }).ToListAsync(ct);
                return (people.Where(p => p.Email != null).Select(p => p.Email!.Trim().ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase),
                    people.Select(p => Mobile(p.Phone)).OfType<string>().ToHashSet(StringComparer.Ordinal), ImportProblem.AlreadyInPeople);
            case ImportTarget.Reviewers:
                var addresses = await db.Reviewers.AsNoTracking().Where(r => r.EventId == preview.EventId).Select(r => r.Email).ToListAsync(ct);
                return (addresses.Select(e => e.Trim().ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase), [], ImportProblem.AlreadyReviewer);
            default:
                var existing = await db.Registrations.AsNoTracking().Where(r => r.EventId == preview.EventId && RegistrationStates.Open.Contains(r.State))
                    .Select(r => new { r.Email, r.Phone }).ToListAsync(ct);
                return (existing.Select(e => e.Email.Trim().ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase),
                    existing.Select(e => Mobile(personalData.Unprotect(e.Phone))).OfType<string>().ToHashSet(StringComparer.Ordinal), ImportProblem.AlreadyRegistered);
        }
    }

    /// <summary>
    /// People: one person per good row, with the mobile and email, and a position (title at the unit) when the sheet
    /// gives one; a unit is matched to the organization of the same name, or added to the organizations. One transaction.
    /// </summary>
    private async Task<ImportOutcome> WritePeopleAsync(List<ImportRow> good, ImportPreview recheck, IProgress<int>? progress, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var names = good.Where(r => r.Organization.Length > 0).Select(r => r.Organization).Distinct().ToList();
        var organizations = new Dictionary<string, Core.Organizations.Organization>(StringComparer.Ordinal);
        foreach (var chunk in names.Chunk(Batch))
        {
            foreach (var o in await db.Organizations.Where(o => chunk.Contains(o.Name)).ToListAsync(ct)) organizations.TryAdd(o.Name, o);
        }
        var written = 0;
        foreach (var chunk in good.Chunk(Batch))
        {
            foreach (var row in chunk)
            {
                var person = new Core.People.Person { Name = row.Name, Email = row.Email.Length == 0 ? null : row.Email, Phone = row.Mobile };
                if (row.Organization.Length > 0 || row.Title.Length > 0)
                {
                    Core.Organizations.Organization? unit = null;
                    if (row.Organization.Length > 0 && !organizations.TryGetValue(row.Organization, out unit))
                    {
                        unit = new Core.Organizations.Organization { Name = row.Organization };
                        db.Organizations.Add(unit);
                        organizations[row.Organization] = unit;
                    }
                    person.Positions.Add(new Core.People.Position { Title = row.Title, Organization = unit });
                }
                db.People.Add(person);
            }
            await db.SaveChangesAsync(ct);
            written += chunk.Length;
            progress?.Report(written * 100 / good.Count);
        }
        await tx.CommitAsync(ct);
        progress?.Report(100);
        return new ImportOutcome(written, recheck.Refused.ToList());
    }

    /// <summary>Reviewers: each good row invited through the reviewer service (one save, invitations queued in the outbox).</summary>
    private async Task<ImportOutcome> WriteReviewersAsync(Actor actor, int eventId, List<ImportRow> good, ImportPreview recheck, IProgress<int>? progress, CancellationToken ct)
    {
        var invites = good.Select(r => new Core.Reviews.ReviewerInvite { Name = r.Name, Email = r.Email, Affiliation = r.Organization.Length == 0 ? null : r.Organization }).ToList();
        var (invited, skipped) = await reviewers.InviteManyAsync(actor, eventId, invites, ct);
        var late = skipped.Select(s => good[invites.IndexOf(s)]).ToList();
        foreach (var row in late) row.Problems.Add(ImportProblem.AlreadyReviewer);
        progress?.Report(100);
        return new ImportOutcome(invited, recheck.Refused.Concat(late).OrderBy(r => r.RowNumber).ToList());
    }
}
