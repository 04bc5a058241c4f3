using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Attendees.Delegates;
using Events.Core.Common;
using Events.Infrastructure.Access;
using Events.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Attendees;

/// <summary>One line of the delegate list: its place in the whole list (序号) and the delegate.</summary>
public sealed record DelegateLine(int Number, DelegateEntry Delegate);

public sealed record DelegateListQuery(PageRequest Page, DelegateOrder Order = DelegateOrder.Stroke, bool Grouped = false);

/// <summary>The whole list as printed: heading, order, and every line.</summary>
public sealed record DelegateListDocumentModel(string EventTitle, string Heading, DelegateOrder Order, bool Grouped, IReadOnlyList<DelegateLine> Lines);

/// <summary>
/// The delegate list (代表名单) of an event's active registrations for its staff: ordered by pinyin, 姓氏笔画 or the
/// organizer's protocol order, optionally by discussion group. Sorting by strokes or rank has no SQL collation, so the
/// list is read (four short columns per registration) and sorted on the server, then searched and paged there.
/// </summary>
public sealed class DelegateListService(IDbContextFactory<EventsDbContext> factory, EventRights rights)
{
    public async Task<DelegateListSettingsInput> LoadSettingsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return DelegateListSettingsInput.From(await db.DelegateListSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct));
    }

    /// <summary>The group names in use, in group order, for the group field's suggestions.</summary>
    public async Task<IReadOnlyList<string>> GroupNamesAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var names = await db.DelegateGroups.Where(g => g.EventId == eventId).Select(g => g.Name).Distinct().ToListAsync(ct);
        names.Sort(DelegateSorter.CompareGroups);
        return names;
    }

    /// <summary>One page of the ordered list; the search (name, unit, title or group) keeps each line's number in the whole list.</summary>
    public async Task<PagedResult<DelegateLine>> SearchAsync(int eventId, DelegateListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lines = await OrderedAsync(eventId, query.Order, query.Grouped, ct);
        IEnumerable<DelegateLine> found = lines;
        if (query.Page.Term is { } term)
        {
            var t = StrokeOrder.Compact(term);
            found = lines.Where(l => Has(l.Delegate.Name, t) || Has(l.Delegate.Organization, t) || Has(l.Delegate.Title, t) || Has(l.Delegate.Group, t));
        }
        var matching = found as IList<DelegateLine> ?? found.ToList();
        return new PagedResult<DelegateLine>(matching.Skip(query.Page.Skip).Take(query.Page.Take).ToList(), matching.Count);
    }

    public async Task<DelegateListDocumentModel?> DocumentAsync(int eventId, DelegateOrder order, bool grouped, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var title = await db.Events.Where(e => e.Id == eventId).Select(e => e.Title).FirstOrDefaultAsync(ct);
        if (title is null) return null;
        var heading = await db.DelegateListSettings.Where(s => s.EventId == eventId).Select(s => s.Heading).FirstOrDefaultAsync(ct);
        return new DelegateListDocumentModel(title, heading ?? "", order, grouped, await OrderedAsync(eventId, order, grouped, ct));
    }

    public async Task<IReadOnlyList<DelegateLine>> OrderedAsync(int eventId, DelegateOrder order, bool grouped, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var protocol = order == DelegateOrder.Protocol
            ? DelegateSorter.ParseProtocol(await db.DelegateListSettings.Where(s => s.EventId == eventId).Select(s => s.ProtocolOrder).FirstOrDefaultAsync(ct))
            : [];
        var rows = await (
            from r in db.Registrations.AsNoTracking()
            where r.EventId == eventId && r.State == RegistrationState.Active
            join g in db.DelegateGroups on r.Id equals g.RegistrationId into groups
            from g in groups.DefaultIfEmpty()
            select new DelegateEntry(r.Id, r.Name, r.Organization, r.Title, g == null ? null : g.Name)).ToListAsync(ct);
        return DelegateSorter.Sort(rows, order, protocol, grouped).Select((d, i) => new DelegateLine(i + 1, d)).ToList();
    }

    /// <summary>Saves the heading and the protocol order; a form loaded before someone else saved writes nothing (conflict).</summary>
    public async Task<SaveResult> SaveSettingsAsync(Actor actor, int eventId, DelegateListSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await rights.DemandEventAsync(actor, eventId, ct);
        var errors = input.Validate();
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return SaveResult.NotFound;
        var stored = await db.DelegateListSettings.FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        var settings = await db.SaveOnceAsync(stored, () => new DelegateListSettings { EventId = eventId }, input.ConcurrencyStamp, input.ApplyTo, ct);
        if (settings is null) return SaveResult.Conflict;
        input.ConcurrencyStamp = settings.ConcurrencyStamp;
        input.ProtocolOrder = settings.ProtocolOrder;
        return SaveResult.Saved(eventId);
    }

    /// <summary>Puts an active registration of the event in a group (blank takes it out). False when there is no such registration; too long a name is refused.</summary>
    public async Task<bool> SetGroupAsync(Actor actor, int eventId, int registrationId, string? group, CancellationToken ct = default)
    {
        await rights.DemandEventAsync(actor, eventId, ct);
        var name = string.IsNullOrWhiteSpace(group) ? null : group.Trim();
        if (name is { Length: > DelegateGroup.MaxNameLength }) return false;
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Registrations.AnyAsync(r => r.Id == registrationId && r.EventId == eventId, ct)) return false;
        var row = await db.DelegateGroups.FirstOrDefaultAsync(g => g.RegistrationId == registrationId, ct);
        if (name is null)
        {
            if (row is not null) db.DelegateGroups.Remove(row);
        }
        else if (row is null)
        {
            db.DelegateGroups.Add(new DelegateGroup { RegistrationId = registrationId, EventId = eventId, Name = name });
        }
        else
        {
            row.Name = name;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static bool Has(string? field, string term) =>
        field is not null && StrokeOrder.Compact(field).Contains(term, StringComparison.OrdinalIgnoreCase);
}
