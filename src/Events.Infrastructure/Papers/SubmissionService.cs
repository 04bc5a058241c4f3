using System.Globalization;
using Events.Core.Common;
using Events.Core.Mail;
using Events.Core.Papers;
using Events.Core.Program;
using Events.Core.Reviews;
using Events.Core.Validation;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.Mail;
using Events.Infrastructure.Papers.Anonymity;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Papers;

/// <summary>
/// The author's side of a call: submit, edit, withdraw, upload versions, read the outcome.
/// Every action checks on the server that the user is an author (<see cref="PaperAccess"/>) and that its deadline
/// has not passed (<see cref="PaperDeadlines"/>); a refused action writes nothing.
/// </summary>
public sealed class SubmissionService(IDbContextFactory<EventsDbContext> factory, FileStore files, Outbox outbox, TimeProvider clock)
{
    /// <summary>The file-store folder of paper PDFs (every version of every paper).</summary>
    public const string FileFolder = "papers";

    /// <summary>Where uploads wait while they are checked; inside the data folder, outside the web root.</summary>
    public string IncomingFolder => Path.Combine(files.Root, "incoming");

    private const int NumberAttempts = 8;

    /// <summary>What the submission form of an event needs, or null when the event has no public call.</summary>
    public async Task<SubmitContext?> GetSubmitContextAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug && e.Status == Core.Events.EventStatus.Published, ct);
        if (ev is null) return null;
        var call = await db.CallsForPapers.AsNoTracking().Include(c => c.Topics).FirstOrDefaultAsync(c => c.EventId == ev.Id && c.IsPublished, ct);
        if (call is null) return null;
        return new SubmitContext(ev.Id, ev.Slug, ev.Title, ev.TimeZoneId, call.IsOpenAt(clock.GetUtcNow()), call.SubmissionDeadline,
            call.MaxFileSizeMb, call.MaxPages, Topics(call), await ReviewersAsync(db, ev.Id, ct));
    }

    /// <summary>
    /// A new submission with its first PDF. The PDF is checked before anything is written; the submission, its file row and
    /// a receipt to every author with an email are saved together. The paper gets the event's next number; two authors
    /// submitting at once both get one, because a clash on the unique (event, number) index is retried with the next.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(string slug, SubmissionInput input, PaperUpload pdf, string userId, CancellationToken ct = default)
    {
        var context = await GetSubmitContextAsync(slug, ct);
        if (context is null) return new(SaveResult.NotFound);
        ReviewMode mode;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var call = await db.CallsForPapers.AsNoTracking().FirstAsync(c => c.EventId == context.EventId, ct);
            if (PaperDeadlines.CanSubmit(call, clock.GetUtcNow()) is { } refusal) return new(SaveResult.Invalid([refusal]));
            mode = call.ReviewMode;
        }
        var errors = input.Validate(context.Topics.Select(t => t.Id).ToList()).ToList();
        errors.AddRange(UnknownReviewers(input, context.Reviewers));
        if (errors.Count > 0) return new(SaveResult.Invalid(errors));

        await using var checkedPdf = await PdfUploadValidator.ReadAsync(pdf.Content, context.MaxFileSizeBytes, context.MaxPages, IncomingFolder, ct);
        if (!checkedPdf.IsValid) return new(SaveResult.Invalid([new(PaperDeadlines.Field, "PdfRejected")]), checkedPdf.Problem);
        // A double-blind paper that names its authors is held back until the author has seen where, and submits anyway.
        var anonymity = AnonymityCheck.Run(mode, input.Authors, checkedPdf);
        if (anonymity.Count > 0 && !input.AnonymityAcknowledged) return new(SaveResult.Invalid([new(PaperDeadlines.Field, AnonymityCheck.Code)]), Anonymity: anonymity);
        checkedPdf.AnonymityFindings = AnonymityCheck.Serialize(anonymity);

        string stored;
        await using (var content = checkedPdf.OpenRead()) stored = await files.SaveAsync(FileFolder, ".pdf", content, ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var result = await TrySubmitOnceAsync(context, input, pdf.FileName, checkedPdf, stored, userId, ct);
                if (result is not null) return result;
                if (attempt == NumberAttempts) throw new InvalidOperationException("No free submission number after repeated clashes.");
            }
        }
        catch
        {
            files.Delete(FileFolder, stored);
            throw;
        }
    }

    /// <summary>One try at saving under the next free number; null when another submission took that number first.</summary>
    private async Task<SubmitResult?> TrySubmitOnceAsync(SubmitContext context, SubmissionInput input, string fileName, ValidatedPdf pdf, string stored, string userId, CancellationToken ct)
    {
        await using var probe = await factory.CreateDbContextAsync(ct);
        // The submission and its conflicts are two saves in one transaction (a conflict row needs the submission's id);
        // SQL Server's retrying strategy wants such a transaction run through it, with a fresh context per try.
        return await probe.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var call = await db.CallsForPapers.AsNoTracking().FirstAsync(c => c.EventId == context.EventId, ct);
            var now = clock.GetUtcNow();
            // Checked again at the moment of saving: a slow upload may have crossed the deadline.
            if (PaperDeadlines.CanSubmit(call, now) is { } refusal)
            {
                files.Delete(FileFolder, stored);
                return new SubmitResult(SaveResult.Invalid([refusal]));
            }

            var number = (await db.Submissions.Where(s => s.EventId == context.EventId).MaxAsync(s => (int?)s.Number, ct) ?? 0) + 1;
            var submission = new Submission
            {
                EventId = context.EventId,
                Number = number,
                Title = "",
                Abstract = "",
                SubmitterUserId = userId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            input.ApplyTo(submission);
            submission.Files.Add(NewFile(SubmissionFileKind.Submission, 1, stored, fileName, pdf, now, userId));
            db.Submissions.Add(submission);
            await QueueReceiptsAsync(db, context, submission, userId, ct);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(ct);
                if (await NumberTakenAsync(context.EventId, number, ct)) return null;
                throw;
            }
            foreach (var c in input.DistinctConflicts())
            {
                db.DeclaredConflicts.Add(new DeclaredConflict { SubmissionId = submission.Id, ReviewerId = c.ReviewerId, DeclaredBy = ConflictSource.Author, Reason = c.Reason?.Trim(), DeclaredAt = now });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            input.Id = submission.Id;
            input.ConcurrencyStamp = submission.ConcurrencyStamp;
            return new SubmitResult(SaveResult.Saved(submission.Id));
        });
    }

    private async Task<bool> NumberTakenAsync(int eventId, int number, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Submissions.AnyAsync(s => s.EventId == eventId && s.Number == number, ct);
    }

    /// <summary>A receipt to every author with an email, each in the language their name suggests (the submitter's own choice for them).</summary>
    private async Task QueueReceiptsAsync(EventsDbContext db, SubmitContext context, Submission submission, string userId, CancellationToken ct)
    {
        var submitter = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.NormalizedEmail, u.PreferredCulture }).FirstOrDefaultAsync(ct);
        var byline = string.Join("、", submission.Authors.OrderBy(a => a.Order).Select(a => a.Name));
        var zone = ProgramTime.Zone(context.TimeZoneId);
        var deadline = TimeZoneInfo.ConvertTime(context.SubmissionDeadline, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (" + context.TimeZoneId + ")";
        foreach (var author in submission.Authors.Where(a => !string.IsNullOrWhiteSpace(a.Email)).OrderBy(a => a.Order))
        {
            var isSubmitter = submitter?.NormalizedEmail is { } own && string.Equals(own, author.Email!.ToUpperInvariant(), StringComparison.Ordinal);
            var culture = isSubmitter && submitter!.PreferredCulture is { } chosen ? chosen : (author.Name.Any(c => c > 0x2E7F) ? "zh-CN" : "en");
            await outbox.EnqueueAsync(db, MailTemplateKeys.SubmissionReceived, new MailRecipient(author.Email!, author.Name, culture),
                new Dictionary<string, string>
                {
                    ["name"] = author.Name,
                    ["eventTitle"] = context.EventTitle,
                    ["paperNumber"] = submission.Number.ToString(CultureInfo.InvariantCulture),
                    ["paperTitle"] = submission.Title,
                    ["authors"] = byline,
                    ["submissionDeadline"] = deadline,
                    ["papersLink"] = outbox.Options.Link("/papers"),
                },
                context.EventId, $"Submission:{context.EventId}:{submission.Number}", ct: ct);
        }
    }

    /// <summary>
    /// The signed-in user as an author line, for "add myself": the name and affiliation they used on their latest paper,
    /// else their display name. Null without a confirmed email, since an author line is matched to accounts by email.
    /// </summary>
    public async Task<SelfAuthor?> SelfAuthorAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.EmailConfirmed)
            .Select(u => new { u.Email, u.NormalizedEmail, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user?.Email is null) return null;
        var last = await db.Authors.AsNoTracking().Where(a => a.Email != null && a.Email.ToUpper() == user.NormalizedEmail)
            .OrderByDescending(a => a.SubmissionId).Select(a => new { a.Name, a.Affiliation }).FirstOrDefaultAsync(ct);
        return new SelfAuthor(last?.Name ?? user.DisplayName ?? "", last?.Affiliation, user.Email);
    }

    /// <summary>The edit form of a submission, for its authors only.</summary>
    public async Task<(SubmissionInput Input, SubmitContext Context)?> LoadForEditAsync(int id, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await PaperAccess.IsAuthorAsync(db, id, userId, ct)) return null;
        var s = await db.Submissions.AsNoTracking().Include(x => x.Authors).FirstAsync(x => x.Id == id, ct);
        var conflicts = await db.DeclaredConflicts.AsNoTracking().Where(c => c.SubmissionId == id).ToListAsync(ct);
        var context = await ContextOfAsync(db, s.EventId, ct);
        return context is null ? null : (SubmissionInput.From(s, conflicts), context);
    }

    /// <summary>Saves edited details, byline and declared conflicts, until the submission deadline. A stale stamp is a conflict.</summary>
    public async Task<SaveResult> UpdateAsync(SubmissionInput input, string userId, CancellationToken ct = default)
    {
        if (input.Id is not { } id) return SaveResult.NotFound;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await PaperAccess.IsAuthorAsync(db, id, userId, ct)) return SaveResult.NotFound;
        var submission = await db.Submissions.Include(s => s.Authors).FirstAsync(s => s.Id == id, ct);
        var call = await db.CallsForPapers.AsNoTracking().Include(c => c.Topics).FirstOrDefaultAsync(c => c.EventId == submission.EventId, ct);
        if (call is null) return SaveResult.NotFound;
        var now = clock.GetUtcNow();
        if (PaperDeadlines.CanChange(call, submission, now) is { } refusal) return SaveResult.Invalid([refusal]);

        var errors = input.Validate(call.Topics.Select(t => t.Id).ToList()).ToList();
        errors.AddRange(UnknownReviewers(input, await ReviewersAsync(db, submission.EventId, ct)));
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        db.ExpectVersion(submission, input.ConcurrencyStamp);
        input.ApplyTo(submission);
        submission.UpdatedAt = now;

        var wanted = input.DistinctConflicts();
        var existing = await db.DeclaredConflicts.Where(c => c.SubmissionId == id && c.DeclaredBy == ConflictSource.Author).ToListAsync(ct);
        db.DeclaredConflicts.RemoveRange(existing.Where(c => !wanted.Any(w => w.ReviewerId == c.ReviewerId)));
        foreach (var w in wanted)
        {
            var row = existing.FirstOrDefault(c => c.ReviewerId == w.ReviewerId);
            if (row is null)
            {
                db.DeclaredConflicts.Add(new DeclaredConflict { SubmissionId = id, ReviewerId = w.ReviewerId, DeclaredBy = ConflictSource.Author, Reason = w.Reason?.Trim(), DeclaredAt = now });
            }
            else
            {
                row.Reason = w.Reason?.Trim();
            }
        }

        if (!await db.TrySaveVersionedAsync(ct)) return SaveResult.Conflict;
        input.ConcurrencyStamp = submission.ConcurrencyStamp;
        return SaveResult.Saved(id);
    }

    /// <summary>Withdraws a submission, until the submission deadline. The files stay, as the record of what was sent.</summary>
    public async Task<SaveResult> WithdrawAsync(int id, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await PaperAccess.IsAuthorAsync(db, id, userId, ct)) return SaveResult.NotFound;
        var submission = await db.Submissions.FirstAsync(s => s.Id == id, ct);
        var call = await db.CallsForPapers.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == submission.EventId, ct);
        if (call is null) return SaveResult.NotFound;
        var now = clock.GetUtcNow();
        if (PaperDeadlines.CanChange(call, submission, now) is { } refusal) return SaveResult.Invalid([refusal]);
        submission.State = SubmissionState.Withdrawn;
        submission.UpdatedAt = now;
        submission.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(id);
    }

    /// <summary>
    /// Keeps a new version of the paper (until the submission deadline) or of its camera-ready copy (accepted papers, until
    /// the camera-ready deadline). A refused upload leaves every earlier version as it was.
    /// </summary>
    public async Task<UploadResult> UploadAsync(int id, SubmissionFileKind kind, PaperUpload pdf, string userId, CancellationToken ct = default)
    {
        CallForPapers call;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (!await PaperAccess.IsAuthorAsync(db, id, userId, ct)) return new(PaperUploadProblem.NotFound);
            var submission = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == id, ct);
            var found = await db.CallsForPapers.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == submission.EventId, ct);
            if (found is null) return new(PaperUploadProblem.NotFound);
            call = found;
            if (Refusal(call, submission, kind) is { } refused) return new(refused);
        }

        await using var checkedPdf = await PdfUploadValidator.ReadAsync(pdf.Content, call.MaxFileSizeBytes, call.MaxPages, IncomingFolder, ct);
        if (!checkedPdf.IsValid) return new(checkedPdf.Problem);
        var authors = await AuthorsAsync(id, ct);
        var anonymity = AnonymityCheck.Run(call.ReviewMode, authors, checkedPdf);
        checkedPdf.AnonymityFindings = AnonymityCheck.Serialize(anonymity);

        string stored;
        await using (var content = checkedPdf.OpenRead()) stored = await files.SaveAsync(FileFolder, ".pdf", content, ct);
        for (var attempt = 1; attempt <= NumberAttempts; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var submission = await db.Submissions.FirstAsync(s => s.Id == id, ct);
            if (Refusal(call, submission, kind) is { } refused)
            {
                files.Delete(FileFolder, stored);
                return new(refused);
            }
            var version = (await db.SubmissionFiles.Where(f => f.SubmissionId == id && f.Kind == kind).MaxAsync(f => (int?)f.Version, ct) ?? 0) + 1;
            var now = clock.GetUtcNow();
            var file = NewFile(kind, version, stored, pdf.FileName, checkedPdf, now, userId);
            file.SubmissionId = id;
            db.SubmissionFiles.Add(file);
            submission.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
                return new(PaperUploadProblem.None, file.Id, version) { Anonymity = anonymity };
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Two uploads at once chose the same version number; the unique index refused the second, which tries the next.
            }
        }
        files.Delete(FileFolder, stored);
        throw new InvalidOperationException("No free version number after repeated clashes.");
    }

    private PaperUploadProblem? Refusal(CallForPapers call, Submission submission, SubmissionFileKind kind)
    {
        var now = clock.GetUtcNow();
        var refusal = kind == SubmissionFileKind.CameraReady
            ? PaperDeadlines.CanUploadCameraReady(call, submission, now)
            : PaperDeadlines.CanReplacePdf(call, submission, now);
        return refusal is null ? null : Enum.Parse<PaperUploadProblem>(refusal.Code);
    }

    /// <summary>The user's submissions, across events, newest first.</summary>
    public async Task<PagedResult<MySubmissionItem>> ListMineAsync(string userId, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = await PaperAccess.OfAuthorAsync(db, userId, ct);
        if (page.Term is { } term) query = query.Where(s => s.Title.Contains(term));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(page.Skip).Take(page.Take)
            .Join(db.Events, s => s.EventId, e => e.Id, (s, e) => new
            {
                s.Id, s.Number, s.Title, EventTitle = e.Title, e.Slug, e.TimeZoneId, s.State, s.Decision, s.DecisionNotifiedAt, s.UpdatedAt,
                HasPdf = s.Files.Any(f => f.Kind == SubmissionFileKind.Submission),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new MySubmissionItem(r.Id, r.Number, r.Title, r.EventTitle, r.Slug, r.TimeZoneId, r.State,
            r.DecisionNotifiedAt is null ? null : r.Decision, r.UpdatedAt, r.HasPdf)).ToList();
        return new PagedResult<MySubmissionItem>(items, total);
    }

    /// <summary>
    /// The author's page of a submission, or null for anyone who is not its author. The decision and the comments to authors
    /// appear only after the decision was sent; the comments are read as bare text from submitted reviews, so no reviewer,
    /// score or confidential comment can reach this view.
    /// </summary>
    public async Task<AuthorPaperView?> GetForAuthorAsync(int id, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await PaperAccess.IsAuthorAsync(db, id, userId, ct)) return null;
        var s = await db.Submissions.AsNoTracking().Include(x => x.Authors).Include(x => x.Files).Include(x => x.Topic).FirstAsync(x => x.Id == id, ct);
        var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == s.EventId, ct);
        var call = await db.CallsForPapers.AsNoTracking().FirstOrDefaultAsync(c => c.EventId == s.EventId, ct);
        if (call is null) return null;
        var now = clock.GetUtcNow();

        var visible = PaperDeadlines.DecisionVisible(s);
        IReadOnlyList<AuthorReviewComment> comments = [];
        if (visible)
        {
            // Numbered as the decision mail numbers them: by the labels every assignment of the paper gets (ReviewVisibility.Labels).
            var assignmentIds = await db.ReviewAssignments.Where(a => a.SubmissionId == id).Select(a => a.Id).ToListAsync(ct);
            var labels = ReviewVisibility.Labels(assignmentIds);
            var written = await db.ReviewAssignments.Where(a => a.SubmissionId == id && a.Review != null && a.Review.State == ReviewState.Submitted
                    && a.Review.CommentsToAuthors != null && a.Review.CommentsToAuthors != "")
                .Select(a => new { a.Id, Text = a.Review!.CommentsToAuthors! }).ToListAsync(ct);
            comments = written.Where(w => !string.IsNullOrWhiteSpace(w.Text)).OrderBy(w => labels[w.Id])
                .Select(w => new AuthorReviewComment(labels[w.Id], w.Text.Trim())).ToList();
        }
        var conflicts = await db.DeclaredConflicts.Where(c => c.SubmissionId == id && c.DeclaredBy == ConflictSource.Author)
            .Join(db.Reviewers, c => c.ReviewerId, r => r.Id, (c, r) => r.Name).ToListAsync(ct);

        var authorNames = await AuthorNames.ForAsync(db, s.Authors, ct);
        return new AuthorPaperView(s.Id, s.Number, s.Title, s.Abstract, s.Keywords, s.Topic?.Name,
            s.Authors.OrderBy(a => a.Order).Select(a => new AuthorLine(authorNames.Shown(a), a.Affiliation, a.Email, a.IsCorresponding, a.IsPresenter)).ToList(),
            s.State, ev.Title, ev.Slug, ev.TimeZoneId, s.CreatedAt, s.UpdatedAt, call.SubmissionDeadline, call.CameraReadyDeadline,
            call.MaxFileSizeMb, call.MaxPages,
            s.Files.OrderBy(f => f.Kind).ThenByDescending(f => f.Version)
                .Select(f => new PaperFileItem(f.Id, f.Kind, f.Version, f.OriginalFileName, f.SizeBytes, f.PageCount, f.Sha256, f.UploadedAt)).ToList(),
            conflicts,
            PaperDeadlines.CanChange(call, s, now) is null,
            PaperDeadlines.CanUploadCameraReady(call, s, now) is null,
            PaperDeadlines.CanUploadRevision(call, s, now) is null,
            visible ? s.Decision : null,
            comments)
        {
            Slot = visible && s.SessionItemId is { } itemId ? await SlotAsync(db, itemId, ct) : null,
        };
    }

    private static async Task<PaperSlot?> SlotAsync(EventsDbContext db, int itemId, CancellationToken ct)
    {
        var item = await db.SessionItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return null;
        var session = await db.Sessions.AsNoTracking().Include(x => x.Room).Include(x => x.Items).FirstAsync(x => x.Id == item.SessionId, ct);
        var start = session.Start.AddMinutes(session.Items.Where(i => i.Order < item.Order).Sum(i => i.DurationMinutes));
        return new PaperSlot(session.Title, start, start.AddMinutes(item.DurationMinutes), session.Room?.Name);
    }

    /// <summary>
    /// Opens a stored version for download by the paper's authors or the staff of its event (administrators included);
    /// null for anyone else and for unknown ids alike, so the answer does not tell whether the paper exists.
    /// Reviewers get their copies elsewhere, with the metadata stripped.
    /// </summary>
    public async Task<PaperFileDownload?> OpenFileAsync(int submissionId, int fileId, string userId, bool isAdministrator, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var allowed = await PaperAccess.IsAuthorAsync(db, submissionId, userId, ct)
            || await PaperAccess.IsEventStaffAsync(db, submissionId, userId, isAdministrator, ct);
        if (!allowed) return null;
        var file = await db.SubmissionFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.SubmissionId == submissionId, ct);
        if (file is null) return null;
        var stream = files.OpenRead(FileFolder, file.StoredName);
        return stream is null ? null : new PaperFileDownload(stream, file.OriginalFileName);
    }

    private static SubmissionFile NewFile(SubmissionFileKind kind, int version, string stored, string uploadedName, ValidatedPdf pdf, DateTimeOffset now, string userId) => new()
    {
        Kind = kind,
        Version = version,
        StoredName = stored,
        OriginalFileName = PaperFileNames.Display(uploadedName),
        SizeBytes = pdf.Size,
        PageCount = pdf.Pages,
        Sha256 = pdf.Sha256,
        UploadedAt = now,
        UploadedByUserId = userId,
        AnonymityFindings = pdf.AnonymityFindings,
    };

    private async Task<List<AuthorInput>> AuthorsAsync(int submissionId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Authors.AsNoTracking().Where(a => a.SubmissionId == submissionId)
            .Select(a => new AuthorInput { Name = a.Name, Affiliation = a.Affiliation, Email = a.Email }).ToListAsync(ct);
    }

    private async Task<SubmitContext?> ContextOfAsync(EventsDbContext db, int eventId, CancellationToken ct)
    {
        var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId, ct);
        var call = await db.CallsForPapers.AsNoTracking().Include(c => c.Topics).FirstOrDefaultAsync(c => c.EventId == eventId, ct);
        if (call is null) return null;
        return new SubmitContext(ev.Id, ev.Slug, ev.Title, ev.TimeZoneId, call.IsOpenAt(clock.GetUtcNow()), call.SubmissionDeadline,
            call.MaxFileSizeMb, call.MaxPages, Topics(call), await ReviewersAsync(db, eventId, ct));
    }

    private static List<TopicChoice> Topics(CallForPapers call) =>
        call.Topics.OrderBy(t => t.Order).Select(t => new TopicChoice(t.Id, t.Name)).ToList();

    /// <summary>The event's reviewers an author may declare a conflict with: everyone invited who has not declined, by name.</summary>
    private static async Task<List<ReviewerChoice>> ReviewersAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        await db.Reviewers.AsNoTracking().Where(r => r.EventId == eventId && r.State != ReviewerState.Declined)
            .OrderByChinese(db, r => r.Name)
            .Select(r => new ReviewerChoice(r.Id, r.Name, r.Affiliation)).ToListAsync(ct);

    private static IEnumerable<RuleViolation> UnknownReviewers(SubmissionInput input, IReadOnlyList<ReviewerChoice> reviewers)
    {
        for (var i = 0; i < input.Conflicts.Count; i++)
        {
            if (!reviewers.Any(r => r.Id == input.Conflicts[i].ReviewerId)) yield return new($"{nameof(SubmissionInput.Conflicts)}[{i}]", "UnknownReviewer");
        }
    }
}
