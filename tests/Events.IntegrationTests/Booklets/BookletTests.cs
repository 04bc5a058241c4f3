using System.Text.RegularExpressions;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Booklets;
using Events.Core.Events;
using Events.Core.Organizations;
using Events.Core.People;
using Events.Core.Program;
using Events.Infrastructure.Booklets;
using Events.Infrastructure.LiveUpdates;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Booklets;

/// <summary>
/// The programme booklet of a small two-day event with a sub-forum, speakers and three registrations, built by the
/// background worker and read back: every section where its table-of-contents line and its bookmark say, the exact
/// Chinese of the program, the paper size, sound fonts; and no build for someone who does not run the event.
/// </summary>
[Collection(PdfCollection.Name)]
public sealed partial class BookletTests(PdfAppFixture f)
{
    private const string SessionTitle = "区域协同创新与成果转化专题论坛";
    private const string SpeakerTitle = "四川省科学技术厅党组成员、副厅长";
    private const string SpeakerName = "欧阳明远";

    private EventsAppFactory App => f.App;
    private BookletService Booklets => App.Get<BookletService>();

    private async Task<int> EventAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = App.CreateDbContext();
        var root = new Event
        {
            Slug = $"booklet-{tag}", Title = "第十届区域创新发展论坛", TitleEn = "10th Regional Innovation Forum", StartDate = new DateOnly(2027, 5, 10),
            EndDate = new DateOnly(2027, 5, 11), City = "成都", Venue = "锦江宾馆", Status = EventStatus.Published,
        };
        db.Events.Add(root);
        await db.SaveChangesAsync();
        var forum = new Event
        {
            Slug = $"booklet-{tag}-a", Title = "成果转化分论坛", Kind = EventKind.SubForum, ParentEventId = root.Id, StartDate = new DateOnly(2027, 5, 11),
            EndDate = new DateOnly(2027, 5, 11), Venue = "天府国际会议中心", Status = EventStatus.Published,
        };
        var host = new Organization { Name = $"四川省科学技术发展战略研究院{tag}" };
        var bureau = new Organization { Name = "四川省科学技术厅" };
        db.AddRange(forum, host, bureau);
        await db.SaveChangesAsync();
        db.EventUnits.Add(new EventUnit { EventId = root.Id, OrganizationId = host.Id, Role = OrganizerRole.Host });
        var speaker = new Person { Name = SpeakerName };
        speaker.Positions.Add(new Position { OrganizationId = bureau.Id, Title = "党组成员", Order = 0 });
        speaker.Positions.Add(new Position { OrganizationId = bureau.Id, Title = "副厅长", Order = 1 });
        var chair = new Person { Name = "丁一", Positions = [new Position { Title = "研究员" }] };
        db.People.AddRange(speaker, chair);
        var hall = new Room { EventId = root.Id, Name = "锦江厅", Capacity = 300 };
        var small = new Room { EventId = forum.Id, Name = "第二会议室", Capacity = 60 };
        db.Rooms.AddRange(hall, small);
        await db.SaveChangesAsync();
        // 09:00 and 14:00 Beijing time on the two days.
        var opening = new Session { EventId = root.Id, Title = "开幕式暨主旨报告", Kind = SessionKind.Keynote, RoomId = hall.Id, Start = new DateTimeOffset(2027, 5, 10, 1, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2027, 5, 10, 3, 0, 0, TimeSpan.Zero) };
        var parallel = new Session { EventId = forum.Id, Title = SessionTitle, Kind = SessionKind.Panel, RoomId = small.Id, Start = new DateTimeOffset(2027, 5, 11, 6, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2027, 5, 11, 8, 0, 0, TimeSpan.Zero) };
        db.Sessions.AddRange(opening, parallel);
        await db.SaveChangesAsync();
        db.Add(new SessionChair { SessionId = opening.Id, PersonId = chair.Id });
        var talk = new SessionItem { SessionId = opening.Id, Title = "创新型省份建设的路径", DurationMinutes = 30 };
        talk.Participants.Add(new ItemParticipant { PersonId = speaker.Id, Role = ItemRole.Speaker });
        var panel = new SessionItem { SessionId = parallel.Id, Title = "科技成果转化的堵点与对策", DurationMinutes = 60 };
        panel.Participants.Add(new ItemParticipant { PersonId = speaker.Id, Role = ItemRole.Panelist });
        db.SessionItems.AddRange(talk, panel);
        string[] names = ["王芳", "李娜", "张伟"];
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var user = await TestUsers.CreateAsync(App, $"booklet-{tag}-{i}@test.local", [Roles.Attendee]);
            db.Registrations.Add(new Registration
            {
                EventId = root.Id, UserId = user.Id, Name = name, Organization = "西南交通大学", Title = "教授", Email = $"booklet-{tag}-{i}@example.cn", RegisteredAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();
        return root.Id;
    }

    private async Task<byte[]> BuildAsync(int eventId, BookletSettingsInput input)
    {
        var saved = await Booklets.SaveSettingsAsync(TestActors.Admin, eventId, input);
        Assert.Equal(Core.Common.SaveOutcome.Saved, saved.Outcome);
        var live = App.Get<ILiveUpdates>();
        var id = (await Booklets.QueueAsync(TestActors.Admin, eventId))!.Value;
        var done = new TaskCompletionSource();
        bool Finished()
        {
            using var db = App.CreateDbContext();
            return db.BookletBuilds.Any(b => b.Id == id && (b.State == BookletBuildState.Done || b.State == BookletBuildState.Failed));
        }
        using (live.Subscribe(BookletService.Topic, key =>
        {
            if (key == eventId && Finished()) done.TrySetResult();
        }))
        {
            // The hosted worker runs it; running the queue here as well is safe (a build is claimed once).
            await App.Get<BookletBuildWorker>().RunNextAsync(CancellationToken.None);
            if (Finished()) done.TrySetResult();
            await done.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
        var build = (await Booklets.BuildsAsync(TestActors.Admin, eventId)).Single(b => b.Id == id);
        Assert.True(build.State == BookletBuildState.Done, build.Error);
        var file = (await Booklets.OpenAsync(TestActors.Admin, eventId, id))!.Value;
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        await file.Content.DisposeAsync();
        Assert.Equal(build.Pages, PdfQuality.PageCount(copy.ToArray()));
        return copy.ToArray();
    }

    [Fact]
    public async Task A_booklet_prints_each_section_on_the_page_its_contents_line_and_bookmark_give()
    {
        var eventId = await EventAsync();
        var input = await Booklets.LoadSettingsAsync(TestActors.Admin, eventId);
        input.Cover = "创新驱动 协同发展";
        input.Notice = "## 报到\n\n请于5月9日14:00后在锦江宾馆大堂报到。\n\n## 用餐\n\n- 自助餐\n- **凭餐券**就餐";
        input.Contacts = "会务组：张老师 028-12345678";
        input.Paper = BookletPaper.A5;
        var pdf = await BuildAsync(eventId, input);

        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, SessionTitle, SpeakerName, SpeakerTitle, "创新驱动协同发展", "凭餐券", "锦江厅", "第二会议室", "王芳", "张伟");
        using (var sharp = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
        {
            Assert.Equal("zh-CN", sharp.Internals.Catalog.Elements.GetString("/Lang"));
        }
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var page = doc.GetPage(2);
            Assert.InRange(page.Width, 418, 421);
            Assert.InRange(page.Height, 594, 597);
        }

        string[] sections = ["参会须知", "组织机构", "会议日程", "嘉宾介绍", "参会代表名单", "会场与联系方式"];
        var toc = ContentsLines(pdf);
        var bookmarks = PdfQuality.Bookmarks(pdf);
        var texts = PdfQuality.PageTexts(pdf).Select(PdfQuality.Compact).ToList();
        var previous = 2;
        foreach (var title in sections)
        {
            Assert.True(toc.TryGetValue(title, out var page), $"The contents do not list {title}: {string.Join(" | ", toc.Keys)}");
            Assert.True(page > previous, $"{title} on page {page}, not after page {previous}");
            previous = page;
            // The heading is the first line of that page.
            Assert.Equal(title, TopLine(pdf, page));
            Assert.Contains(bookmarks, b => b.Title == title && b.Page == page);
        }
        // The numbers written onto the contents page are tagged: one Span per line, inside the line's Link, with its marked content.
        Assert.Equal(sections.Length, NumberSpansInLinks(pdf));
        // The days and forums of the agenda are bookmarked under it.
        Assert.Contains(bookmarks, b => b.Title == "成果转化分论坛" && b.Level > 0);
        // The speaker is listed once among the guests with the full title.
        var guests = texts[toc["嘉宾介绍"] - 1];
        Assert.Contains(SpeakerName + SpeakerTitle, guests, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_A4_booklet_has_English_headings_on_A4_and_a_document_language()
    {
        var eventId = await EventAsync();
        var input = await Booklets.LoadSettingsAsync(TestActors.Admin, eventId);
        input.Paper = BookletPaper.A4;
        input.Culture = BookletText.English;
        input.Sections = BookletSections.Agenda | BookletSections.Delegates;
        var pdf = await BuildAsync(eventId, input);

        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, "10th Regional Innovation Forum", "Contents", "Programme", "Delegates", SessionTitle);
        var toc = ContentsLines(pdf, "Contents");
        Assert.Equal(2, toc.Count);
        Assert.True(toc["Programme"] < toc["Delegates"]);
        Assert.Equal("Delegates", TopLine(pdf, toc["Delegates"]));
        using (var doc = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.InRange(doc.GetPage(1).Width, 594, 597);
            Assert.InRange(doc.GetPage(1).Height, 841, 843);
        }
        var bookmarks = PdfQuality.Bookmarks(pdf);
        Assert.Contains(bookmarks, b => b.Title == "Delegates" && b.Page == toc["Delegates"]);
        Assert.Contains(bookmarks, b => b.Title == "Programme" && b.Page == toc["Programme"]);
        // Tagged, with the document's language, so readers and screen readers know it.
        using var sharp = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.Equal("en", sharp.Internals.Catalog.Elements.GetString("/Lang"));
        Assert.NotNull(sharp.Internals.Catalog.Elements["/StructTreeRoot"]);
    }

    [Fact]
    public async Task A_booklet_build_left_running_by_a_stopped_process_is_queued_again_and_finishes()
    {
        var eventId = await EventAsync();
        var done = await LeftRunningBuilds.QueuedAgainAndFinishedAsync(App, App.Get<BookletBuildWorker>(), db => db.BookletBuilds, (claim, attempts) => new BookletBuild
        {
            EventId = eventId, Paper = BookletPaper.A5, Culture = BookletText.Chinese, State = BookletBuildState.Running, Percent = 60,
            ClaimExpiresAt = claim, Attempts = attempts, RequestedByUserId = "test", CreatedAt = DateTimeOffset.UtcNow,
        }, BookletBuild.MaxAttempts, null, (BookletBuildState.Running, BookletBuildState.Done, BookletBuildState.Failed));
        Assert.Equal(100, done.Percent);
        var file = (await Booklets.OpenAsync(TestActors.Admin, eventId, done.Id))!.Value;
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        await file.Content.DisposeAsync();
        PdfQuality.AssertContainsText(copy.ToArray(), SessionTitle);
    }

    [Fact]
    public async Task Someone_who_does_not_run_the_event_can_neither_save_build_nor_download_its_booklet()
    {
        var eventId = await EventAsync();
        var outsider = new Actor("not-staff", IsAdministrator: false, IsOrganizer: true);
        var before = await DatabaseFingerprint.TakeAsync(App);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Booklets.SaveSettingsAsync(outsider, eventId, new BookletSettingsInput { Cover = "改" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Booklets.QueueAsync(outsider, eventId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Booklets.BuildsAsync(outsider, eventId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Booklets.OpenAsync(outsider, eventId, 1));

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(App));
    }

    /// <summary>Span structure elements whose parent is a Link and whose kid is a marked-content id on a page, walked from the structure tree root.</summary>
    private static int NumberSpansInLinks(byte[] pdf)
    {
        using var doc = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        static PdfSharp.Pdf.PdfItem? Value(PdfSharp.Pdf.PdfItem? item) => item is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : item;
        var count = 0;
        var stack = new Stack<(PdfSharp.Pdf.PdfDictionary Element, string Parent)>();
        stack.Push((doc.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!, ""));
        while (stack.Count > 0)
        {
            var (element, parent) = stack.Pop();
            var type = element.Elements.GetName("/S");
            if (type == "/Span" && parent == "/Link" && element.Elements["/K"] is PdfSharp.Pdf.PdfInteger && element.Elements["/Pg"] is not null) count++;
            var kids = Value(element.Elements["/K"]) switch
            {
                PdfSharp.Pdf.PdfArray array => array.Elements.Select(Value),
                var single => [single],
            };
            foreach (var kid in kids.OfType<PdfSharp.Pdf.PdfDictionary>().Where(k => k.Elements.GetName("/Type") != "/OBJR")) stack.Push((kid, type));
        }
        return count;
    }

    /// <summary>A page's lines (words on one baseline), top to bottom, each its words left to right with no spaces.</summary>
    private static List<string> Lines(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords().GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y)).OrderByDescending(g => g.Key)
            .Select(g => PdfQuality.Compact(string.Concat(g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))).ToList();

    private static string TopLine(byte[] pdf, int page)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return Lines(doc.GetPage(page))[0];
    }

    /// <summary>The contents page's lines as title → page number, read by position: each line's words left to right, the number at its end.</summary>
    private static Dictionary<string, int> ContentsLines(byte[] pdf, string heading = "目录")
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = doc.GetPages().First(p => Lines(p) is [var top, ..] && top == heading);
        var result = new Dictionary<string, int>();
        foreach (var line in Lines(page).Skip(1))
        {
            var m = ContentsLine().Match(PdfQuality.Compact(line));
            if (m.Success) result[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    [GeneratedRegex(@"^(\D+?)(\d+)$")]
    private static partial Regex ContentsLine();
}
