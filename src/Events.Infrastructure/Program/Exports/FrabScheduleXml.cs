using System.Globalization;
using System.Text;
using System.Xml;
using Events.Core.Program;

namespace Events.Infrastructure.Program.Exports;

/// <summary>
/// A published program as a frab schedule.xml, the format that Giggity, EventFahrplan and video/signage systems read.
/// Valid against the c3voc schedule.xml.xsd (see tests/Events.IntegrationTests/Specs/frab-schedule).
/// </summary>
public static class FrabScheduleXml
{
    /// <summary>The document as text (UTF-8 declared; write it out as UTF-8).</summary>
    /// <param name="s">The published snapshot.</param>
    /// <param name="baseUrl">Absolute http(s) root of the public site, e.g. https://events.example.org.</param>
    /// <param name="wording">The language of kinds, labels, titles and names.</param>
    public static string Write(ProgramSnapshot s, string baseUrl, ExportWording wording)
    {
        var m = FrabModel.Build(s, baseUrl, wording);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var text = new Utf8StringWriter();
        using (var w = XmlWriter.Create(text, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("schedule");

            w.WriteStartElement("generator");
            w.WriteAttributeString("name", FrabModel.GeneratorName);
            w.WriteEndElement();
            w.WriteElementString("version", m.Version);

            w.WriteStartElement("conference");
            w.WriteElementString("acronym", m.Acronym);
            w.WriteElementString("title", m.Title);
            w.WriteElementString("start", ExportTime.IsoDate(m.Start));
            w.WriteElementString("end", ExportTime.IsoDate(m.End));
            w.WriteElementString("days", m.Days.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("timeslot_duration", FrabModel.TimeslotDuration);
            w.WriteElementString("base_url", m.BaseUrl);
            w.WriteElementString("url", m.ConferenceUrl);
            w.WriteElementString("time_zone_name", m.TimeZoneName);
            foreach (var t in m.Tracks)
            {
                w.WriteStartElement("track");
                w.WriteAttributeString("name", t.Name);
                if (t.Slug is not null) w.WriteAttributeString("slug", t.Slug);
                w.WriteString(t.Name);
                w.WriteEndElement();
            }
            w.WriteEndElement();

            foreach (var day in m.Days)
            {
                w.WriteStartElement("day");
                w.WriteAttributeString("index", day.Index.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("date", ExportTime.IsoDate(day.Date));
                w.WriteAttributeString("start", ExportTime.IsoDateTime(day.Start));
                w.WriteAttributeString("end", ExportTime.IsoDateTime(day.End));
                foreach (var room in day.Rooms)
                {
                    w.WriteStartElement("room");
                    w.WriteAttributeString("name", room.Name);
                    w.WriteAttributeString("guid", m.Rooms.First(r => r.Name == room.Name).Guid.ToString("D"));
                    foreach (var e in room.Events) WriteEvent(w, e);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return text.ToString();
    }

    private static void WriteEvent(XmlWriter w, FrabEvent e)
    {
        w.WriteStartElement("event");
        w.WriteAttributeString("guid", e.Guid.ToString("D"));
        w.WriteAttributeString("id", e.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("date", ExportTime.IsoDateTime(e.Date));
        w.WriteElementString("start", e.Start);
        w.WriteElementString("duration", e.Duration);
        w.WriteElementString("room", e.Room);
        w.WriteElementString("slug", e.Slug);
        w.WriteElementString("url", e.Url);
        w.WriteElementString("title", e.Title);
        w.WriteElementString("subtitle", e.Subtitle);
        w.WriteElementString("track", e.Track);
        w.WriteElementString("type", e.Type);
        w.WriteElementString("language", e.Language);
        w.WriteElementString("abstract", e.Abstract);
        w.WriteElementString("description", e.Description);
        w.WriteStartElement("persons");
        foreach (var p in e.Persons)
        {
            w.WriteStartElement("person");
            w.WriteAttributeString("id", p.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteString(p.Name);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteStartElement("links");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A StringWriter whose XML declaration says utf-8 instead of utf-16.</summary>
    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
