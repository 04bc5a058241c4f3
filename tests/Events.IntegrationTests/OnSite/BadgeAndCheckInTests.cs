using System.Diagnostics;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.OnSite;
using Events.Infrastructure.Files;
using Events.Infrastructure.OnSite;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;
using Events.Web.Endpoints;
using Microsoft.EntityFrameworkCore;
using ZXing;
using ZXing.Common;

namespace Events.IntegrationTests.OnSite;

/// <summary>
/// Badges printed to PDF (sound fonts, exact text, a QR that decodes from the rendered page to the badge's signed URL),
/// reprints that withdraw the old QR, and check-in that counts each person once however often and however concurrently scanned.
/// </summary>
[Collection(PdfCollection.Name)]
public sealed class BadgeAndCheckInTests(PdfAppFixture f)
{
    private EventsAppFactory App => f.App;
    private BadgeService Badges => App.Get<BadgeService>();
    private CheckInService CheckIns => App.Get<CheckInService>();

    /// <summary>A fresh event with its own registrations (names chosen per test), so tests do not see each other's check-ins.</summary>
    private async Task<(int EventId, int[] Registrations)> EventWithAsync(params string[] names)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = App.CreateDbContext();
        var ev = new Core.Events.Event
        {
            Slug = $"onsite-{tag}", Title = "第八届区域创新研讨会", StartDate = new DateOnly(2027, 5, 10), EndDate = new DateOnly(2027, 5, 11),
            Status = Core.Events.EventStatus.Published,
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync();
        var ids = new List<int>();
        for (var i = 0; i < names.Length; i++)
        {
            var user = await TestUsers.CreateAsync(App, $"onsite-{tag}-{i}@test.local", [Roles.Attendee]);
            var registration = new Registration
            {
                EventId = ev.Id, UserId = user.Id, Name = names[i], Organization = "四川省科学技术发展战略研究院", Title = "研究员",
                Email = $"onsite-{tag}-{i}@example.cn", Phone = $"1380013{i:D4}", RegisteredAt = DateTimeOffset.UtcNow,
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            ids.Add(registration.Id);
        }
        return (ev.Id, ids.ToArray());
    }

    private async Task<byte[]> PdfAsync(BadgeSheet sheet) => await OnSiteEndpoints.BadgePdfAsync(App.Get<DocumentPdf>(), sheet, CancellationToken.None);

    [Fact]
    public async Task A4_badges_are_sound_PDFs_with_exact_names_and_QRs_that_decode_to_each_badge_URL()
    {
        var (eventId, _) = await EventWithAsync("欧阳明月", "王冰", "李四", "Zhang San", "赵钱孙");
        var sheet = (await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!;
        Assert.Equal(5, sheet.Badges.Count);

        var pdf = await PdfAsync(sheet);

        PdfQuality.AssertSound(pdf);
        Assert.Equal(2, PdfQuality.PageCount(pdf));
        PdfQuality.AssertContainsText(pdf, "欧阳明月", "王冰", "Zhang San", "四川省科学技术发展战略研究院", "研究员", "参会代表", "第八届区域创新研讨会");
        foreach (var badge in sheet.Badges) PdfQuality.AssertContainsText(pdf, badge.ShortCode);

        var decoded = Enumerable.Range(1, 2).SelectMany(page => DecodeQrs(pdf, page)).ToHashSet();
        Assert.Equal(sheet.Badges.Select(b => b.QrUrl).ToHashSet(), decoded);
        Assert.All(decoded, url => Assert.Matches(@"^https?://[^/]+/b/[A-Za-z0-9_-]{20,40}$", url));
    }

    [Fact]
    public async Task A_badge_on_stock_is_one_90_by_120_mm_page_and_a_reprint_refuses_the_old_QR()
    {
        var (eventId, regs) = await EventWithAsync("张伟");
        var before = (await Badges.OneAsync(TestActors.Admin, eventId, regs[0], BadgePaper.Stock90x120))!.Badges.Single();

        Assert.Equal(1, await Badges.ReprintAsync(TestActors.Admin, eventId, regs[0]));
        var after = (await Badges.OneAsync(TestActors.Admin, eventId, regs[0], BadgePaper.Stock90x120))!;
        var pdf = await PdfAsync(after);

        PdfQuality.AssertSound(pdf);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var page = document.GetPage(1);
            Assert.Equal(1, document.NumberOfPages);
            Assert.Equal(90 / 25.4 * 72, page.Width, 0);
            Assert.Equal(120 / 25.4 * 72, page.Height, 0);
        }
        var url = Assert.Single(DecodeQrs(pdf, 1));
        Assert.Equal(after.Badges[0].QrUrl, url);
        Assert.NotEqual(before.QrUrl, url);

        var old = await CheckIns.ScanAsync(TestActors.Admin, eventId, before.QrUrl, null, CheckInMethod.Camera);
        Assert.Equal(CheckInOutcome.Superseded, old.Outcome);
        Assert.Equal(CheckInOutcome.Superseded, (await CheckIns.ScanAsync(TestActors.Admin, eventId, before.ShortCode, null, CheckInMethod.Scanner)).Outcome);
        Assert.Equal(CheckInOutcome.CheckedIn, (await CheckIns.ScanAsync(TestActors.Admin, eventId, url, null, CheckInMethod.Camera)).Outcome);
    }

    /// <summary>Images drawn on each page of the PDF (PdfPig lists one per image XObject drawn).</summary>
    private static int[] ImagesPerPage(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.GetImages().Count()).ToArray();
    }

    /// <summary>The crop marks on a page: thin black filled rectangles 4 mm long (horizontal ones first), read from the PDF's vector paths.</summary>
    private static (List<UglyToad.PdfPig.Core.PdfRectangle> Horizontal, List<UglyToad.PdfPig.Core.PdfRectangle> Vertical) CropMarks(UglyToad.PdfPig.Content.Page page)
    {
        const double mm = 72 / 25.4;
        var (horizontal, vertical) = (new List<UglyToad.PdfPig.Core.PdfRectangle>(), new List<UglyToad.PdfPig.Core.PdfRectangle>());
        foreach (var path in page.Paths.Where(p => p.IsFilled))
        {
            var (r, g, b) = path.FillColor?.ToRGBValues() ?? (0, 0, 0);
            if (r + g + b > 0.1) continue;
            foreach (var sub in path)
            {
                if (sub.GetBoundingRectangle() is not { } box) continue;
                var (w, h) = (box.Width, box.Height);
                if (Math.Abs(w - 4 * mm) < 0.5 * mm && h < 0.5 * mm) horizontal.Add(box);
                else if (Math.Abs(h - 4 * mm) < 0.5 * mm && w < 0.5 * mm) vertical.Add(box);
            }
        }
        return (horizontal, vertical);
    }

    [Fact]
    public async Task A_badge_with_name_unit_and_title_at_their_longest_prints_them_whole_above_its_QR_on_one_page()
    {
        // The longest values the registration form allows (name 100, unit 200, title 200 characters), in Chinese and English:
        // the QR, its code and the foot band stay on the badge, the words above the QR.
        var (eventId, regs) = await EventWithAsync("欧阳明月");
        var name = Longest("欧阳明月 Maria-José O'Brien ", 100);
        var unit = Longest("四川省科学技术发展战略研究院川西分院", 200);
        var title = Longest("博士生导师、教授授", 200);
        await using (var db = App.CreateDbContext())
            await db.Registrations.Where(r => r.Id == regs[0]).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, name).SetProperty(r => r.Organization, unit).SetProperty(r => r.Title, title));
        var sheet = (await Badges.OneAsync(TestActors.Admin, eventId, regs[0], BadgePaper.Stock90x120))!;

        var pdf = await PdfAsync(sheet);

        PdfQuality.AssertSound(pdf);
        Assert.Equal(sheet.Badges[0].QrUrl, Assert.Single(DecodeQrs(pdf, 1)));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        var text = PdfQuality.Compact(page.Text);
        Assert.Contains(PdfQuality.Compact(sheet.Badges[0].ShortCode), text, StringComparison.Ordinal);
        Assert.Contains("参会代表", text, StringComparison.Ordinal);
        // Under the words: the QR (30 mm), its code and the foot band (11 mm), at least 45 mm from the badge's foot; over
        // them the top band (20 mm). Every character of the name, unit and title lies between.
        static double Mm(double mm) => mm / 25.4 * 72;
        var words = page.Letters.Where(l => "欧阳明月四川省略西分院博士生导师授".Contains(l.Value, StringComparison.Ordinal)).ToList();
        Assert.True(words.Count >= 100, $"only {words.Count} characters of the name, unit and title were printed");
        Assert.All(words, l => Assert.InRange(l.BoundingBox.Bottom, Mm(44), page.Height - Mm(20)));
    }

    /// <summary>The text repeated up to <paramref name="length"/> UTF-16 units, never ending in half an emoji.</summary>
    private static string Longest(string text, int length)
    {
        var s = string.Concat(Enumerable.Repeat(text, length / text.Length + 1))[..length];
        return char.IsHighSurrogate(s[^1]) ? s[..^1] + "人" : s;
    }

    [Fact]
    public async Task A4_badges_have_crop_marks_at_each_badges_corners_and_pre_cut_stock_has_none()
    {
        var (eventId, _) = await EventWithAsync("甲一", "乙二", "丙三", "丁四", "戊五");
        var a4 = await PdfAsync((await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!);
        var stock = await PdfAsync((await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.Stock90x120))!);
        const double mm = 72 / 25.4;

        using (var document = UglyToad.PdfPig.PdfDocument.Open(a4))
        {
            // Two marks at each of a badge's four corners: 4 badges on the first sheet, 1 on the second.
            foreach (var (number, badges) in new[] { (1, 4), (2, 1) })
            {
                var (horizontal, vertical) = CropMarks(document.GetPage(number));
                Assert.Equal(4 * badges, horizontal.Count);
                Assert.Equal(4 * badges, vertical.Count);
                // Each horizontal mark lines up with a badge edge that a vertical mark also marks: they meet (1 mm apart) at a corner.
                Assert.All(horizontal, h => Assert.Contains(vertical, v =>
                    Math.Abs(Math.Min(Math.Abs(v.Left - h.Right), Math.Abs(h.Left - v.Right)) - 1 * mm) < 0.5 * mm
                    && Math.Abs(Math.Min(Math.Abs(h.Bottom - v.Top), Math.Abs(v.Bottom - h.Top)) - 1 * mm) < 0.5 * mm));
            }
        }
        using (var document = UglyToad.PdfPig.PdfDocument.Open(stock))
        {
            Assert.All(document.GetPages(), page => Assert.Equal(0, CropMarks(page).Horizontal.Count + CropMarks(page).Vertical.Count));
        }
    }

    [Fact]
    public async Task The_events_logo_prints_on_every_badge_on_both_papers_and_without_one_the_badge_has_no_image()
    {
        var (eventId, _) = await EventWithAsync("欧阳明月", "王冰", "李四", "赵钱孙", "钱五");
        Assert.False(await Badges.HasLogoAsync(TestActors.Admin, eventId));
        var plain = await PdfAsync((await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!);
        Assert.Equal(new[] { 0, 0 }, ImagesPerPage(plain));
        PdfQuality.AssertContainsText(plain, "第八届区域创新研讨会");

        Assert.Equal(ImageProblem.None, await Badges.UploadLogoAsync(TestActors.Admin, eventId, new MemoryStream(TestImages.Png(300, 120))));
        Assert.True(await Badges.HasLogoAsync(TestActors.Admin, eventId));
        var a4Sheet = (await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!;
        Assert.StartsWith("data:image/png;base64,", a4Sheet.Logo);
        var a4 = await PdfAsync(a4Sheet);
        PdfQuality.AssertSound(a4);
        Assert.Equal(new[] { 4, 1 }, ImagesPerPage(a4));
        var stock = await PdfAsync((await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.Stock90x120))!);
        Assert.Equal(new[] { 1, 1, 1, 1, 1 }, ImagesPerPage(stock));

        // A large JPEG replaces it, scaled down to 600 px on its long side; removing it brings the first-character mark back.
        Assert.Equal(ImageProblem.None, await Badges.UploadLogoAsync(TestActors.Admin, eventId, new MemoryStream(TestImages.Jpeg(1800, 900))));
        var jpeg = (await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!.Logo!;
        Assert.StartsWith("data:image/jpeg;base64,", jpeg);
        using (var stored = SkiaSharp.SKBitmap.Decode(Convert.FromBase64String(jpeg[(jpeg.IndexOf(',') + 1)..])))
        {
            Assert.Equal((EventLogos.MaxSide, EventLogos.MaxSide / 2), (stored.Width, stored.Height));
        }
        await Badges.RemoveLogoAsync(TestActors.Admin, eventId);
        var removed = (await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.Stock90x120))!;
        Assert.Null(removed.Logo);
        Assert.Equal(new[] { 0, 0, 0, 0, 0 }, ImagesPerPage(await PdfAsync(removed)));
    }

    [Fact]
    public async Task A_logo_that_is_not_a_PNG_or_JPEG_is_refused_with_a_message_and_nothing_is_kept()
    {
        var (eventId, _) = await EventWithAsync("张伟");
        // A PNG's signature in front of anything else fails when it is decoded.
        byte[] broken = [.. TestImages.Png(40, 40).AsSpan(0, 16), .. "garbage"u8];
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var problems = new[]
        {
            await Badges.UploadLogoAsync(TestActors.Admin, eventId, new MemoryStream(svg)),
            await Badges.UploadLogoAsync(TestActors.Admin, eventId, new MemoryStream("%PDF-1.7 not a logo"u8.ToArray())),
            await Badges.UploadLogoAsync(TestActors.Admin, eventId, new MemoryStream(broken)),
            await Badges.UploadLogoAsync(TestActors.Admin, eventId, new MemoryStream(new byte[EventLogos.MaxBytes + 1])),
            await Badges.UploadLogoAsync(TestActors.Admin, eventId, new MemoryStream()),
        };
        Assert.Equal(new[] { ImageProblem.NotAnImage, ImageProblem.NotAnImage, ImageProblem.NotAnImage, ImageProblem.TooLarge, ImageProblem.Empty }, problems);
        Assert.False(await Badges.HasLogoAsync(TestActors.Admin, eventId));
        Assert.Null((await Badges.SheetAsync(TestActors.Admin, eventId, new BadgeFilter(), BadgePaper.A4))!.Logo);
        // The page says what is wrong, in both languages.
        Assert.Equal("只接受 PNG 或 JPEG 图片。", Message("zh-CN", $"Certificates.Image.{problems[0]}"));
        Assert.Equal("Only PNG or JPEG images are accepted.", Message("en", $"Certificates.Image.{problems[0]}"));
    }

    private string Message(string culture, string key)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            var text = App.Get<Microsoft.Extensions.Localization.IStringLocalizer<Web.Localization.SharedResource>>()[key];
            Assert.False(text.ResourceNotFound, key);
            return text.Value;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task The_registrants_page_shows_a_check_in_code_the_door_accepts_and_a_reprint_replaces_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var user = await TestUsers.CreateAsync(App, $"confirm-{tag}@test.local", [Roles.Attendee]);
        int eventId, registrationId;
        await using (var db = App.CreateDbContext())
        {
            var ev = new Core.Events.Event { Slug = $"confirm-{tag}", Title = "第九届区域创新研讨会", StartDate = new DateOnly(2027, 6, 1), EndDate = new DateOnly(2027, 6, 2), Status = Core.Events.EventStatus.Published };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            var registration = new Registration { EventId = ev.Id, UserId = user.Id, Name = "孙确认", Organization = "成都理工大学", Title = "讲师", Email = $"confirm-{tag}@example.cn", RegisteredAt = DateTimeOffset.UtcNow };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            (eventId, registrationId) = (ev.Id, registration.Id);
        }
        var code = Badges.Badge(registrationId, "", "", "", BadgeBand.Delegate, 0).ShortCode;

        using var page = await App.CreateRawClient().SendAsync(user.Get($"/events/confirm-{tag}/me"));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"my-checkin-code\"", html, StringComparison.Ordinal);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        // A reprinted badge replaces the code on the page too: the one shown before is refused at the door.
        await Badges.ReprintAsync(TestActors.Admin, eventId, registrationId);
        Assert.Equal(CheckInOutcome.Superseded, (await CheckIns.ScanAsync(TestActors.Admin, eventId, code, null, CheckInMethod.Scanner)).Outcome);
        using var again = await App.CreateRawClient().SendAsync(user.Get($"/events/confirm-{tag}/me"));
        var fresh = Badges.Badge(registrationId, "", "", "", BadgeBand.Delegate, 1).ShortCode;
        Assert.Contains(fresh, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CheckInOutcome.CheckedIn, (await CheckIns.ScanAsync(TestActors.Admin, eventId, fresh, null, CheckInMethod.Scanner)).Outcome);
    }

    [Fact]
    public async Task An_offline_scan_is_recorded_when_the_device_made_it_unless_that_time_is_in_the_future_or_too_old()
    {
        var (eventId, regs) = await EventWithAsync("离线一", "离线二", "离线三");
        var urls = regs.Select(id => Badges.Badge(id, "", "", "", BadgeBand.Delegate, 0).QrUrl).ToArray();
        var now = DateTimeOffset.UtcNow;

        await CheckIns.ScanAsync(TestActors.Admin, eventId, urls[0], "offline-1-" + Guid.NewGuid(), CheckInMethod.Camera, scannedAt: now.AddHours(-2));
        await CheckIns.ScanAsync(TestActors.Admin, eventId, urls[1], "offline-2-" + Guid.NewGuid(), CheckInMethod.Camera, scannedAt: now.AddHours(3));
        await CheckIns.ScanAsync(TestActors.Admin, eventId, urls[2], "offline-3-" + Guid.NewGuid(), CheckInMethod.Camera, scannedAt: now.AddDays(-3));

        await using var db = App.CreateDbContext();
        var at = await db.CheckIns.Where(c => c.EventId == eventId).ToDictionaryAsync(c => c.RegistrationId, c => c.CheckedInAt);
        Assert.True((at[regs[0]] - now.AddHours(-2)).Duration() < TimeSpan.FromSeconds(1), $"{at[regs[0]]:O}");
        // A device clock ahead of the server's, or older than the offline window: the server's time.
        Assert.True((at[regs[1]] - now).Duration() < TimeSpan.FromMinutes(1), $"{at[regs[1]]:O}");
        Assert.True((at[regs[2]] - now).Duration() < TimeSpan.FromMinutes(1), $"{at[regs[2]]:O}");
    }

    [Fact]
    public async Task A_second_scan_says_when_and_by_whom_and_counts_nothing_twice()
    {
        var (eventId, regs) = await EventWithAsync("陈静", "刘洋");
        var badge = Badges.Badge(regs[0], "陈静", "", "", BadgeBand.Delegate, 0);
        var staff = TestActors.AdminAs("door-1");

        var first = await CheckIns.ScanAsync(staff, eventId, badge.QrUrl, "scan-a", CheckInMethod.Camera);
        var second = await CheckIns.ScanAsync(TestActors.AdminAs("door-2"), eventId, badge.ShortCode.ToLowerInvariant(), "scan-b", CheckInMethod.Scanner);
        var replay = await CheckIns.ScanAsync(staff, eventId, badge.QrUrl, "scan-a", CheckInMethod.Camera);

        Assert.Equal(CheckInOutcome.CheckedIn, first.Outcome);
        Assert.Equal("陈静", first.Person!.Name);
        Assert.Equal("138****0000", first.Person.MaskedPhone);
        Assert.Equal(TimeSpan.FromHours(8), first.At!.Value.Offset); // the event's time zone, Asia/Shanghai
        Assert.Equal(CheckInOutcome.AlreadyCheckedIn, second.Outcome);
        Assert.True((first.At - second.At)!.Value.Duration() < TimeSpan.FromMilliseconds(1), $"{first.At:O} vs {second.At:O}"); // SQLite keeps 0.1 ms
        Assert.Equal("door-1", second.ByName);
        Assert.Equal(CheckInOutcome.CheckedIn, replay.Outcome); // the same offline scan sent again: its own answer, no second row
        await using var db = App.CreateDbContext();
        Assert.Equal(1, await db.CheckIns.CountAsync(c => c.EventId == eventId));
        var counts = await CheckIns.CountsAsync(TestActors.Admin, eventId);
        Assert.Equal(new CheckInCount(BadgeBand.Delegate, 1, 2), Assert.Single(counts));
    }

    [Fact]
    public async Task Twenty_doors_scanning_the_same_people_at_once_count_each_person_once()
    {
        var names = Enumerable.Range(0, 6).Select(i => $"并发{i}").ToArray();
        var (eventId, regs) = await EventWithAsync(names);
        var urls = regs.Select(id => Badges.Badge(id, "", "", "", BadgeBand.Delegate, 0).QrUrl).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(door => urls.Select(url =>
            Task.Run(() => CheckIns.ScanAsync(TestActors.AdminAs($"door-{door}"), eventId, url, $"{door}-{url[^8..]}", CheckInMethod.Camera)))));

        Assert.Equal(regs.Length, results.Count(r => r.Outcome == CheckInOutcome.CheckedIn));
        Assert.Equal(20 * regs.Length - regs.Length, results.Count(r => r.Outcome == CheckInOutcome.AlreadyCheckedIn));
        await using var db = App.CreateDbContext();
        Assert.Equal(regs.Length, await db.CheckIns.CountAsync(c => c.EventId == eventId));
    }

    [Fact]
    public async Task Forged_edited_foreign_and_cancelled_badges_let_nobody_in()
    {
        var (eventId, regs) = await EventWithAsync("周敏", "吴刚");
        var (otherEvent, otherRegs) = await EventWithAsync("郑洁");
        var genuine = Badges.Badge(regs[0], "", "", "", BadgeBand.Delegate, 0);
        var edited = genuine.QrUrl[..^3] + (genuine.QrUrl[^3] == 'A' ? "B" : "A") + genuine.QrUrl[^2..];
        var foreign = Badges.Badge(otherRegs[0], "", "", "", BadgeBand.Delegate, 0);
        var certificate = App.Get<Core.Security.ISignedCodes>().Token(new(Core.Security.SignedCodePurposes.Certificate, regs[0], 0));
        await using (var db = App.CreateDbContext())
        {
            await db.Registrations.Where(r => r.Id == regs[1]).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RegistrationState.Cancelled));
        }

        Assert.Equal(CheckInOutcome.Invalid, (await CheckIns.ScanAsync(TestActors.Admin, eventId, edited, null, CheckInMethod.Camera)).Outcome);
        Assert.Equal(CheckInOutcome.Invalid, (await CheckIns.ScanAsync(TestActors.Admin, eventId, foreign.QrUrl, null, CheckInMethod.Camera)).Outcome);
        Assert.Equal(CheckInOutcome.Invalid, (await CheckIns.ScanAsync(TestActors.Admin, eventId, certificate, null, CheckInMethod.Camera)).Outcome);
        Assert.Equal(CheckInOutcome.Invalid, (await CheckIns.ScanAsync(TestActors.Admin, eventId, $"/b/{regs[0]}", null, CheckInMethod.Camera)).Outcome);
        var cancelled = Badges.Badge(regs[1], "", "", "", BadgeBand.Delegate, 0);
        Assert.Equal(CheckInOutcome.Cancelled, (await CheckIns.ScanAsync(TestActors.Admin, eventId, cancelled.QrUrl, null, CheckInMethod.Camera)).Outcome);
        await using var check = App.CreateDbContext();
        Assert.False(await check.CheckIns.AnyAsync(c => c.EventId == eventId));
        Assert.Empty(await CheckIns.SearchAsync(TestActors.Admin, otherEvent, "周敏"));
    }

    [Fact]
    public async Task Search_finds_by_name_or_mobile_and_shows_who_is_in()
    {
        var (eventId, regs) = await EventWithAsync("孙丽", "孙强", "钱多");
        await CheckIns.CheckInAsync(TestActors.Admin, eventId, regs[0], "search-1");

        var byName = await CheckIns.SearchAsync(TestActors.Admin, eventId, "孙");
        var byMobile = await CheckIns.SearchAsync(TestActors.Admin, eventId, "00130002");

        Assert.Equal(["孙丽", "孙强"], byName.Select(h => h.Person.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.NotNull(byName.Single(h => h.Person.Name == "孙丽").CheckedInAt);
        Assert.Null(byName.Single(h => h.Person.Name == "孙强").CheckedInAt);
        Assert.Equal("钱多", Assert.Single(byMobile).Person.Name);
        Assert.Equal("138****0002", byMobile[0].Person.MaskedPhone);
    }

    [Fact]
    public async Task After_a_handover_the_previous_persons_badge_and_code_let_nobody_in_and_the_colleagues_new_one_does()
    {
        // 换人: the place is the colleague's now; the badge printed (or the code shown on My event) for the one who handed
        // it over must not check anyone in as the colleague.
        var (eventId, regs) = await EventWithAsync("王冰");
        var before = (await Badges.OneAsync(TestActors.Admin, eventId, regs[0], BadgePaper.A4))!.Badges.Single();
        string owner;
        await using (var db = App.CreateDbContext()) owner = await db.Registrations.Where(r => r.Id == regs[0]).Select(r => r.UserId).SingleAsync();

        var handover = await App.Get<global::Events.Infrastructure.Attendees.RegistrationService>().HandOverAsync(regs[0], owner,
            new HandoverInput { Name = "赵六", Email = $"zhaoliu-{Guid.NewGuid():N}@example.cn" });
        Assert.Equal(global::Events.Infrastructure.Attendees.ChangeOutcome.Done, handover.Outcome);

        Assert.Equal(CheckInOutcome.Superseded, (await CheckIns.ScanAsync(TestActors.Admin, eventId, before.QrUrl, null, CheckInMethod.Camera)).Outcome);
        Assert.Equal(CheckInOutcome.Superseded, (await CheckIns.ScanAsync(TestActors.Admin, eventId, before.ShortCode, null, CheckInMethod.Scanner)).Outcome);
        var after = (await Badges.OneAsync(TestActors.Admin, eventId, regs[0], BadgePaper.A4))!.Badges.Single();
        Assert.Equal("赵六", after.Name);
        var scan = await CheckIns.ScanAsync(TestActors.Admin, eventId, after.QrUrl, null, CheckInMethod.Camera);
        Assert.Equal((CheckInOutcome.CheckedIn, "赵六"), (scan.Outcome, scan.Person!.Name));
    }

    [Fact]
    public async Task Door_staff_without_the_personal_data_right_find_by_the_whole_mobile_or_its_last_four_digits_never_by_the_masked_ones()
    {
        // The card shows 138****0002: were any run of digits searchable, a few searches would read the masked ones back.
        var (eventId, _) = await EventWithAsync("孙丽", "孙强", "钱多");
        var user = await TestUsers.CreateAsync(App, $"door-{Guid.NewGuid():N}@test.local", [Roles.Attendee]);
        await using (var db = App.CreateDbContext())
        {
            db.EventStaff.Add(new Core.Events.EventStaff { EventId = eventId, UserId = user.Id, SeesPersonalData = false });
            await db.SaveChangesAsync();
        }
        var door = new Actor(user.Id, IsAdministrator: false, IsOrganizer: false);

        Assert.Empty(await CheckIns.SearchAsync(door, eventId, "00130002"));
        Assert.Empty(await CheckIns.SearchAsync(door, eventId, "80013"));
        Assert.Empty(await CheckIns.SearchAsync(door, eventId, "1380013"));
        Assert.Equal("钱多", Assert.Single(await CheckIns.SearchAsync(door, eventId, "0002")).Person.Name);
        Assert.Equal("钱多", Assert.Single(await CheckIns.SearchAsync(door, eventId, "13800130002")).Person.Name);
        Assert.Equal("138****0002", Assert.Single(await CheckIns.SearchAsync(door, eventId, "13800130002")).Person.MaskedPhone);
        // The staff with the right (and administrators) still search any run of digits.
        Assert.Equal("钱多", Assert.Single(await CheckIns.SearchAsync(TestActors.Admin, eventId, "00130002")).Person.Name);
    }

    [Fact]
    public async Task The_sign_in_sheet_lists_active_registrations_in_the_delegate_lists_stroke_order_with_sound_fonts()
    {
        // Pinyin would read 黄河, 刘洋, 王五; by surname strokes (王 4, 刘 6, 黄 11) it is the other way round.
        var (eventId, regs) = await EventWithAsync("黄河", "王五", "刘洋", "退会者");
        await using (var db = App.CreateDbContext())
        {
            await db.Registrations.Where(r => r.Id == regs[3]).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RegistrationState.Cancelled));
        }
        var staff = await TestUsers.CreateAsync(App, $"sheet-{Guid.NewGuid():N}@test.local", [Roles.Administrator, Roles.Organizer]);

        using var response = await App.CreateRawClient().SendAsync(staff.Get(OnSiteEndpoints.SignInSheet(eventId)));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, "签到表", "序号", "签名");
        var text = PdfQuality.CompactText(pdf);
        var positions = new[] { "王五", "刘洋", "黄河" }.Select(n => text.IndexOf(n, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order().ToArray(), positions);
        Assert.DoesNotContain("退会者", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_in_on_one_device_reaches_the_counts_stream_of_another_within_a_second()
    {
        var (eventId, regs) = await EventWithAsync("周敏", "吴磊");
        var staff = await TestUsers.CreateAsync(App, $"door-{Guid.NewGuid():N}@test.local", [Roles.Administrator, Roles.Organizer]);
        using var request = staff.Get(OnSiteEndpoints.CheckInStream(eventId));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var client = App.CreateRawClient();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await NextCountsAsync(reader, TimeSpan.FromSeconds(10));
        Assert.Equal(0, first.GetProperty("checkedIn").GetInt32());
        Assert.Equal(2, first.GetProperty("registered").GetInt32());

        // The other device: a scan at the door. From its answer to the counts pushed here: within a second.
        var scan = await CheckIns.ScanAsync(TestActors.AdminAs("door-2"), eventId, Badges.Badge(regs[0], "", "", "", BadgeBand.Delegate, 0).QrUrl, null, CheckInMethod.Camera);
        Assert.Equal(CheckInOutcome.CheckedIn, scan.Outcome);
        var scanned = Stopwatch.StartNew();
        var pushed = await NextCountsAsync(reader, TimeSpan.FromSeconds(1));
        Assert.Equal(1, pushed.GetProperty("checkedIn").GetInt32());
        Assert.True(scanned.Elapsed < TimeSpan.FromSeconds(1), $"{scanned.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Without_an_event_source_the_stream_answers_the_counts_once_and_ends()
    {
        var (eventId, _) = await EventWithAsync("郑洁");
        var staff = await TestUsers.CreateAsync(App, $"door-{Guid.NewGuid():N}@test.local", [Roles.Administrator, Roles.Organizer]);
        using var response = await App.CreateRawClient().SendAsync(staff.Get(OnSiteEndpoints.CheckInStream(eventId)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(body, "^event: counts$", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Contains("\"registered\":1", body, StringComparison.Ordinal);
    }

    /// <summary>The first element of the next "counts" event's data, read within <paramref name="within"/>.</summary>
    private static async Task<System.Text.Json.JsonElement> NextCountsAsync(StreamReader reader, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var isCounts = false;
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the stream ended");
            if (line == "event: counts") isCounts = true;
            else if (isCounts && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return System.Text.Json.JsonDocument.Parse(line["data: ".Length..]).RootElement[0].Clone();
            }
        }
    }

    [Fact]
    public async Task The_scan_card_shows_the_category_the_diet_and_the_payment_state()
    {
        var (eventId, regs) = await EventWithAsync("冯雪", "褚云");
        await using (var db = App.CreateDbContext())
        {
            var category = new RegistrationCategory { EventId = eventId, Name = "特邀嘉宾", NameEn = "Invited guest", Fee = 800 };
            db.RegistrationCategories.Add(category);
            await db.SaveChangesAsync();
            await db.Registrations.Where(r => r.Id == regs[0]).ExecuteUpdateAsync(s => s.SetProperty(r => r.CategoryId, category.Id).SetProperty(r => r.FeeAmount, 800m));
            db.RegistrationAnswers.AddRange(
                new RegistrationAnswer { RegistrationId = regs[0], EventId = eventId, FieldKey = Core.Attendees.Forms.ReplyFieldKeys.Diet, Value = Core.Attendees.Forms.ReplyFieldKeys.DietOther },
                new RegistrationAnswer { RegistrationId = regs[0], EventId = eventId, FieldKey = Core.Attendees.Forms.ReplyFieldKeys.DietDetail, Value = "不吃辣" },
                new RegistrationAnswer { RegistrationId = regs[1], EventId = eventId, FieldKey = Core.Attendees.Forms.ReplyFieldKeys.Diet, Value = Core.Attendees.Forms.ReplyFieldKeys.DietNormal });
            db.FeeRecords.Add(new Core.Attendees.Fees.FeeRecord { RegistrationId = regs[1], EventId = eventId, State = Core.Attendees.Fees.PaymentState.Waived });
            await db.SaveChangesAsync();
        }

        var guest = await CheckIns.CheckInAsync(TestActors.Admin, eventId, regs[0], null);
        var other = await CheckIns.CheckInAsync(TestActors.Admin, eventId, regs[1], null);

        Assert.Equal(new CheckInNotes("特邀嘉宾", "Invited guest", Core.Attendees.Forms.ReplyFieldKeys.DietOther, "不吃辣", Core.Attendees.Fees.PaymentState.Unpaid), guest.Person!.Notes);
        Assert.Equal(new CheckInNotes(null, null, null, null, Core.Attendees.Fees.PaymentState.Waived), other.Person!.Notes);
        var l = App.Get<Microsoft.Extensions.Localization.IStringLocalizer<global::Events.Web.Localization.SharedResource>>();
        var card = System.Text.Json.JsonSerializer.SerializeToElement(OnSiteEndpoints.Answer(guest, l)).GetProperty("person");
        Assert.Equal("其他（不吃辣）", card.GetProperty("diet").GetString());
        Assert.Equal("未缴", card.GetProperty("paymentLabel").GetString());
        Assert.Equal("特邀嘉宾", card.GetProperty("category").GetString());
    }

    [Fact]
    public async Task Session_check_in_is_offered_and_accepted_only_for_the_sessions_the_organizer_chose()
    {
        var (eventId, regs) = await EventWithAsync("周晓", "吴敏");
        var (other, _) = await EventWithAsync();
        var ids = new List<int>();
        await using (var db = App.CreateDbContext())
        {
            foreach (var (ev, title, hour) in new[] { (eventId, "分论坛一：数字经济", 9), (eventId, "分论坛二：绿色低碳", 14), (other, "他会场次", 9) })
            {
                var session = new Core.Program.Session
                {
                    EventId = ev, Title = title, Start = new DateTimeOffset(2027, 5, 10, hour, 0, 0, TimeSpan.FromHours(8)), End = new DateTimeOffset(2027, 5, 10, hour + 3, 0, 0, TimeSpan.FromHours(8)),
                };
                db.Sessions.Add(session);
                await db.SaveChangesAsync();
                ids.Add(session.Id);
            }
        }
        var (chosen, unchosen, foreign) = (ids[0], ids[1], ids[2]);
        var badge = Badges.Badge(regs[0], "周晓", "", "", BadgeBand.Delegate, 0);

        // Nothing chosen: the desk offers no session, and a scan for one is refused with a sentence saying why.
        Assert.Empty(await CheckIns.SessionsAsync(eventId));
        var refused = await CheckIns.ScanAsync(TestActors.Admin, eventId, badge.QrUrl, "s-1", CheckInMethod.Camera, chosen);
        Assert.Equal(CheckInOutcome.NotACheckInSession, refused.Outcome);
        Assert.Equal("周晓", refused.Person!.Name);
        var answer = System.Text.Json.JsonSerializer.SerializeToElement(OnSiteEndpoints.Answer(refused, App.Get<Microsoft.Extensions.Localization.IStringLocalizer<Web.Localization.SharedResource>>()));
        Assert.Equal(Message("zh-CN", "CheckIn.NotACheckInSession"), answer.GetProperty("message").GetString());

        Assert.True(await CheckIns.SetSessionCheckInAsync(TestActors.Admin, eventId, chosen, true));
        Assert.False(await CheckIns.SetSessionCheckInAsync(TestActors.Admin, eventId, foreign, true));
        Assert.Equal(new[] { chosen }, (await CheckIns.SessionsAsync(eventId)).Select(s => s.Id).ToArray());
        var choices = await CheckIns.SessionChoicesAsync(TestActors.Admin, eventId);
        Assert.Equal(new[] { (chosen, true), (unchosen, false) }, choices.Select(c => (c.Id, c.TakesCheckIn)).ToArray());

        Assert.Equal(CheckInOutcome.CheckedIn, (await CheckIns.ScanAsync(TestActors.Admin, eventId, badge.QrUrl, "s-2", CheckInMethod.Camera, chosen)).Outcome);
        Assert.Equal(CheckInOutcome.NotACheckInSession, (await CheckIns.ScanAsync(TestActors.Admin, eventId, badge.QrUrl, "s-3", CheckInMethod.Camera, unchosen)).Outcome);
        Assert.Equal(CheckInOutcome.NotACheckInSession, (await CheckIns.CheckInAsync(TestActors.Admin, eventId, regs[1], "s-4", unchosen)).Outcome);
        Assert.Equal(CheckInOutcome.Invalid, (await CheckIns.ScanAsync(TestActors.Admin, eventId, badge.QrUrl, "s-5", CheckInMethod.Camera, foreign)).Outcome);

        // Turned off again, the session refuses further scans; the check-in already made stays.
        Assert.True(await CheckIns.SetSessionCheckInAsync(TestActors.Admin, eventId, chosen, false));
        Assert.Equal(CheckInOutcome.NotACheckInSession, (await CheckIns.CheckInAsync(TestActors.Admin, eventId, regs[1], "s-6", chosen)).Outcome);
        await using var check = App.CreateDbContext();
        Assert.Equal(1, await check.CheckIns.CountAsync(c => c.EventId == eventId && c.SessionId != Core.OnSite.CheckIn.Entrance));
    }

    [Fact]
    public async Task The_door_note_is_bounded_guarded_against_a_concurrent_edit_and_shown_on_the_scan_card()
    {
        var (eventId, regs) = await EventWithAsync("郑贵宾");
        var registrations = App.Get<global::Events.Infrastructure.Attendees.RegistrationService>();

        Assert.Equal(DoorNoteOutcome.TooLong, await registrations.SaveDoorNoteAsync(TestActors.Admin, eventId, regs[0], null, new string('长', RegistrationDoorNote.MaxLength + 1)));
        Assert.Equal(DoorNoteOutcome.Saved, await registrations.SaveDoorNoteAsync(TestActors.Admin, eventId, regs[0], null, "  贵宾，引至主席台；轮椅通道  "));
        // Another organizer's editor still holds the empty note: their save is refused and the first note stays.
        Assert.Equal(DoorNoteOutcome.Stale, await registrations.SaveDoorNoteAsync(TestActors.Admin, eventId, regs[0], null, "别的备注"));
        Assert.Equal(DoorNoteOutcome.NotFound, await registrations.SaveDoorNoteAsync(TestActors.Admin, eventId, regs[0] + 100_000, null, "x"));
        var list = await App.Get<global::Events.Infrastructure.Attendees.AttendeeList>().SearchAsync(eventId, new global::Events.Infrastructure.Attendees.AttendeeQuery(new Core.Common.PageRequest(0, 10, null)));
        Assert.Equal("贵宾，引至主席台；轮椅通道", list.Items.Single().DoorNote);

        var scan = await CheckIns.ScanAsync(TestActors.Admin, eventId, Badges.Badge(regs[0], "", "", "", BadgeBand.Delegate, 0).QrUrl, null, CheckInMethod.Camera);
        Assert.Equal("贵宾，引至主席台；轮椅通道", scan.Person!.Notes!.DoorNote);
        var answer = System.Text.Json.JsonSerializer.SerializeToElement(OnSiteEndpoints.Answer(scan, App.Get<Microsoft.Extensions.Localization.IStringLocalizer<Web.Localization.SharedResource>>()));
        Assert.Equal("贵宾，引至主席台；轮椅通道", answer.GetProperty("person").GetProperty("note").GetString());

        Assert.Equal(DoorNoteOutcome.Saved, await registrations.SaveDoorNoteAsync(TestActors.Admin, eventId, regs[0], "贵宾，引至主席台；轮椅通道", " "));
        Assert.Null((await CheckIns.ScanAsync(TestActors.Admin, eventId, Badges.Badge(regs[0], "", "", "", BadgeBand.Delegate, 0).QrUrl, null, CheckInMethod.Camera)).Person!.Notes!.DoorNote);
    }

    [Fact]
    public async Task The_export_names_a_session_check_in_by_the_session_title()
    {
        var (eventId, regs) = await EventWithAsync("蒋琳");
        int sessionId;
        await using (var db = App.CreateDbContext())
        {
            var session = new Core.Program.Session
            {
                EventId = eventId, Title = "分论坛一：数字经济", Start = new DateTimeOffset(2027, 5, 10, 14, 0, 0, TimeSpan.FromHours(8)), End = new DateTimeOffset(2027, 5, 10, 17, 0, 0, TimeSpan.FromHours(8)),
                TakesCheckIn = true,
            };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
        }
        await CheckIns.CheckInAsync(TestActors.Admin, eventId, regs[0], null);
        await CheckIns.CheckInAsync(TestActors.Admin, eventId, regs[0], null, sessionId);

        var rows = await CheckIns.ExportRowsAsync(TestActors.Admin, eventId);

        Assert.Equal(new string?[] { null, "分论坛一：数字经济" }, rows.Select(r => r.SessionTitle).ToArray());
    }

    /// <summary>Renders one page with pdftoppm (poppler-utils) at 200 dpi in grey and reads every QR code on it with ZXing.</summary>
    private static List<string> DecodeQrs(byte[] pdf, int page)
    {
        var dir = Path.Combine(Path.GetTempPath(), "badge-qr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "badges.pdf");
            File.WriteAllBytes(file, pdf);
            var start = new ProcessStartInfo("pdftoppm", ["-r", "200", "-gray", "-f", $"{page}", "-l", $"{page}", file, Path.Combine(dir, "p")])
            { RedirectStandardError = true };
            using (var process = Process.Start(start)!)
            {
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, "pdftoppm: " + process.StandardError.ReadToEnd());
            }
            var (width, height, pixels) = ReadPgm(File.ReadAllBytes(Directory.GetFiles(dir, "p*.pgm").Single()));
            var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
            var results = new ZXing.Multi.QrCode.QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)),
                new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
            return results?.Select(r => r.Text).ToList() ?? [];
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A binary PGM (P5, 8 bits): header "P5 width height 255" then one byte per pixel.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] data)
    {
        var at = 0;
        string Next()
        {
            while (char.IsWhiteSpace((char)data[at])) at++;
            var begin = at;
            while (!char.IsWhiteSpace((char)data[at])) at++;
            return System.Text.Encoding.ASCII.GetString(data, begin, at - begin);
        }
        Assert.Equal("P5", Next());
        var width = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Next());
        at++;
        return (width, height, data[at..(at + width * height)]);
    }
}
