using System.Diagnostics;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Certificates;
using Events.Core.Common;
using Events.Core.OnSite;
using Events.Core.Program;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.Certificates;
using Events.Infrastructure.LiveUpdates;
using Events.Infrastructure.OnSite;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;
using Events.Web.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.OnSite;

/// <summary>
/// Badge designs per registration category (colour, contrast-safe text, label; the category wins over the speaker
/// band), bulk badge builds in the background (queued → done with progress pushed, one PDF in the file store), and
/// background builds that a stopped process left running: queued again when their claim lapses, left alone while it lives.
/// </summary>
[Collection(PdfCollection.Name)]
public sealed class BadgeDesignAndBuildTests(PdfAppFixture f)
{
    private EventsAppFactory App => f.App;
    private BadgeService Badges => App.Get<BadgeService>();

    private sealed record Setup(int EventId, int Guest, int Student, int Delegate, int SpeakerInCategory, int Speaker, int GuestCategory, int StudentCategory);

    /// <summary>
    /// A future event with two categories (贵宾: its own colour and labels; 学生代表: none, so the palette's second colour and
    /// its name) and five registrants: one in each category, one without, a speaker in 贵宾 and a speaker without a category.
    /// </summary>
    private async Task<Setup> EventAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = App.CreateDbContext();
        var ev = new Core.Events.Event
        {
            Slug = $"badge-{tag}", Title = "第十届区域创新研讨会", StartDate = new DateOnly(2027, 5, 10), EndDate = new DateOnly(2027, 5, 11),
            Status = Core.Events.EventStatus.Published,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        var editor = App.Get<RegistrationCategoryEditor>();
        var guest = new RegistrationCategoryInput { Name = "特邀贵宾", NameEn = "Invited guest", BadgeColour = "#f9a825", BadgeLabel = "贵宾", BadgeLabelEn = "VIP" };
        var student = new RegistrationCategoryInput { Name = "学生代表" };
        Assert.Equal(SaveOutcome.Saved, (await editor.SaveAsync(TestActors.Admin, ev.Id, guest)).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await editor.SaveAsync(TestActors.Admin, ev.Id, student)).Outcome);

        string[] names = ["陈贵宾", "李学生", "王代表", "赵报告", "钱演讲"];
        int?[] categories = [guest.Id, student.Id, null, guest.Id, null];
        var ids = new List<int>();
        for (var i = 0; i < names.Length; i++)
        {
            var user = await TestUsers.CreateAsync(App, $"badge-{tag}-{i}@test.local", [Roles.Attendee]);
            var registration = new Registration
            {
                EventId = ev.Id, UserId = user.Id, Name = names[i], Organization = "成都理工大学", Title = "教授", Email = $"badge-{tag}-{i}@example.cn",
                RegisteredAt = DateTimeOffset.UtcNow, CategoryId = categories[i],
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            ids.Add(registration.Id);
        }
        // 赵报告 and 钱演讲 speak in the program (found by their registration e-mail).
        var session = new Session { EventId = ev.Id, Title = "主旨报告", Kind = SessionKind.Keynote, Start = new DateTimeOffset(2027, 5, 10, 1, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2027, 5, 10, 2, 0, 0, TimeSpan.Zero) };
        db.Sessions.Add(session);
        var speakers = new[] { 3, 4 }.Select(i => new Core.People.Person { Name = names[i], Email = $"badge-{tag}-{i}@example.cn" }).ToList();
        db.People.AddRange(speakers);
        await db.SaveChangesAsync();
        foreach (var person in speakers)
        {
            var item = new SessionItem { SessionId = session.Id, Title = "报告：" + person.Name, DurationMinutes = 20 };
            item.Participants.Add(new ItemParticipant { PersonId = person.Id, Role = ItemRole.Speaker });
            db.SessionItems.Add(item);
        }
        await db.SaveChangesAsync();
        return new Setup(ev.Id, ids[0], ids[1], ids[2], ids[3], ids[4], guest.Id, student.Id);
    }

    [Fact]
    public void Colours_are_validated_and_the_text_on_a_band_is_the_colour_that_contrasts_more()
    {
        Assert.Equal("#1565C0", BadgeColours.Normalize(" #1565c0 "));
        Assert.Equal("#1565C0", BadgeColours.Normalize("1565c0"));
        Assert.Null(BadgeColours.Normalize("#12345"));
        Assert.Null(BadgeColours.Normalize("blue"));
        Assert.Contains(new RegistrationCategoryInput { Name = "学生", BadgeColour = "#GGGGGG" }.Validate(), v => v.Field == "BadgeColour" && v.Code == "BadgeColourInvalid");
        Assert.Contains(new RegistrationCategoryInput { Name = "学生", BadgeLabel = new string('长', 21) }.Validate(), v => v.Field == "BadgeLabel");
        Assert.Empty(new RegistrationCategoryInput { Name = "学生", BadgeColour = "#2e7d32", BadgeLabel = "学生" }.Validate());

        Assert.Equal("#000000", BadgeColours.TextOn("#F9A825"));
        Assert.Equal("#FFFFFF", BadgeColours.TextOn("#1565C0"));
        Assert.Equal("#000000", BadgeColours.TextOn("#FFFFFF"));
        // Every palette colour carries white text at the contrast large bold text needs (WCAG 3:1), most far more.
        Assert.All(BadgeColours.Palette, c => Assert.True(BadgeColours.Contrast(c, BadgeColours.TextOn(c)) >= 4.5, c));
    }

    [Fact]
    public async Task A_registrant_in_a_category_prints_its_colour_and_label_and_the_category_wins_over_the_speaker_band()
    {
        var s = await EventAsync();
        var sheet = (await Badges.SheetAsync(TestActors.Admin, s.EventId, new BadgeFilter(), BadgePaper.Stock90x120))!;
        var by = sheet.Badges.ToDictionary(b => b.RegistrationId);

        Assert.Equal(new BadgeStyle("#F9A825", "#000000", "贵宾", "VIP", s.GuestCategory), by[s.Guest].Style);
        Assert.Equal(new BadgeStyle(BadgeColours.Palette[1], "#FFFFFF", "学生代表", "学生代表", s.StudentCategory), by[s.Student].Style);
        Assert.Equal(BadgeStyle.Of(BadgeBand.Delegate), by[s.Delegate].Style);
        Assert.Equal(BadgeBand.Speaker, by[s.SpeakerInCategory].Band);
        Assert.Equal(by[s.Guest].Style, by[s.SpeakerInCategory].Style);
        Assert.Equal(BadgeStyle.Of(BadgeBand.Speaker), by[s.Speaker].Style);

        // Filtered by category: 贵宾 holds two; without a category, two.
        Assert.Equal(new[] { s.Guest, s.SpeakerInCategory }, (await Badges.SheetAsync(TestActors.Admin, s.EventId, new BadgeFilter(CategoryId: s.GuestCategory), BadgePaper.A4))!
            .Badges.Select(b => b.RegistrationId).Order().ToArray());
        Assert.Equal(new[] { s.Delegate, s.Speaker }, (await Badges.SheetAsync(TestActors.Admin, s.EventId, new BadgeFilter(CategoryId: BadgeFilter.NoCategory), BadgePaper.A4))!
            .Badges.Select(b => b.RegistrationId).Order().ToArray());

        // In the PDF: each badge's labels as text, and its band in its colour (sampled from the rendered page).
        var ordered = sheet with { Badges = [by[s.Guest], by[s.Student], by[s.Delegate], by[s.Speaker]] };
        var pdf = await OnSiteEndpoints.BadgePdfAsync(App.Get<DocumentPdf>(), ordered, CancellationToken.None);
        PdfQuality.AssertSound(pdf);
        var pages = PdfQuality.PageTexts(pdf).Select(PdfQuality.Compact).ToList();
        Assert.Equal(4, pages.Count);
        Assert.Contains("贵宾", pages[0]);
        Assert.Contains("学生代表", pages[1]);
        Assert.Contains("参会代表", pages[2]);
        Assert.Contains("演讲嘉宾", pages[3]);
        Assert.Equal("#F9A825", BandColour(pdf, 1), ColourComparer.Instance);
        Assert.Equal(BadgeColours.Palette[1], BandColour(pdf, 2), ColourComparer.Instance);
        Assert.Equal(BadgeColours.Delegate, BandColour(pdf, 3), ColourComparer.Instance);
        Assert.Equal(BadgeColours.Speaker, BandColour(pdf, 4), ColourComparer.Instance);

        // Printed for an English screen, the category's English label.
        var english = await OnSiteEndpoints.BadgePdfAsync(App.Get<DocumentPdf>(), ordered with { Badges = [by[s.Guest]], English = true }, CancellationToken.None);
        Assert.Contains("VIP", PdfQuality.CompactText(english));
    }

    [Fact]
    public async Task The_scan_card_shows_the_badge_band_of_the_category()
    {
        var s = await EventAsync();
        var answer = await App.Get<CheckInService>().CheckInAsync(TestActors.Admin, s.EventId, s.Guest, null);
        var l = App.Get<Microsoft.Extensions.Localization.IStringLocalizer<global::Events.Web.Localization.SharedResource>>();
        var card = System.Text.Json.JsonSerializer.SerializeToElement(OnSiteEndpoints.Answer(answer, l)).GetProperty("person");
        Assert.Equal("贵宾", card.GetProperty("bandLabel").GetString());
        Assert.Equal("#F9A825", card.GetProperty("bandColour").GetString());
        Assert.Equal("#000000", card.GetProperty("bandText").GetString());
    }

    [Fact]
    public async Task The_door_counts_each_category_in_its_order_with_its_label_and_colour_and_the_rest_by_band()
    {
        var s = await EventAsync();
        var checkIns = App.Get<CheckInService>();
        Assert.Equal(CheckInOutcome.CheckedIn, (await checkIns.CheckInAsync(TestActors.Admin, s.EventId, s.Guest, null)).Outcome);
        Assert.Equal(CheckInOutcome.CheckedIn, (await checkIns.CheckInAsync(TestActors.Admin, s.EventId, s.Speaker, null)).Outcome);

        var counts = await checkIns.CountsAsync(TestActors.Admin, s.EventId);

        // 贵宾 (陈贵宾 in, 赵报告 not), 学生代表 (李学生 not), then without a category: 王代表 a delegate, 钱演讲 a speaker (in).
        Assert.Equal([("贵宾", 1, 2), ("学生代表", 0, 1)], counts.Where(c => c.Category is not null).Select(c => (c.Category!.Label, c.CheckedIn, c.Registered)));
        Assert.Equal([(BadgeBand.Delegate, 0, 1), (BadgeBand.Speaker, 1, 1)], counts.Where(c => c.Category is null).Select(c => (c.Band, c.CheckedIn, c.Registered)));
        Assert.Equal(2, counts.TakeWhile(c => c.Category is not null).Count());
        Assert.Equal("#F9A825", counts[0].Category!.Colour);
        Assert.Equal("VIP", counts[0].Category!.LabelIn(english: true));
    }

    [Fact]
    public async Task A_bulk_badge_build_runs_in_the_background_with_progress_to_one_PDF_in_the_file_store()
    {
        var s = await EventAsync();
        var builds = App.Get<BadgeBuilds>();
        var live = App.Get<ILiveUpdates>();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<(BadgeBuildState State, int Done)>();
        var done = new TaskCompletionSource();
        int? id = null;
        using (live.Subscribe(BadgeBuilds.Topic, key =>
        {
            if (key != s.EventId || id is null) return;
            using var db = App.CreateDbContext();
            var row = db.BadgeBuilds.AsNoTracking().First(b => b.Id == id);
            seen.Enqueue((row.State, row.Done));
            if (row.State is BadgeBuildState.Done or BadgeBuildState.Failed) done.TrySetResult();
        }))
        {
            Assert.Null(await builds.QueueAsync(TestActors.Admin, s.EventId, new BadgeFilter(State: RegistrationState.Cancelled), BadgePaper.A4, "zh-CN"));
            id = await builds.QueueAsync(TestActors.Admin, s.EventId, new BadgeFilter(), BadgePaper.A4, "zh-CN");
            Assert.NotNull(id);
            // The hosted worker runs it; running the queue here as well is safe (a build is claimed once).
            await App.Get<BadgeBuildWorker>().RunNextAsync(CancellationToken.None);
            await using (var db = App.CreateDbContext())
            {
                if (await db.BadgeBuilds.AnyAsync(b => b.Id == id && b.State == BadgeBuildState.Done)) done.TrySetResult();
            }
            await done.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }

        var view = (await builds.ListAsync(TestActors.Admin, s.EventId)).Single(b => b.Id == id);
        Assert.Equal(BadgeBuildState.Done, view.State);
        Assert.Equal((5, 5, 100), (view.Done, view.Total, view.Percent));
        Assert.Equal(2, view.PageCount);
        Assert.Contains(seen, x => x.State == BadgeBuildState.Done && x.Done == 5);
        var file = (await builds.OpenAsync(TestActors.Admin, s.EventId, id!.Value))!.Value;
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        await file.Content.DisposeAsync();
        var pdf = copy.ToArray();
        PdfQuality.AssertSound(pdf);
        Assert.Equal(2, PdfQuality.PageCount(pdf));
        PdfQuality.AssertContainsText(pdf, "陈贵宾", "李学生", "王代表", "赵报告", "钱演讲", "贵宾", "学生代表");
        Assert.Null(await builds.OpenAsync(TestActors.Admin, s.EventId + 100000, id.Value));
    }

    [Fact]
    public async Task A_badge_build_left_running_by_a_stopped_process_is_queued_again_and_finishes()
    {
        var s = await EventAsync();
        var done = await LeftRunningBuilds.QueuedAgainAndFinishedAsync(App, App.Get<BadgeBuildWorker>(), db => db.BadgeBuilds, (claim, attempts) => new BadgeBuild
        {
            EventId = s.EventId, Paper = nameof(BadgePaper.A4), Culture = "zh-CN", RegistrationIds = $"{s.Guest},{s.Student}", Total = 2, Done = 1,
            State = BadgeBuildState.Running, ClaimExpiresAt = claim, Attempts = attempts, RequestedByUserId = "test", CreatedAt = DateTimeOffset.UtcNow,
        }, BadgeBuild.MaxAttempts, DateTimeOffset.UtcNow.AddMinutes(-5), (BadgeBuildState.Running, BadgeBuildState.Done, BadgeBuildState.Failed));
        Assert.Equal((2, 1), (done.Done, done.PageCount ?? 0));
    }

    [Fact]
    public async Task A_certificate_build_left_running_by_a_stopped_process_is_queued_again_and_finishes()
    {
        var s = await EventAsync();
        var certificates = App.Get<CertificateService>();
        var ids = await certificates.IssueAllAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, new CandidateQuery(0, 1), "zh-CN");
        Assert.Equal(5, ids.Count);
        var done = await LeftRunningBuilds.QueuedAgainAndFinishedAsync(App, App.Get<CertificateBuildWorker>(), db => db.CertificateBuilds, (claim, attempts) => new CertificateBuild
        {
            EventId = s.EventId, Kind = CertificateKind.Attendance, Format = CertificateBuildFormat.Combined, CertificateIds = string.Join(',', ids),
            Total = ids.Count, Done = 2, State = CertificateBuildState.Running, ClaimExpiresAt = claim, Attempts = attempts, RequestedByUserId = "test", CreatedAt = DateTimeOffset.UtcNow,
        }, CertificateBuild.MaxAttempts, null, (CertificateBuildState.Running, CertificateBuildState.Done, CertificateBuildState.Failed));
        Assert.Equal(5, done.Done);
        var file = (await App.Get<CertificateBuilds>().OpenAsync(TestActors.Admin, s.EventId, done.Id))!.Value;
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        await file.Content.DisposeAsync();
        Assert.Equal(5, PdfQuality.PageCount(copy.ToArray()));
    }

    /// <summary>The colour of page's top band, 4 mm down its middle (the page rendered at 72 dpi in RGB), as #RRGGBB.</summary>
    private static string BandColour(byte[] pdf, int page)
    {
        var dir = Path.Combine(Path.GetTempPath(), "badge-band-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "badges.pdf");
            File.WriteAllBytes(file, pdf);
            var start = new ProcessStartInfo("pdftoppm", ["-r", "72", "-f", $"{page}", "-l", $"{page}", file, Path.Combine(dir, "p")]) { RedirectStandardError = true };
            using (var process = Process.Start(start)!)
            {
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, "pdftoppm: " + process.StandardError.ReadToEnd());
            }
            var data = File.ReadAllBytes(Directory.GetFiles(dir, "p*.ppm").Single());
            var at = 0;
            string Next()
            {
                while (char.IsWhiteSpace((char)data[at])) at++;
                var begin = at;
                while (!char.IsWhiteSpace((char)data[at])) at++;
                return System.Text.Encoding.ASCII.GetString(data, begin, at - begin);
            }
            Assert.Equal("P6", Next());
            var width = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
            _ = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("255", Next());
            at++;
            var (x, y) = (width / 2, (int)(4 / 25.4 * 72));
            var pixel = at + (y * width + x) * 3;
            return $"#{data[pixel]:X2}{data[pixel + 1]:X2}{data[pixel + 2]:X2}";
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Colours equal within a few steps per channel (rendering may round).</summary>
    private sealed class ColourComparer : IEqualityComparer<string>
    {
        public static readonly ColourComparer Instance = new();

        public bool Equals(string? a, string? b) => a is not null && b is not null &&
            Enumerable.Range(0, 3).All(i => Math.Abs(Channel(a, i) - Channel(b, i)) <= 6);

        public int GetHashCode(string obj) => 0;

        private static int Channel(string hex, int i) => Convert.ToInt32(hex.Substring(1 + i * 2, 2), 16);
    }
}
