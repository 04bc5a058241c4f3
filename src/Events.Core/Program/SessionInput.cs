using Events.Core.Validation;

namespace Events.Core.Program;

/// <summary>What an organizer edits in the session dialog. Times are local wall-clock times in the event's zone.</summary>
public sealed class SessionInput
{
    public int? Id { get; set; }
    public int EventId { get; set; }
    public SessionKind Kind { get; set; } = SessionKind.Keynote;
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public DateOnly? Day { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }

    /// <summary>The end time is on the day after <see cref="Day"/>: a session that runs past midnight (22:00 to 01:00).</summary>
    public bool EndsNextDay { get; set; }
    public int? RoomId { get; set; }
    public List<int> ChairIds { get; set; } = [];
    public List<ItemInput> Items { get; set; } = [];
    public Guid ConcurrencyStamp { get; set; }

    public IReadOnlyList<RuleViolation> Validate()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Title)) errors.Add(new(nameof(Title), "Required"));
        FieldLimits.Check(errors, nameof(Title), Title, 300);
        FieldLimits.Check(errors, nameof(TitleEn), TitleEn, FieldLimits.TitleEn);
        if (Day is null) errors.Add(new(nameof(Day), "Required"));
        if (StartTime is null) errors.Add(new(nameof(StartTime), "Required"));
        if (EndTime is null) errors.Add(new(nameof(EndTime), "Required"));
        if (StartTime is { } s && EndTime is { } e)
        {
            if (!EndsNextDay && e <= s) errors.Add(new(nameof(EndTime), "EndBeforeStart"));
            if (EndsNextDay && e > s) errors.Add(new(nameof(EndTime), "LongerThanADay"));
        }
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (string.IsNullOrWhiteSpace(item.Title)) errors.Add(new($"Items[{i}].Title", "Required"));
            FieldLimits.Check(errors, $"Items[{i}].Title", item.Title, 300);
            if (item.Minutes <= 0) errors.Add(new($"Items[{i}].Minutes", "MustBePositive"));
            for (var j = 0; j < item.Participants.Count; j++)
            {
                var p = item.Participants[j];
                if (p.PersonId is null && string.IsNullOrWhiteSpace(p.Label)) errors.Add(new($"Items[{i}].Participants[{j}]", "Required"));
            }
        }
        return errors;
    }

    /// <summary>The session's start and end as instants, reading the wall-clock times in <paramref name="zone"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants(TimeZoneInfo zone) =>
        (ProgramTime.ToInstant(Day!.Value, StartTime!.Value, zone), ProgramTime.ToInstant(EndsNextDay ? Day.Value.AddDays(1) : Day.Value, EndTime!.Value, zone));

    public static SessionInput From(Session s, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(s.Start, zone);
        var end = TimeZoneInfo.ConvertTime(s.End, zone);
        return new SessionInput
        {
            Id = s.Id,
            EventId = s.EventId,
            Kind = s.Kind,
            Title = s.Title,
            TitleEn = s.TitleEn,
            Day = DateOnly.FromDateTime(start.DateTime),
            StartTime = TimeOnly.FromDateTime(start.DateTime),
            EndTime = TimeOnly.FromDateTime(end.DateTime),
            EndsNextDay = end.Date > start.Date,
            RoomId = s.RoomId,
            ChairIds = s.Chairs.OrderBy(c => c.Order).Select(c => c.PersonId).ToList(),
            Items = s.Items.OrderBy(i => i.Order).Select(i => new ItemInput
            {
                Id = i.Id,
                Title = i.Title,
                Minutes = i.DurationMinutes,
                Participants = i.Participants.OrderBy(p => p.Order).Select(p => new ParticipantInput { PersonId = p.PersonId, Label = p.UnnamedLabel, Role = p.Role }).ToList(),
                Publications = i.Publications.OrderBy(p => p.Order).Select(p => p.Title).ToList(),
            }).ToList(),
            ConcurrencyStamp = s.ConcurrencyStamp,
        };
    }

    /// <summary>Copies onto the entity; chairs, items and their people are replaced in the order shown.</summary>
    public void ApplyTo(Session s, TimeZoneInfo zone)
    {
        (s.Start, s.End) = Instants(zone);
        s.EventId = EventId;
        s.Kind = Kind;
        s.Title = Title.Trim();
        s.TitleEn = string.IsNullOrWhiteSpace(TitleEn) ? null : TitleEn.Trim();
        s.RoomId = RoomId;
        s.Chairs.Clear();
        s.Chairs.AddRange(ChairIds.Distinct().Select((id, i) => new SessionChair { PersonId = id, Order = i }));
        // Items keep their identity (a placed paper points at its item); people and publications are replaced.
        var kept = Items.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        s.Items.RemoveAll(i => !kept.Contains(i.Id));
        for (var i = 0; i < Items.Count; i++)
        {
            var input = Items[i];
            var item = input.Id is { } id ? s.Items.FirstOrDefault(x => x.Id == id) : null;
            if (item is null)
            {
                item = new SessionItem { Title = "" };
                s.Items.Add(item);
            }
            item.Title = input.Title.Trim();
            item.DurationMinutes = input.Minutes;
            item.Order = i;
            item.Participants.Clear();
            item.Participants.AddRange(input.Participants.Select((p, j) => new ItemParticipant
            {
                PersonId = p.PersonId,
                UnnamedLabel = p.PersonId is null ? p.Label?.Trim() : null,
                Role = p.Role,
                Order = j,
            }));
            item.Publications.Clear();
            item.Publications.AddRange(input.Publications.Where(t => !string.IsNullOrWhiteSpace(t)).Select((t, j) => new ReleasedPublication { Title = t.Trim(), Order = j }));
        }
    }

    /// <summary>The ids of the session's items that <see cref="ApplyTo"/> would remove.</summary>
    public IReadOnlyList<int> RemovedItemIds(Session s)
    {
        var kept = Items.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        return s.Items.Where(i => !kept.Contains(i.Id)).Select(i => i.Id).ToList();
    }
}

public sealed class ItemInput
{
    /// <summary>The stored item this row edits; null for a new one.</summary>
    public int? Id { get; set; }
    public string Title { get; set; } = "";
    public int Minutes { get; set; } = 20;
    public List<ParticipantInput> Participants { get; set; } = [];
    public List<string> Publications { get; set; } = [];
}

public sealed class ParticipantInput
{
    public int? PersonId { get; set; }
    public string? Label { get; set; }
    public ItemRole Role { get; set; } = ItemRole.Speaker;
}
