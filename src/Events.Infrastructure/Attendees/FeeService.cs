using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Fees;
using Events.Core.Common;
using Events.Core.Validation;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>One registration's fee line: the registrant, the fee owed, what was recorded, and the invoice asked for.</summary>
public sealed record FeeLine(int RegistrationId, string Name, string Organization, string Email, string? Category, decimal? Owed,
    PaymentState State, decimal? Amount, PaymentMethod? Method, string? Reference, DateTimeOffset? UpdatedAt,
    InvoiceKind? InvoiceKind, string? InvoiceTitle, string? InvoiceTaxId, string? InvoiceEmail);

public sealed record FeeQuery(PageRequest Page, PaymentState? State = null);

/// <summary>Counts by payment state for the fee page's header.</summary>
public sealed record FeeCounts(int Unpaid, int Paid, int Waived, int Refunded, decimal PaidTotal);

/// <summary>
/// Fees are recorded, not processed: organizers set each active registration's payment state, amount, method and
/// reference, one at a time or many at once; registrants enter the invoice they need on their own page.
/// </summary>
public sealed class FeeService(IDbContextFactory<EventsDbContext> factory, EventRights rights, TimeProvider clock)
{
    public async Task<PagedResult<FeeLine>> SearchAsync(int eventId, FeeQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = Lines(db, eventId);
        if (query.State is { } state) rows = rows.Where(l => l.State == state);
        if (query.Page.Term is { } term)
        {
            var lower = term.ToLowerInvariant();
            rows = rows.Where(l => l.Name.ToLower().Contains(lower) || l.Organization.ToLower().Contains(lower) || l.Email.ToLower().Contains(lower)
                || (l.Reference != null && l.Reference.ToLower().Contains(lower)) || (l.InvoiceTitle != null && l.InvoiceTitle.ToLower().Contains(lower)));
        }
        var total = await rows.CountAsync(ct);
        var items = await Project(rows.OrderByChinese(db, l => l.Name).ThenBy(l => l.RegistrationId).Skip(query.Page.Skip).Take(query.Page.Take)).ToListAsync(ct);
        return new PagedResult<FeeLine>(items, total);
    }

    /// <summary>Every active registration's fee line in pinyin order, for the export.</summary>
    public async Task<IReadOnlyList<FeeLine>> AllAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Project(Lines(db, eventId).OrderByChinese(db, l => l.Name).ThenBy(l => l.RegistrationId)).ToListAsync(ct);
    }

    public async Task<FeeCounts> CountsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var states = (await Lines(db, eventId).Select(l => l.State).ToListAsync(ct)).GroupBy(s => s).Select(g => new { g.Key, Count = g.Count() }).ToList();
        // SQLite cannot sum decimals in SQL; the paid amounts are few numbers.
        var paid = await db.FeeRecords.Where(f => f.EventId == eventId && f.State == PaymentState.Paid && f.Amount != null).Select(f => f.Amount!.Value).ToListAsync(ct);
        int Count(PaymentState s) => states.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        return new FeeCounts(Count(PaymentState.Unpaid), Count(PaymentState.Paid), Count(PaymentState.Waived), Count(PaymentState.Refunded), paid.Sum());
    }

    /// <summary>
    /// Records the same payment state (and amount, method, reference where given) on each of the registrations; a
    /// registration of another event or no longer active is skipped. Returns how many were recorded, or the form's errors.
    /// </summary>
    public async Task<(int Updated, IReadOnlyList<RuleViolation> Errors)> SetAsync(Actor actor, int eventId, IReadOnlyCollection<int> registrationIds, FeeUpdate update, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(registrationIds);
        ArgumentNullException.ThrowIfNull(update);
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = update.Validate();
        if (errors.Count > 0) return (0, errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = registrationIds.Distinct().ToList();
        var valid = await db.Registrations.Where(r => r.EventId == eventId && r.State == RegistrationState.Active && ids.Contains(r.Id))
            .Select(r => new { r.Id, r.FeeAmount }).ToListAsync(ct);
        var records = await db.FeeRecords.Where(f => ids.Contains(f.RegistrationId)).ToDictionaryAsync(f => f.RegistrationId, ct);
        var now = clock.GetUtcNow();
        var reference = string.IsNullOrWhiteSpace(update.Reference) ? null : update.Reference.Trim();
        foreach (var r in valid)
        {
            if (!records.TryGetValue(r.Id, out var record))
            {
                record = new FeeRecord { RegistrationId = r.Id, EventId = eventId };
                db.FeeRecords.Add(record);
            }
            record.State = update.State;
            record.Amount = update.Amount ?? record.Amount ?? r.FeeAmount;
            if (update.Method is not null) record.Method = update.Method;
            if (reference is not null) record.Reference = reference;
            record.UpdatedAt = now;
            record.UpdatedByUserId = actor.UserId;
            record.ConcurrencyStamp = Guid.NewGuid();
        }
        await db.SaveChangesAsync(ct);
        return (valid.Count, []);
    }

    /// <summary>The invoice request of the user's active registration for the event, or null when they have none.</summary>
    public async Task<InvoiceRequestInput?> LoadInvoiceAsync(int eventId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var registrationId = await ActiveRegistrationAsync(db, eventId, userId, ct);
        if (registrationId is null) return null;
        return InvoiceRequestInput.From(await db.InvoiceRequests.AsNoTracking().FirstOrDefaultAsync(i => i.RegistrationId == registrationId, ct));
    }

    /// <summary>The registrant saves the invoice they need, on their own active registration only.</summary>
    public async Task<SaveResult> SaveInvoiceAsync(int eventId, string userId, InvoiceRequestInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var registrationId = await ActiveRegistrationAsync(db, eventId, userId, ct);
        if (registrationId is not { } id) return SaveResult.NotFound;
        var request = await db.InvoiceRequests.FirstOrDefaultAsync(i => i.RegistrationId == id, ct);
        if (request is null)
        {
            request = new InvoiceRequest { RegistrationId = id, EventId = eventId, Title = "", TaxId = "", Email = "" };
            db.InvoiceRequests.Add(request);
        }
        input.ApplyTo(request);
        request.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(id);
    }

    private static async Task<int?> ActiveRegistrationAsync(EventsDbContext db, int eventId, string userId, CancellationToken ct) =>
        await db.Registrations.Where(r => r.EventId == eventId && r.UserId == userId && r.State == RegistrationState.Active)
            .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>A registration with its fee, invoice and category, as a member-init projection so EF can filter and sort on it.</summary>
    private sealed class Row
    {
        public int RegistrationId { get; init; }
        public string Name { get; init; } = "";
        public string Organization { get; init; } = "";
        public string Email { get; init; } = "";
        public string? Category { get; init; }
        public decimal? Owed { get; init; }
        public PaymentState State { get; init; }
        public decimal? Amount { get; init; }
        public PaymentMethod? Method { get; init; }
        public string? Reference { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }
        public InvoiceKind? InvoiceKind { get; init; }
        public string? InvoiceTitle { get; init; }
        public string? InvoiceTaxId { get; init; }
        public string? InvoiceEmail { get; init; }
    }

    private static IQueryable<Row> Lines(EventsDbContext db, int eventId) =>
        from r in db.Registrations.AsNoTracking()
        where r.EventId == eventId && r.State == RegistrationState.Active
        join f in db.FeeRecords on r.Id equals f.RegistrationId into fees
        from f in fees.DefaultIfEmpty()
        join i in db.InvoiceRequests on r.Id equals i.RegistrationId into invoices
        from i in invoices.DefaultIfEmpty()
        join c in db.RegistrationCategories on r.CategoryId equals c.Id into categories
        from c in categories.DefaultIfEmpty()
        select new Row
        {
            RegistrationId = r.Id, Name = r.Name, Organization = r.Organization, Email = r.Email, Category = c == null ? null : c.Name, Owed = r.FeeAmount,
            State = f == null ? PaymentState.Unpaid : f.State, Amount = f == null ? null : f.Amount, Method = f == null ? null : f.Method,
            Reference = f == null ? null : f.Reference, UpdatedAt = f == null ? null : f.UpdatedAt,
            InvoiceKind = i == null ? null : i.Kind, InvoiceTitle = i == null ? null : i.Title, InvoiceTaxId = i == null ? null : i.TaxId, InvoiceEmail = i == null ? null : i.Email,
        };

    private static IQueryable<FeeLine> Project(IQueryable<Row> rows) => rows.Select(l => new FeeLine(l.RegistrationId, l.Name, l.Organization, l.Email, l.Category, l.Owed,
        l.State, l.Amount, l.Method, l.Reference, l.UpdatedAt, l.InvoiceKind, l.InvoiceTitle, l.InvoiceTaxId, l.InvoiceEmail));
}
