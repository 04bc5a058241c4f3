using System.Globalization;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Bulletins;
using Events.Core.Certificates;
using Events.Core.Events;
using Events.Core.Program;
using Events.Core.Reviews;
using Events.Core.Security;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Events.Infrastructure.Files;
using Events.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Events.Infrastructure.Certificates;

/// <summary>
/// Certificates (参会/报告/审稿证明) and invitation letters (邀请函): the event's letterhead and wording, issuing to the
/// event's real registrations, speakers and reviewers, reissue and revocation, printing, and public verification.
/// Every method that reads or changes an event's certificates asks <see cref="EventRights"/> first; only
/// <see cref="VerifyAsync"/> is public, and it reveals nothing for a code that is not genuine.
/// </summary>
public sealed class CertificateService(
    IDbContextFactory<EventsDbContext> factory, EventRights rights, ISignedCodes codes, FileStore files, IOptions<MailOptions> mail, TimeProvider clock)
{
    /// <summary>The path a certificate's QR and short code lead to.</summary>
    public static string VerifyPath(string code) => $"/verify/{Uri.EscapeDataString(code)}";

    public string VerifyUrl(string code) => mail.Value.PublicBaseUrl.TrimEnd('/') + VerifyPath(code);

    public static string Purpose(CertificateKind kind) => kind == CertificateKind.Invitation ? SignedCodePurposes.Invitation : SignedCodePurposes.Certificate;

    public static CertificateRecipient RecipientOf(CertificateKind kind) => kind switch
    {
        CertificateKind.Presentation => CertificateRecipient.Speaker,
        CertificateKind.Reviewing => CertificateRecipient.Reviewer,
        _ => CertificateRecipient.Registration,
    };

    /// <summary>The roles in a program item that count as presenting (报告): not moderators or discussants.</summary>
    private static readonly ItemRole[] Presenting = [ItemRole.Speaker, ItemRole.CoSpeaker, ItemRole.Panelist, ItemRole.Address];

    public string ShortCode(CertificateKind kind, int id, int version) => codes.ShortCode(new SignedSubject(Purpose(kind), id, version));

    public string Token(CertificateKind kind, int id, int version) => codes.Token(new SignedSubject(Purpose(kind), id, version));

    // ---------- letterhead and wording ----------

    public async Task<CertificateSetup?> SetupAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Title }).FirstOrDefaultAsync(ct);
        if (ev is null) return null;
        var design = await db.CertificateDesigns.AsNoTracking().FirstOrDefaultAsync(d => d.EventId == eventId, ct);
        var saved = await db.CertificateTemplates.AsNoTracking().Where(t => t.EventId == eventId).ToListAsync(ct);
        var templates = new List<CertificateTemplateView>();
        foreach (var kind in Enum.GetValues<CertificateKind>())
        {
            foreach (var culture in CertificateText.Cultures)
            {
                var t = saved.FirstOrDefault(x => x.Kind == kind && x.Culture == culture);
                var d = CertificateText.Default(kind, culture);
                templates.Add(t is null
                    ? new CertificateTemplateView(kind, culture, d.Title, d.Body, d.Signature, null, true)
                    : new CertificateTemplateView(kind, culture, t.Title, t.Body, t.Signature, t.ConcurrencyStamp, false));
            }
        }
        return new CertificateSetup(ev.Title, design?.OrganizationName ?? await DefaultOrganizationAsync(db, eventId, ct), design?.OrganizationNameEn,
            design?.DateStyle ?? CertificateDateStyle.Arabic, design?.LogoFile is not null, design?.SealFile is not null, design?.SealUploadedAt,
            design?.ConcurrencyStamp, templates);
    }

    /// <summary>The event's first host unit (主办单位) as the letterhead until one is saved.</summary>
    private static async Task<string> DefaultOrganizationAsync(EventsDbContext db, int eventId, CancellationToken ct) =>
        await db.Set<EventUnit>().Where(u => u.EventId == eventId).OrderBy(u => u.Role).ThenBy(u => u.Order)
            .Select(u => u.Organization != null ? u.Organization.Name : "").FirstOrDefaultAsync(ct) ?? "";

    public async Task<CertificateSaveResult> SaveDesignAsync(Actor actor, int eventId, CertificateDesignInput input, Guid? stamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var name = input.OrganizationName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > CertificateText.OrganizationMax || (input.OrganizationNameEn?.Trim().Length ?? 0) > CertificateText.OrganizationMax)
        {
            return new(CertificateSaveOutcome.Invalid, CertificateTemplateProblem.TitleRequired);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var design = await DesignAsync(db, eventId, stamp, ct);
        if (design is null) return CertificateSaveResult.Stale;
        design.OrganizationName = name;
        design.OrganizationNameEn = string.IsNullOrWhiteSpace(input.OrganizationNameEn) ? null : input.OrganizationNameEn.Trim();
        design.DateStyle = input.DateStyle;
        return await SaveAsync(db, design, ct);
    }

    /// <summary>Loads the design under the stamp the page loaded (null: none existed), or makes a new one; null when someone saved in between.</summary>
    private static async Task<CertificateDesign?> DesignAsync(EventsDbContext db, int eventId, Guid? stamp, CancellationToken ct)
    {
        var design = await db.CertificateDesigns.FirstOrDefaultAsync(d => d.EventId == eventId, ct);
        if (design is null)
        {
            design = new CertificateDesign { EventId = eventId, OrganizationName = await DefaultOrganizationAsync(db, eventId, ct) };
            db.CertificateDesigns.Add(design);
            return design;
        }
        if (stamp is { } s)
        {
            if (design.ConcurrencyStamp != s) return null;
            db.Entry(design).Property(x => x.ConcurrencyStamp).OriginalValue = s;
        }
        design.ConcurrencyStamp = Guid.NewGuid();
        return design;
    }

    private static async Task<CertificateSaveResult> SaveAsync(EventsDbContext db, object entity, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CertificateSaveResult.Saved;
        }
        catch (DbUpdateException)
        {
            // A concurrency clash, or two first saves racing on the unique index: the page reloads and shows the winner.
            return CertificateSaveResult.Stale;
        }
    }

    /// <summary>
    /// Stores the seal or logo: PNG or JPEG by magic bytes, at most <see cref="CertificateImages.MaxBytes"/>, decoded and
    /// re-encoded (nothing but pixels is kept), under an app-chosen name outside the web root. Returns why it was refused, or None.
    /// </summary>
    public async Task<ImageProblem> UploadImageAsync(Actor actor, int eventId, CertificateImage which, Stream content, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var (problem, stored) = await StoredImages.SaveAsync(files, CertificateImages.Folder, content, CertificateImages.MaxBytes, ct: ct);
        if (stored is null) return problem;
        await using var db = await factory.CreateDbContextAsync(ct);
        var design = (await DesignAsync(db, eventId, null, ct))!;
        var old = which == CertificateImage.Seal ? design.SealFile : design.LogoFile;
        if (which == CertificateImage.Seal)
        {
            design.SealFile = stored;
            design.SealUploadedAt = clock.GetUtcNow();
        }
        else
        {
            design.LogoFile = stored;
        }
        if ((await SaveAsync(db, design, ct)).Outcome != CertificateSaveOutcome.Saved)
        {
            files.Delete(CertificateImages.Folder, stored);
            return ImageProblem.NotFound;
        }
        if (old is not null) files.Delete(CertificateImages.Folder, old);
        return ImageProblem.None;
    }

    public async Task RemoveImageAsync(Actor actor, int eventId, CertificateImage which, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var design = await db.CertificateDesigns.FirstOrDefaultAsync(d => d.EventId == eventId, ct);
        if (design is null) return;
        var old = which == CertificateImage.Seal ? design.SealFile : design.LogoFile;
        if (which == CertificateImage.Seal) (design.SealFile, design.SealUploadedAt) = (null, null);
        else design.LogoFile = null;
        design.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        if (old is not null) files.Delete(CertificateImages.Folder, old);
    }

    public async Task<CertificateSaveResult> SaveTemplateAsync(
        Actor actor, int eventId, CertificateKind kind, string culture, string title, string body, string signature, Guid? stamp, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var problem = CertificateText.Check(title, body, signature);
        if (problem != CertificateTemplateProblem.None)
        {
            return new(CertificateSaveOutcome.Invalid, problem, [.. CertificateText.Unknown(title), .. CertificateText.Unknown(body), .. CertificateText.Unknown(signature)]);
        }
        culture = CertificateText.Normalize(culture);
        await using var db = await factory.CreateDbContextAsync(ct);
        var template = await db.CertificateTemplates.FirstOrDefaultAsync(t => t.EventId == eventId && t.Kind == kind && t.Culture == culture, ct);
        if (template is null)
        {
            if (stamp is not null) return CertificateSaveResult.Stale;
            template = new CertificateTemplate { EventId = eventId, Kind = kind, Culture = culture, Title = "", Body = "", Signature = "" };
            db.CertificateTemplates.Add(template);
        }
        else
        {
            if (stamp != template.ConcurrencyStamp) return CertificateSaveResult.Stale;
            db.Entry(template).Property(x => x.ConcurrencyStamp).OriginalValue = template.ConcurrencyStamp;
            template.ConcurrencyStamp = Guid.NewGuid();
        }
        template.Title = title.Trim();
        template.Body = body.Trim();
        template.Signature = (signature ?? "").Trim();
        return await SaveAsync(db, template, ct);
    }

    // ---------- who may receive one ----------

    public async Task<CertificatePage<CertificateCandidate>> CandidatesAsync(Actor actor, int eventId, CertificateKind kind, CandidateQuery query, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (items, total) = await RecipientsAsync(db, eventId, kind, query, paged: true, ct);
        var issued = await IssuedForAsync(db, eventId, kind, items.Select(i => i.RecipientId).ToList(), ct);
        return new(items.Select(i => i with { Issued = issued.GetValueOrDefault(i.RecipientId) }).ToList(), total);
    }

    private async Task<Dictionary<int, IssuedCertificate>> IssuedForAsync(EventsDbContext db, int eventId, CertificateKind kind, List<int> recipientIds, CancellationToken ct)
    {
        var recipient = RecipientOf(kind);
        var rows = await db.Certificates.AsNoTracking()
            .Where(c => c.EventId == eventId && c.Kind == kind && c.Recipient == recipient && recipientIds.Contains(c.RecipientId)).ToListAsync(ct);
        return rows.ToDictionary(c => c.RecipientId, View);
    }

    private IssuedCertificate View(Certificate c) => new(c.Id, c.Version, c.Culture, c.IssuedAt, c.RevokedAt, c.MailedAt, ShortCode(c.Kind, c.Id, c.Version));

    /// <summary>The event's real recipients of a kind, as of now. Registrations page on the server; speakers and reviewers are few.</summary>
    private static async Task<(List<CertificateCandidate> Items, int Total)> RecipientsAsync(
        EventsDbContext db, int eventId, CertificateKind kind, CandidateQuery query, bool paged, CancellationToken ct)
    {
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var size = Math.Clamp(query.PageSize, 1, 200);
        switch (RecipientOf(kind))
        {
            case CertificateRecipient.Registration:
            {
                var q = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId);
                q = query.State is { } state ? q.Where(r => r.State == state) : q.Where(r => r.State != RegistrationState.Refused && r.State != RegistrationState.Cancelled);
                if (query.CategoryId is { } category) q = q.Where(r => r.CategoryId == category);
                if (search is not null) q = q.Where(r => r.Name.Contains(search) || r.Organization.Contains(search));
                var total = await q.CountAsync(ct);
                var ordered = q.OrderByChinese(db, r => r.Name).ThenBy(r => r.Id);
                var rows = await (paged ? ordered.Skip(Math.Max(0, query.Page) * size).Take(size) : ordered)
                    .Select(r => new { r.Id, r.Name, r.Organization, r.Email }).ToListAsync(ct);
                return (rows.Select(r => new CertificateCandidate(CertificateRecipient.Registration, r.Id, r.Name, r.Organization, r.Email, null, null)).ToList(), total);
            }
            case CertificateRecipient.Speaker:
            {
                var sessionIds = db.Sessions.Where(s => s.EventId == eventId).Select(s => s.Id);
                var parts = await db.ItemParticipants.AsNoTracking()
                    .Where(p => p.PersonId != null && Presenting.Contains(p.Role))
                    .Join(db.SessionItems.Where(i => sessionIds.Contains(i.SessionId)), p => p.ItemId, i => i.Id, (p, i) => new { PersonId = p.PersonId!.Value, i.Title, i.SessionId, i.Order })
                    .ToListAsync(ct);
                var personIds = parts.Select(p => p.PersonId).Distinct().ToList();
                var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
                    .Select(p => new { p.Id, p.Name, p.Email, Org = p.Positions.OrderBy(x => x.Order).Select(x => x.Organization != null ? x.Organization.Name : "").FirstOrDefault() })
                    .ToListAsync(ct);
                var all = people.Select(p => new CertificateCandidate(CertificateRecipient.Speaker, p.Id, p.Name, p.Org ?? "", p.Email,
                        string.Join("；", parts.Where(x => x.PersonId == p.Id).OrderBy(x => x.SessionId).ThenBy(x => x.Order).Select(x => x.Title).Distinct()), null))
                    .Where(c => search is null || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || c.Organization.Contains(search, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false)).ThenBy(c => c.RecipientId).ToList();
                return (paged ? all.Skip(Math.Max(0, query.Page) * size).Take(size).ToList() : all, all.Count);
            }
            default:
            {
                var q = db.Reviewers.AsNoTracking().Where(r => r.EventId == eventId && r.State == ReviewerState.Accepted);
                if (search is not null) q = q.Where(r => r.Name.Contains(search) || (r.Affiliation != null && r.Affiliation.Contains(search)));
                var total = await q.CountAsync(ct);
                var ordered = q.OrderByChinese(db, r => r.Name).ThenBy(r => r.Id);
                var rows = await (paged ? ordered.Skip(Math.Max(0, query.Page) * size).Take(size) : ordered)
                    .Select(r => new { r.Id, r.Name, r.Affiliation, r.Email }).ToListAsync(ct);
                return (rows.Select(r => new CertificateCandidate(CertificateRecipient.Reviewer, r.Id, r.Name, r.Affiliation ?? "", r.Email, null, null)).ToList(), total);
            }
        }
    }

    /// <summary>The one recipient, if it is (still) a real registration, speaker or reviewer of the event for this kind.</summary>
    private static async Task<CertificateCandidate?> RecipientAsync(EventsDbContext db, int eventId, CertificateKind kind, int recipientId, CancellationToken ct)
    {
        switch (RecipientOf(kind))
        {
            case CertificateRecipient.Registration:
                var r = await db.Registrations.AsNoTracking()
                    .Where(x => x.Id == recipientId && x.EventId == eventId && x.State != RegistrationState.Refused && x.State != RegistrationState.Cancelled)
                    .Select(x => new { x.Id, x.Name, x.Organization, x.Email }).FirstOrDefaultAsync(ct);
                return r is null ? null : new(CertificateRecipient.Registration, r.Id, r.Name, r.Organization, r.Email, null, null);
            case CertificateRecipient.Reviewer:
                var v = await db.Reviewers.AsNoTracking().Where(x => x.Id == recipientId && x.EventId == eventId && x.State == ReviewerState.Accepted)
                    .Select(x => new { x.Id, x.Name, x.Affiliation, x.Email }).FirstOrDefaultAsync(ct);
                return v is null ? null : new(CertificateRecipient.Reviewer, v.Id, v.Name, v.Affiliation ?? "", v.Email, null, null);
            default:
                var (all, _) = await RecipientsAsync(db, eventId, kind, new CandidateQuery(0, 1, null, null), paged: false, ct);
                return all.FirstOrDefault(c => c.RecipientId == recipientId);
        }
    }

    // ---------- issuing, reissue, revocation ----------

    /// <summary>
    /// Issues the recipient's certificate of this kind in <paramref name="culture"/>, or returns the one already issued
    /// (its codes stay valid). Null when the recipient is not a real registration, speaker or reviewer of the event.
    /// </summary>
    public async Task<IssuedCertificate?> IssueAsync(Actor actor, int eventId, CertificateKind kind, int recipientId, string culture, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var who = await RecipientAsync(db, eventId, kind, recipientId, ct);
        if (who is null) return null;
        var issued = await IssueManyAsync(db, actor, eventId, kind, [who], culture, ct);
        return issued.Single();
    }

    /// <summary>Issues a certificate of the kind to everyone the filter selects who has none yet; returns every selected one's certificate id.</summary>
    public async Task<IReadOnlyList<int>> IssueAllAsync(Actor actor, int eventId, CertificateKind kind, CandidateQuery filter, string culture, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        // Cancelled and refused registrations are listed for the organizer's overview; they get no certificate.
        if (filter.State is RegistrationState.Cancelled or RegistrationState.Refused) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var (all, _) = await RecipientsAsync(db, eventId, kind, filter, paged: false, ct);
        var issued = await IssueManyAsync(db, actor, eventId, kind, all, culture, ct);
        return issued.Where(i => i.RevokedAt is null).Select(i => i.Id).ToList();
    }

    private async Task<List<IssuedCertificate>> IssueManyAsync(EventsDbContext db, Actor actor, int eventId, CertificateKind kind, IReadOnlyList<CertificateCandidate> people, string culture, CancellationToken ct)
    {
        var recipient = RecipientOf(kind);
        var ids = people.Select(p => p.RecipientId).ToList();
        var existing = await db.Certificates.Where(c => c.EventId == eventId && c.Kind == kind && c.Recipient == recipient && ids.Contains(c.RecipientId))
            .ToDictionaryAsync(c => c.RecipientId, ct);
        var now = clock.GetUtcNow();
        var fresh = new List<Certificate>();
        foreach (var p in people)
        {
            if (existing.ContainsKey(p.RecipientId)) continue;
            var c = new Certificate
            {
                EventId = eventId, Kind = kind, Recipient = recipient, RecipientId = p.RecipientId, Culture = CertificateText.Normalize(culture),
                Name = p.Name, Organization = p.Organization, Email = p.Email, ReportTitle = p.ReportTitle, IssuedAt = now, IssuedByUserId = actor.UserId,
            };
            db.Certificates.Add(c);
            fresh.Add(c);
        }
        if (fresh.Count > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another organizer issued some of these at the same moment: theirs stand.
                db.ChangeTracker.Clear();
                existing = await db.Certificates.AsNoTracking().Where(c => c.EventId == eventId && c.Kind == kind && c.Recipient == recipient && ids.Contains(c.RecipientId))
                    .ToDictionaryAsync(c => c.RecipientId, ct);
                return people.Where(p => existing.ContainsKey(p.RecipientId)).Select(p => View(existing[p.RecipientId])).ToList();
            }
        }
        foreach (var c in fresh) existing[c.RecipientId] = c;
        return people.Select(p => View(existing[p.RecipientId])).ToList();
    }

    /// <summary>
    /// Issues the certificate again (a lost copy, a corrected name or language): the version goes up, so every code printed
    /// before shows as superseded; the name, unit and talk are read afresh, and a revocation is lifted. Null when the
    /// certificate is not the event's or its recipient is no longer real.
    /// </summary>
    public async Task<IssuedCertificate?> ReissueAsync(Actor actor, int eventId, int certificateId, string? culture = null, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var c = await db.Certificates.FirstOrDefaultAsync(x => x.Id == certificateId && x.EventId == eventId, ct);
        if (c is null) return null;
        var who = await RecipientAsync(db, eventId, c.Kind, c.RecipientId, ct);
        if (who is null) return null;
        c.Version++;
        c.Name = who.Name;
        c.Organization = who.Organization;
        c.Email = who.Email;
        c.ReportTitle = who.ReportTitle;
        if (culture is not null) c.Culture = CertificateText.Normalize(culture);
        c.IssuedAt = clock.GetUtcNow();
        c.IssuedByUserId = actor.UserId;
        (c.RevokedAt, c.RevokedByUserId, c.MailedAt) = (null, null, null);
        await db.SaveChangesAsync(ct);
        return View(c);
    }

    /// <summary>Revokes a certificate: its codes show as revoked on the verification page. False when it is not the event's.</summary>
    public async Task<bool> RevokeAsync(Actor actor, int eventId, int certificateId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        return await db.Certificates.Where(c => c.Id == certificateId && c.EventId == eventId && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now).SetProperty(c => c.RevokedByUserId, actor.UserId), ct) > 0;
    }

    // ---------- printing ----------

    /// <summary>The certificates as printed, in the order asked, leaving out revoked ones and those whose recipient is no longer real.</summary>
    public async Task<IReadOnlyList<CertificatePrint>> PrintsAsync(Actor actor, int eventId, IReadOnlyCollection<int> certificateIds, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        return await PrintsForAsync(eventId, certificateIds, ct);
    }

    /// <summary>For the build worker, which checked the requester's rights when the build was queued.</summary>
    internal async Task<IReadOnlyList<CertificatePrint>> PrintsForAsync(int eventId, IReadOnlyCollection<int> certificateIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { e.Title, e.TitleEn, e.StartDate, e.EndDate, e.TimeZoneId, e.City, e.Venue }).FirstOrDefaultAsync(ct);
        if (ev is null) return [];
        var design = await db.CertificateDesigns.AsNoTracking().FirstOrDefaultAsync(d => d.EventId == eventId, ct);
        var templates = await db.CertificateTemplates.AsNoTracking().Where(t => t.EventId == eventId).ToListAsync(ct);
        var ids = certificateIds.ToList();
        var rows = (await db.Certificates.AsNoTracking().Where(c => c.EventId == eventId && ids.Contains(c.Id) && c.RevokedAt == null).ToListAsync(ct))
            .ToDictionary(c => c.Id);
        var real = await RealRecipientsAsync(db, eventId, rows.Values, ct);
        var logo = DataUri(design?.LogoFile);
        var seal = DataUri(design?.SealFile);
        var organization = design?.OrganizationName ?? await DefaultOrganizationAsync(db, eventId, ct);
        var zone = ProgramTime.Zone(ev.TimeZoneId);
        var prints = new List<CertificatePrint>();
        foreach (var id in ids)
        {
            if (!rows.TryGetValue(id, out var c) || !real.Contains((c.Kind, c.RecipientId))) continue;
            var culture = CultureInfo.GetCultureInfo(c.Culture);
            var english = c.Culture == "en";
            var t = templates.FirstOrDefault(x => x.Kind == c.Kind && x.Culture == c.Culture);
            var (title, body, signature) = t is null ? CertificateText.Default(c.Kind, c.Culture) : (t.Title, t.Body, t.Signature);
            var issued = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.IssuedAt, zone).DateTime);
            var issueDate = english ? issued.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))
                : BulletinNumbering.DateText(issued, design?.DateStyle == CertificateDateStyle.Chinese ? BulletinDateStyle.Chinese : BulletinDateStyle.Arabic);
            var values = new CertificateValues(c.Name, c.Organization ?? "", english ? ev.TitleEn ?? ev.Title : ev.Title,
                EventDateText.Format(ev.StartDate, ev.EndDate, culture), string.Join(english ? ", " : "", new[] { ev.Venue, ev.City }.Where(s => !string.IsNullOrWhiteSpace(s)).Reverse()),
                c.ReportTitle ?? "", issueDate);
            var org = english && !string.IsNullOrWhiteSpace(design?.OrganizationNameEn) ? design!.OrganizationNameEn! : organization;
            var token = Token(c.Kind, c.Id, c.Version);
            prints.Add(new CertificatePrint(c.Id, c.Version, c.Kind, c.Culture, org, CertificateText.Fill(title, values), CertificateText.Fill(body, values),
                CertificateText.Fill(signature, values), issueDate, c.Name, VerifyUrl(token), ShortCode(c.Kind, c.Id, c.Version), logo, seal,
                $"{c.Kind.ToString().ToLowerInvariant()}-{c.Id}-{c.Version}.pdf", CertificateText.CodeLabel(c.Kind, c.Culture),
                CertificateText.VerifyNote(c.Culture, VerifyUrl("").TrimEnd('/'))));
        }
        return prints;
    }

    /// <summary>Which of the certificates' recipients are still real: the seal is printed for nobody else.</summary>
    private static async Task<HashSet<(CertificateKind, int)>> RealRecipientsAsync(EventsDbContext db, int eventId, IEnumerable<Certificate> certificates, CancellationToken ct)
    {
        var real = new HashSet<(CertificateKind, int)>();
        foreach (var kind in certificates.GroupBy(c => c.Kind))
        {
            var (all, _) = await RecipientsAsync(db, eventId, kind.Key, new CandidateQuery(0, 1, null, null), paged: false, ct);
            var ids = all.Select(a => a.RecipientId).ToHashSet();
            foreach (var c in kind)
            {
                if (ids.Contains(c.RecipientId)) real.Add((kind.Key, c.RecipientId));
            }
        }
        return real;
    }

    private string? DataUri(string? stored) => StoredImages.DataUri(files, CertificateImages.Folder, stored);

    // ---------- lists ----------

    /// <summary>The event's registration categories, for the bulk filter.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CategoriesAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return (await db.RegistrationCategories.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
    }

    public async Task<IReadOnlyList<CertificateBuildView>> BuildsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CertificateBuilds.AsNoTracking().Where(b => b.EventId == eventId).OrderByDescending(b => b.Id).Take(10)
            .Select(b => new CertificateBuildView(b.Id, b.Kind, b.Format, b.State, b.Done, b.Total, b.Size, b.Error, b.CreatedAt, b.FinishedAt)).ToListAsync(ct);
    }

    // ---------- verification (public) ----------

    /// <summary>
    /// What a code (a QR token or a typed short code) is: valid, revoked, superseded by a reissue, or not a code this
    /// server issued. Only a genuine code reveals whom it names.
    /// </summary>
    public async Task<CertificateVerification> VerifyAsync(string? code, CancellationToken ct = default)
    {
        if (codes.Parse(code) is not { } claim) return new(VerificationStatus.Invalid);
        await using var db = await factory.CreateDbContextAsync(ct);
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == claim.SubjectId, ct);
        if (c is null) return new(VerificationStatus.Invalid);
        var check = codes.Check(Purpose(c.Kind), c.Id, c.Version, code);
        if (check == SignedCodeCheck.Invalid) return new(VerificationStatus.Invalid);
        var ev = await db.Events.AsNoTracking().Where(e => e.Id == c.EventId).Select(e => new { e.Title, e.TitleEn, e.TimeZoneId }).FirstAsync(ct);
        var zone = ProgramTime.Zone(ev.TimeZoneId);
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var status = c.RevokedAt is not null ? VerificationStatus.Revoked : check == SignedCodeCheck.Superseded ? VerificationStatus.Superseded : VerificationStatus.Valid;
        // The rule printing follows (the seal only for a recipient still real): a copy printed before is not called valid either.
        if (status == VerificationStatus.Valid && !(await RealRecipientsAsync(db, c.EventId, [c], ct)).Contains((c.Kind, c.RecipientId)))
            status = VerificationStatus.Withdrawn;
        return new(status, c.Name, c.Organization, ev.Title, ev.TitleEn, c.Kind, Day(c.IssuedAt), c.RevokedAt is { } r ? Day(r) : null,
            status == VerificationStatus.Valid ? ShortCode(c.Kind, c.Id, c.Version) : null);
    }
}
