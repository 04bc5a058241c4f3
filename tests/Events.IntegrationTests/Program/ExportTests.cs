using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Events.Core.Program;
using Events.Infrastructure.Program.Exports;
using Events.IntegrationTests.Infrastructure;
using Json.Schema;
using Xunit.Abstractions;
using static Events.IntegrationTests.Program.ProgramSnapshotSamples;

namespace Events.IntegrationTests.Program;

/// <summary>
/// The published-program exports checked against the outside world's definitions: the frab schedule XSD and JSON
/// schema (copied unchanged into Specs/frab-schedule), Ical.Net's parser and the Open XML SDK's validator.
/// </summary>
public class ExportTests(ITestOutputHelper output)
{
    private static readonly string SpecDir = Path.Combine(AppContext.BaseDirectory, "Specs", "frab-schedule");
    private static readonly Lazy<JsonSchema> FrabJsonSchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(SpecDir, "schedule.json.schema.json"))));

    // ---------- frab schedule.xml ----------

    [Fact]
    public void Frab_xml_validates_against_the_unchanged_xsd()
    {
        var xml = FrabScheduleXml.Write(V1(), BaseUrl, Zh);
        output.WriteLine(xml);

        var problems = ValidateXml(xml);

        Assert.True(problems.Count == 0, "schedule.xml does not validate:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Frab_xml_carries_the_program()
    {
        var snapshot = V1();
        var xml = FrabScheduleXml.Write(snapshot, BaseUrl, Zh);
        var doc = XDocument.Parse(xml);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);
        Assert.Contains(PanelTitle, xml, StringComparison.Ordinal); // Chinese as characters, not as &#...; references
        var conference = doc.Root!.Element("conference")!;
        Assert.Equal("pujiang_forum_2024", conference.Element("acronym")!.Value);
        Assert.Equal("Asia/Shanghai", conference.Element("time_zone_name")!.Value);
        Assert.Equal("2", conference.Element("days")!.Value);
        Assert.Equal("00:05", conference.Element("timeslot_duration")!.Value);

        var events = doc.Descendants("event").ToList();
        Assert.Equal(snapshot.Sessions.Count, events.Count);
        var panel = events.Single(e => e.Attribute("id")!.Value == "6");
        Assert.Equal(PanelTitle, panel.Element("title")!.Value);
        Assert.Equal("2024-09-08T09:00:00+08:00", panel.Element("date")!.Value);
        Assert.Equal("09:00", panel.Element("start")!.Value);
        Assert.Equal("01:30", panel.Element("duration")!.Value);
        Assert.Equal("区域创新发展分论坛", panel.Element("track")!.Value);
        Assert.Equal("沙龙/圆桌对话", panel.Element("type")!.Value);
        Assert.Equal("zh", panel.Element("language")!.Value);
        Assert.Equal($"https://events.example.org/events/{SubForumSlug}/sessions/6", panel.Element("url")!.Value);
        // Named people only (the moderator once), no invented name for 地方政府代表; the label is in the description.
        Assert.Equal(["李四", "张三", "陈七"], panel.Element("persons")!.Elements("person").Select(p => p.Value));
        Assert.Contains("对话嘉宾：张三（复旦大学教授）、陈七（华东师范大学教授）、地方政府代表", panel.Element("description")!.Value, StringComparison.Ordinal);

        // 07:30 Shanghai is 23:30 UTC on the day before; it belongs to day 2.
        var early = events.Single(e => e.Attribute("id")!.Value == "5");
        Assert.Equal("2", early.Parent!.Parent!.Attribute("index")!.Value);
        Assert.Equal("07:30", early.Element("start")!.Value);

        var roomless = events.Single(e => e.Attribute("id")!.Value == "3");
        Assert.Equal("未指定会场", roomless.Parent!.Attribute("name")!.Value);

        var release = events.Single(e => e.Attribute("id")!.Value == "4");
        Assert.Contains("发布成果：《中国区域创新能力评价报告2024》、《长三角科技创新指数》", release.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Contains("企业代表", release.Element("description")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Frab_guids_are_stable_across_versions()
    {
        static Dictionary<string, string> Guids(ProgramSnapshot s) =>
            XDocument.Parse(FrabScheduleXml.Write(s, BaseUrl, Zh)).Descendants("event")
                .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("guid")!.Value);

        var v1 = Guids(V1());
        var v2 = Guids(V2());

        Assert.Equal(v1.OrderBy(x => x.Key), v2.OrderBy(x => x.Key));
        Assert.Equal(v1.Count, v1.Values.Distinct().Count());
        Assert.All(v1.Values, g => Assert.Equal('5', g[14])); // version-5 style (name-based)
    }

    [Fact]
    public void Xsd_validation_is_not_vacuous()
    {
        // Remove an element the XSD requires: the same validation must now fail.
        var doc = XDocument.Parse(FrabScheduleXml.Write(V1(), BaseUrl, Zh));
        doc.Descendants("event").First().Element("track")!.Remove();

        Assert.NotEmpty(ValidateXml(doc.ToString()));
    }

    // ---------- frab schedule.json ----------

    [Fact]
    public void Frab_json_validates_against_the_unchanged_schema()
    {
        var json = FrabScheduleJson.Write(V1(), BaseUrl, Zh);
        output.WriteLine(json);

        var problems = ValidateJson(json);

        Assert.True(problems.Count == 0, "schedule.json does not validate:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Frab_json_carries_the_same_program_as_the_xml()
    {
        var snapshot = V1();
        var json = FrabScheduleJson.Write(snapshot, BaseUrl, Zh);
        var xml = XDocument.Parse(FrabScheduleXml.Write(snapshot, BaseUrl, Zh));

        Assert.Contains(PanelTitle, json, StringComparison.Ordinal); // unescaped Chinese
        using var doc = JsonDocument.Parse(json);
        var conference = doc.RootElement.GetProperty("schedule").GetProperty("conference");
        Assert.Equal("pujiang_forum_2024", conference.GetProperty("acronym").GetString());
        Assert.Equal(2, conference.GetProperty("daysCount").GetInt32());

        var jsonEvents = conference.GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("rooms").EnumerateObject().SelectMany(r => r.Value.EnumerateArray()))
            .ToDictionary(e => e.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var xmlEvents = xml.Descendants("event").ToDictionary(e => e.Attribute("id")!.Value);

        Assert.Equal(xmlEvents.Keys.Order(), jsonEvents.Keys.Order());
        foreach (var (id, x) in xmlEvents)
        {
            var j = jsonEvents[id];
            Assert.Equal(x.Attribute("guid")!.Value, j.GetProperty("guid").GetString());
            foreach (var field in new[] { "title", "date", "start", "duration", "room", "track", "type", "slug", "url", "abstract", "description" })
            {
                Assert.Equal(x.Element(field)!.Value, j.GetProperty(field).GetString());
            }
        }
    }

    [Fact]
    public void Json_schema_validation_is_not_vacuous()
    {
        var json = FrabScheduleJson.Write(V1(), BaseUrl, Zh);
        Assert.Empty(ValidateJson(json));

        static JsonObject FirstEvent(JsonNode doc) =>
            doc["schedule"]!["conference"]!["days"]![0]!["rooms"]!["主会场"]![0]!.AsObject();

        // A hyphenated acronym (our raw event slug) breaks the schema's acronym pattern.
        var hyphen = JsonNode.Parse(json)!;
        hyphen["schedule"]!["conference"]!["acronym"] = "pujiang-forum-2024";
        Assert.NotEmpty(ValidateJson(hyphen.ToJsonString()));

        // An event without its required url (checked through days[].rooms patternProperties → Event).
        var noUrl = JsonNode.Parse(json)!;
        FirstEvent(noUrl).Remove("url");
        Assert.NotEmpty(ValidateJson(noUrl.ToJsonString()));

        // A person with id, name and public_name matches both FrabPerson and PretalxPerson: oneOf fails.
        var both = JsonNode.Parse(json)!;
        FirstEvent(both)["persons"]![0]!["public_name"] = "张三";
        Assert.NotEmpty(ValidateJson(both.ToJsonString()));
    }

    // ---------- iCalendar ----------

    [Fact]
    public void Ics_parses_with_zoned_times_and_intact_chinese()
    {
        var snapshot = V1();
        var ics = ProgramCalendar.Write(snapshot, BaseUrl, Zh);
        output.WriteLine(ics);

        var calendar = Ical.Net.Calendar.Load(ics)!;

        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Asia/Shanghai", zone.TzId);
        Assert.Equal(snapshot.Sessions.Count, calendar.Events.Count);
        foreach (var session in snapshot.Sessions)
        {
            var e = calendar.Events.Single(x => x.Uid == $"session-{session.Id}@{EventSlug}");
            Assert.Equal(session.Title, e.Summary);
            Assert.Equal("Asia/Shanghai", e.DtStart!.TzId);
            Assert.Equal("Asia/Shanghai", e.DtEnd!.TzId);
            Assert.False(e.DtStart.IsFloating);
            Assert.Equal(session.Start.UtcDateTime, e.DtStart.AsUtc);
            Assert.Equal(session.End.UtcDateTime, e.DtEnd.AsUtc);
        }

        var panel = calendar.Events.Single(x => x.Uid == $"session-6@{EventSlug}");
        Assert.Equal(PanelTitle, panel.Summary);
        Assert.Equal($"第一会议室（{SubForumVenue}，上海）", panel.Location); // the sub-forum's own venue, not the parent's
        Assert.Equal(new Uri($"https://events.example.org/events/{SubForumSlug}/sessions/6"), panel.Url); // the session's own page
        Assert.Contains("地方政府代表", panel.Description, StringComparison.Ordinal);
        Assert.Contains("主持：李四（上海市科学学研究所研究员）", panel.Description, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20240908T090000", ics, StringComparison.Ordinal);

        var roomless = calendar.Events.Single(x => x.Uid == $"session-3@{EventSlug}");
        Assert.Equal("上海国际会议中心，上海", roomless.Location);
    }

    [Fact]
    public void Ics_session_kinds_are_the_program_pages_words()
    {
        var calendar = Ical.Net.Calendar.Load(ProgramCalendar.Write(V1(), BaseUrl, Zh))!;

        Assert.Equal(["沙龙/圆桌对话"], calendar.Events.Single(x => x.Uid == $"session-6@{EventSlug}").Categories);
        Assert.Equal(["闭幕式"], calendar.Events.Single(x => x.Uid == $"session-7@{EventSlug}").Categories);
    }

    [Fact]
    public void Exports_in_English_use_English_kinds_roles_titles_and_names()
    {
        var snapshot = V1();
        var calendar = Ical.Net.Calendar.Load(ProgramCalendar.Write(snapshot, BaseUrl, En))!;

        Assert.Equal("2024 Pujiang Innovation Forum", calendar.Properties["X-WR-CALNAME"]!.Value);
        var panel = calendar.Events.Single(x => x.Uid == $"session-6@{EventSlug}");
        Assert.Equal(PanelTitleEn, panel.Summary);
        Assert.Equal(["Panel"], panel.Categories);
        Assert.Contains("Chair: Li Si (李四) (上海市科学学研究所研究员)", panel.Description, StringComparison.Ordinal);
        Assert.Contains("Panelist: Zhang San (张三) (复旦大学教授), 陈七 (华东师范大学教授), 地方政府代表", panel.Description, StringComparison.Ordinal);
        Assert.StartsWith("Regional Innovation Sub-forum (Panel)", panel.Description, StringComparison.Ordinal);
        // A session without an English title keeps its Chinese one rather than showing nothing.
        Assert.Equal("开幕式", calendar.Events.Single(x => x.Uid == $"session-1@{EventSlug}").Summary);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(ProgramWorkbook.Write(snapshot, En)), false);
        var sheet = Assert.Single(doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("Program", sheet.Name!.Value);
        var rows = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        static string Text(Cell c) => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "";
        Assert.Equal(["Date", "Start", "End", "Forum", "Room", "Kind", "Session", "Chair", "Item", "People"], rows[0].Elements<Cell>().Select(Text));
        var panelRow = rows.Single(r => r.Elements<Cell>().Any(c => Text(c) == PanelTitleEn)).Elements<Cell>().Select(Text).ToList();
        Assert.Equal(["Regional Innovation Sub-forum", "第一会议室", "Panel", PanelTitleEn], panelRow.Skip(3).Take(4));

        var frab = XDocument.Parse(FrabScheduleXml.Write(snapshot, BaseUrl, En));
        var frabPanel = frab.Descendants("event").Single(e => e.Attribute("id")!.Value == "6");
        Assert.Equal("en", frabPanel.Element("language")!.Value);
        Assert.Equal("Panel", frabPanel.Element("type")!.Value);
    }

    [Fact]
    public void Ics_uids_are_stable_across_versions()
    {
        static List<string> Uids(ProgramSnapshot s) =>
            Ical.Net.Calendar.Load(ProgramCalendar.Write(s, BaseUrl, Zh))!.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal).ToList();

        var v1 = Ical.Net.Calendar.Load(ProgramCalendar.Write(V1(), BaseUrl, Zh))!;
        var v2 = Ical.Net.Calendar.Load(ProgramCalendar.Write(V2(), BaseUrl, Zh))!;

        Assert.Equal(Uids(V1()), Uids(V2()));
        // Same UID, new time and sequence: calendar apps update the event in place.
        var before = v1.Events.Single(e => e.Uid == $"session-6@{EventSlug}");
        var after = v2.Events.Single(e => e.Uid == $"session-6@{EventSlug}");
        Assert.Equal(before.DtStart!.AsUtc.AddMinutes(30), after.DtStart!.AsUtc);
        Assert.True(after.Sequence > before.Sequence);
    }

    [Fact]
    public void Ics_personal_agenda_has_only_the_chosen_sessions()
    {
        var calendar = Ical.Net.Calendar.Load(ProgramCalendar.Write(V1(), BaseUrl, Zh, [4, 6, 999]))!;

        Assert.Equal([$"session-4@{EventSlug}", $"session-6@{EventSlug}"], calendar.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
        Assert.Single(calendar.TimeZones);
    }

    // ---------- xlsx ----------

    [Fact]
    public void Xlsx_opens_validates_and_reads_back()
    {
        var snapshot = V1();
        var bytes = ProgramWorkbook.Write(snapshot, Zh);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).ToList();
        Assert.True(errors.Count == 0, "xlsx validation errors:\n" + string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));

        var workbookPart = doc.WorkbookPart!;
        var sheet = Assert.Single(workbookPart.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal("日程", sheet.Name!.Value);
        var rows = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

        // One row per item; a session without items (the break) still gets one row; plus the header.
        var expected = snapshot.Sessions.Sum(s => Math.Max(1, s.Items.Count)) + 1;
        Assert.Equal(expected, rows.Count);
        Assert.Equal(snapshot.Sessions.Sum(s => s.Items.Count) + snapshot.Sessions.Count(s => s.Items.Count == 0) + 1, rows.Count);

        static string Text(Cell c) => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "";
        Assert.Equal(["日期", "开始", "结束", "分论坛", "会场", "类型", "场次", "主持", "环节", "发言人"], rows[0].Elements<Cell>().Select(Text));

        var panelRow = rows.Single(r => r.Elements<Cell>().Any(c => Text(c) == PanelTitle)).Elements<Cell>().Select(Text).ToList();
        Assert.Equal(["2024-09-08", "09:00", "10:30", "区域创新发展分论坛", "第一会议室", "沙龙/圆桌对话", PanelTitle], panelRow.Take(7));
        Assert.Equal("主持：李四（上海市科学学研究所研究员）；对话嘉宾：张三（复旦大学教授）、陈七（华东师范大学教授）、地方政府代表", panelRow[9]);

        var earlyRow = rows.First(r => r.Elements<Cell>().Any(c => Text(c) == "青年学者论文交流")).Elements<Cell>().Select(Text).ToList();
        Assert.Equal(["2024-09-08", "07:30", "08:50"], earlyRow.Take(3)); // event time zone, not UTC
        Assert.Equal("报告人：青年学者（12人）", earlyRow[9]); // the role as the program page names it

        var breakRow = rows.Single(r => r.Elements<Cell>().Any(c => Text(c) == "茶歇")).Elements<Cell>().Select(Text).ToList();
        Assert.Equal("未指定会场", breakRow[4]);
    }

    // ---------- the spec files ----------

    [Fact]
    public void Copied_spec_files_are_byte_identical_to_shared_specs()
    {
        // The originals live in shared/specs beside the repository (on developer machines and in CI). Where that
        // folder is not there (e.g. a plain clone elsewhere), there is nothing to compare with and the test passes.
        var shared = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "specs", "frab-schedule"));
        if (!Directory.Exists(shared)) return;

        var inRepo = Path.Combine(RepoPaths.Root, "tests", "Events.IntegrationTests", "Specs", "frab-schedule");
        foreach (var name in new[] { "schedule.xml.xsd", "schedule.json.schema.json" })
        {
            var original = File.ReadAllBytes(Path.Combine(shared, name));
            Assert.True(original.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(inRepo, name))), $"{inRepo}/{name} differs from {shared}/{name}");
            Assert.True(original.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(SpecDir, name))), $"{SpecDir}/{name} differs from {shared}/{name}");
        }
    }

    // ---------- helpers ----------

    internal static List<string> ValidateXml(string xml)
    {
        var problems = new List<string>();
        var schemas = new XmlSchemaSet();
        using (var xsd = XmlReader.Create(Path.Combine(SpecDir, "schedule.xml.xsd")))
        {
            schemas.Add(null, xsd);
        }
        schemas.Compile();

        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    internal static List<string> ValidateJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var results = FrabJsonSchema.Value.Evaluate(doc.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid) return [];

        var problems = new List<string>();
        foreach (var r in new[] { results }.Concat(results.Details ?? []))
        {
            if (r.IsValid || r.Errors is null) continue;
            foreach (var (keyword, message) in r.Errors)
            {
                problems.Add($"{r.InstanceLocation} ({r.EvaluationPath}) {keyword}: {message}");
            }
        }
        if (problems.Count == 0) problems.Add(JsonSerializer.Serialize(results));
        return problems;
    }
}
