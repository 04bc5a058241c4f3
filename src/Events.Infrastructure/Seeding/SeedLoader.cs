using System.Text.Json;
using System.Text.Json.Serialization;
using Events.Core.Events;
using Events.Core.Organizations;
using Events.Core.Papers;
using Events.Core.People;
using Events.Core.Program;
using Events.Infrastructure.Data;
using Events.Infrastructure.Program;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Seeding;

/// <summary>
/// Loads the demo data in seeds/ into an empty database, in one transaction.
/// "Empty" means no organizations and no events: once anything exists, seeding never runs again.
/// </summary>
public sealed class SeedLoader(string seedFolder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<bool> LoadIfEmptyAsync(EventsDbContext db, CancellationToken ct = default)
    {
        if (await db.Organizations.AnyAsync(ct) || await db.Events.AnyAsync(ct)) return false;

        var orgs = new Dictionary<string, Organization>();
        foreach (var s in Read<SeedOrganization>("organizations.json"))
        {
            var org = new Organization { Name = s.Name, ShortName = s.ShortName, NameEn = s.NameEn, Kind = s.Kind };
            if (s.Parent is not null) org.Parent = Lookup(orgs, s.Parent, "organization");
            orgs.Add(s.Key, org);
            db.Organizations.Add(org);
        }

        var people = new Dictionary<string, Person>();
        foreach (var s in Read<SeedPerson>("people.json"))
        {
            var person = new Person { Name = s.Name, NameEn = s.NameEn, Bio = s.Bio };
            person.Positions.AddRange(s.Positions.Select((p, i) => new Position
            {
                Title = p.Title,
                Order = i,
                Organization = p.Organization is null ? null : Lookup(orgs, p.Organization, "organization"),
            }));
            people.Add(s.Key, person);
            db.People.Add(person);
        }

        var series = new Dictionary<string, EventSeries>();
        foreach (var s in Read<SeedSeries>("series.json"))
        {
            var item = new EventSeries
            {
                Name = s.Name,
                FirstYear = s.FirstYear,
                Organization = s.Organization is null ? null : Lookup(orgs, s.Organization, "organization"),
            };
            series.Add(s.Key, item);
            db.Series.Add(item);
        }

        var events = new Dictionary<string, Event>();
        foreach (var s in Read<SeedEvent>("events.json"))
        {
            var ev = new Event
            {
                Slug = s.Slug,
                Kind = s.Kind,
                Series = s.Series is null ? null : Lookup(series, s.Series, "series"),
                Edition = s.Edition,
                Title = s.Title,
                Theme = s.Theme,
                Description = s.Description,
                StartDate = s.StartDate,
                EndDate = s.EndDate,
                TimeZoneId = s.TimeZone ?? Event.DefaultTimeZone,
                City = s.City,
                Venue = s.Venue,
                ParentEvent = s.Parent is null ? null : Lookup(events, s.Parent, "event"),
                ExpectedAttendance = s.ExpectedAttendance,
                Status = s.Status,
            };
            foreach (var (role, keys) in s.Units)
            {
                ev.Units.AddRange(keys.Select((k, i) => new EventUnit { Role = role, Organization = Lookup(orgs, k, "organization"), Order = i }));
            }
            ev.Participants.AddRange(s.Participants.Select((p, i) => new EventParticipant
            {
                Person = Lookup(people, p.Person, "person"),
                Role = p.Role,
                Topic = p.Topic,
                Order = i,
            }));
            events.Add(s.Slug, ev);
            db.Events.Add(ev);
        }

        await db.SaveChangesAsync(ct);
        await LoadProgramsAsync(db, events, people, ct);
        await LoadCallsAsync(db, events, ct);
        return true;
    }

    /// <summary>Programs are seeded as published: each event with sessions gets version 1, as if an organizer had published it.</summary>
    private async Task LoadProgramsAsync(EventsDbContext db, Dictionary<string, Event> events, Dictionary<string, Person> people, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(seedFolder, "programs.json"))) return;
        foreach (var program in Read<SeedProgram>("programs.json"))
        {
            var ev = Lookup(events, program.Event, "event");
            var zone = ProgramTime.Zone(ev.TimeZoneId);
            var rooms = program.Rooms.Select((r, i) => (r.Key, Room: new Room { EventId = ev.Id, Name = r.Name, Capacity = r.Capacity, Notes = r.Notes, Order = i }))
                .ToDictionary(x => x.Key, x => x.Room);
            db.Rooms.AddRange(rooms.Values);
            foreach (var s in program.Sessions)
            {
                db.Sessions.Add(new Session
                {
                    EventId = ev.Id,
                    Kind = s.Kind,
                    Title = s.Title,
                    Start = ProgramTime.ToInstant(DateOnly.FromDateTime(s.Start), TimeOnly.FromDateTime(s.Start), zone),
                    End = ProgramTime.ToInstant(DateOnly.FromDateTime(s.End), TimeOnly.FromDateTime(s.End), zone),
                    Room = s.Room is null ? null : Lookup(rooms, s.Room, "room"),
                    Chairs = (s.Chairs ?? []).Select((c, i) => new SessionChair { Person = Lookup(people, c, "person"), Order = i }).ToList(),
                    Items = (s.Items ?? []).Select((item, i) => new SessionItem
                    {
                        Title = item.Title,
                        DurationMinutes = item.Minutes,
                        Order = i,
                        Participants = (item.Participants ?? []).Select((p, j) => new ItemParticipant
                        {
                            Person = p.Person is null ? null : Lookup(people, p.Person, "person"),
                            UnnamedLabel = p.Person is null ? p.Label : null,
                            Role = p.Role,
                            Order = j,
                        }).ToList(),
                        Publications = (item.Publications ?? []).Select((t, j) => new ReleasedPublication { Title = t, Order = j }).ToList(),
                    }).ToList(),
                });
            }
        }
        await db.SaveChangesAsync(ct);

        var roots = events.Values.Where(e => e.ParentEventId is null && e.Status == EventStatus.Published).ToList();
        foreach (var root in roots)
        {
            var ids = events.Values.Where(e => e.Id == root.Id || e.ParentEventId == root.Id).Select(e => e.Id).ToList();
            if (!await db.Sessions.AnyAsync(s => ids.Contains(s.EventId), ct)) continue;
            var snapshot = await ProgramSnapshots.BuildAsync(db, root, 1, DateTimeOffset.UtcNow, ct);
            db.ProgramVersions.Add(ProgramPublisher.NewVersion(root.Id, snapshot, ProgramChanges.Compare(null, snapshot), "seed", acknowledgedConflicts: false));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Calls for papers, checked by the same rules as the organizer's form; deadlines are wall-clock times in the event's zone.</summary>
    private async Task LoadCallsAsync(EventsDbContext db, Dictionary<string, Event> events, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(seedFolder, "calls.json"))) return;
        foreach (var s in Read<SeedCall>("calls.json"))
        {
            var ev = Lookup(events, s.Event, "event");
            var input = new CallInput
            {
                EventId = ev.Id,
                IsPublished = s.IsPublished,
                Introduction = s.Introduction,
                SubmissionDeadline = Deadline(s.SubmissionDeadline),
                ReviewDeadline = Deadline(s.ReviewDeadline),
                NotificationDate = Deadline(s.NotificationDate),
                CameraReadyDeadline = Deadline(s.CameraReadyDeadline),
                MaxFileSizeMb = s.MaxFileSizeMb,
                MaxPages = s.MaxPages,
                ReviewMode = s.ReviewMode,
                ReviewsPerPaper = s.ReviewsPerPaper,
                MaxLoadPerReviewer = s.MaxLoadPerReviewer,
                HideOtherReviewsUntilSubmitted = s.HideOtherReviewsUntilSubmitted,
                Topics = s.Topics.Select(t => new TopicInput { Name = t }).ToList(),
                Criteria = s.Criteria.Select(c => new CriterionInput { Name = c.Name, Description = c.Description, ScaleMax = c.ScaleMax, Weight = c.Weight }).ToList(),
            };
            var errors = input.Validate();
            if (errors.Count > 0) throw new InvalidDataException($"Seed call of '{s.Event}' breaks rules: {string.Join(", ", errors.Select(e => $"{e.Field} {e.Code}"))}");
            var call = new CallForPapers();
            input.ApplyTo(call, ProgramTime.Zone(ev.TimeZoneId));
            db.CallsForPapers.Add(call);
        }
        await db.SaveChangesAsync(ct);
    }

    private static DeadlineInput Deadline(DateTime local) => new() { Day = DateOnly.FromDateTime(local), Time = TimeOnly.FromDateTime(local) };

    private List<T> Read<T>(string file)
    {
        var path = Path.Combine(seedFolder, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"Seed file {path} is missing.", path);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<T>>(stream, Json) ?? [];
    }

    private static T Lookup<T>(Dictionary<string, T> map, string key, string what) =>
        map.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"Seed data refers to unknown {what} '{key}'.");
}
