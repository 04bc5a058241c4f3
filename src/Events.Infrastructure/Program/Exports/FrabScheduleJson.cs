using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Events.Core.Program;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// A published program as frab/pretalx schedule JSON (same content as <see cref="FrabScheduleXml"/>).
/// Valid against the c3voc schedule.json.schema.json (see tests/Events.IntegrationTests/Specs/frab-schedule).
/// </summary>
public static class FrabScheduleJson
{
    public const string SchemaId = "https://c3voc.de/schedule/schema.json";

    /// <summary>The document as indented JSON with Chinese text unescaped.</summary>
    /// <param name="s">The published snapshot.</param>
    /// <param name="baseUrl">Absolute http(s) root of the public site, e.g. https://events.example.org.</param>
    /// <param name="wording">The language of kinds, labels, titles and names.</param>
    public static string Write(ProgramSnapshot s, string baseUrl, ExportWording wording)
    {
        var m = FrabModel.Build(s, baseUrl, wording);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SchemaId);
            w.WriteStartObject("generator");
            w.WriteString("name", FrabModel.GeneratorName);
            w.WriteEndObject();

            w.WriteStartObject("schedule");
            w.WriteString("version", m.Version);
            w.WriteString("base_url", m.BaseUrl);

            w.WriteStartObject("conference");
            w.WriteString("acronym", m.Acronym);
            w.WriteString("title", m.Title);
            w.WriteString("start", ExportTime.IsoDate(m.Start));
            w.WriteString("end", ExportTime.IsoDate(m.End));
            w.WriteNumber("daysCount", m.Days.Count);
            w.WriteString("timeslot_duration", FrabModel.TimeslotDuration);
            w.WriteString("time_zone_name", m.TimeZoneName);
            w.WriteString("url", m.ConferenceUrl);

            w.WriteStartArray("tracks");
            foreach (var t in m.Tracks)
            {
                w.WriteStartObject();
                w.WriteString("name", t.Name);
                if (t.Slug is not null) w.WriteString("slug", t.Slug);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("rooms");
            foreach (var r in m.Rooms)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                w.WriteString("guid", r.Guid.ToString("D"));
                if (r.Capacity is int c) w.WriteNumber("capacity", c);
                else w.WriteNull("capacity");
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("days");
            foreach (var day in m.Days)
            {
                w.WriteStartObject();
                w.WriteNumber("index", day.Index);
                w.WriteString("date", ExportTime.IsoDate(day.Date));
                w.WriteString("day_start", ExportTime.IsoDateTime(day.Start));
                w.WriteString("day_end", ExportTime.IsoDateTime(day.End));
                w.WriteStartObject("rooms");
                foreach (var room in day.Rooms)
                {
                    w.WriteStartArray(room.Name);
                    foreach (var e in room.Events) WriteEvent(w, e);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteEndObject(); // conference
            w.WriteEndObject(); // schedule
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteEvent(Utf8JsonWriter w, FrabEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        w.WriteString("guid", e.Guid.ToString("D"));
        w.WriteString("date", ExportTime.IsoDateTime(e.Date));
        w.WriteString("start", e.Start);
        w.WriteString("end", ExportTime.IsoDateTime(e.End));
        w.WriteString("duration", e.Duration);
        w.WriteString("room", e.Room);
        w.WriteString("slug", e.Slug);
        w.WriteString("url", e.Url);
        w.WriteString("title", e.Title);
        w.WriteString("subtitle", e.Subtitle);
        w.WriteString("track", e.Track);
        w.WriteString("type", e.Type);
        w.WriteString("language", e.Language);
        w.WriteString("abstract", e.Abstract);
        w.WriteString("description", e.Description);

        // A person object must match exactly one of the schema's FrabPerson {id, public_name} and PretalxPerson {name}
        // (oneOf), so it carries id and name but no public_name.
        w.WriteStartArray("persons");
        foreach (var p in e.Persons)
        {
            w.WriteStartObject();
            w.WriteNumber("id", p.Id);
            w.WriteString("name", p.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("links");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
