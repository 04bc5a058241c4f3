using Events.Core.Attendees;
using Events.Core.OnSite;
using Events.Infrastructure.Data;
using Events.Infrastructure.OnSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed class CheckInJourneyTests(BrowserApp app)
{
    /// <summary>
    /// At the door on a phone: a badge image decoded by jsQR checks a person in, a second scan says when and by whom,
    /// a scan made offline waits on the device and counts once when the connection is back, and a reprinted badge's old QR is refused.
    /// </summary>
    [Fact]
    public async Task Staff_scan_a_badge_image_scan_it_again_scan_offline_and_meet_a_reprinted_badge()
    {
        var (eventId, first, second) = await EventWithTwoAsync();
        var badges = app.Services.GetRequiredService<BadgeService>();
        var secondBadge = badges.Badge(second, "", "", "", BadgeBand.Delegate, 0);
        var admin = Core.Access.Actor.User("e2e", [Core.Access.Roles.Administrator]);
        // The organizer's note for the door, and the event's logo on the badge.
        await app.Services.GetRequiredService<Infrastructure.Attendees.RegistrationService>().SaveDoorNoteAsync(admin, eventId, first, null, "贵宾，引至前排");
        Assert.Equal(Infrastructure.Files.ImageProblem.None, await badges.UploadLogoAsync(admin, eventId, new MemoryStream(Logo())));
        var image = await PrintedBadgeImageAsync(admin, eventId, first);
        try
        {
            var page = await app.NewPageAsync();
            await page.SetViewportSizeAsync(390, 844);
            await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/badges");
            await page.GotoAsync($"/manage/events/{eventId}/checkin");
            var result = page.GetByTestId("checkin-result");

            // A photo of the badge: decoded in the page by jsQR, checked in by the server.
            await page.GetByTestId("checkin-image").SetInputFilesAsync(image);
            await Assertions.Expect(result).ToHaveAttributeAsync("data-outcome", "CheckedIn");
            await Assertions.Expect(result).ToContainTextAsync("签到成功");
            await Assertions.Expect(result).ToContainTextAsync("门口甲");
            await Assertions.Expect(result.Locator(".checkin-door")).ToHaveTextAsync("备注：贵宾，引至前排");

            // The same badge again: already in, with the time and who let them in; nothing counted twice.
            await page.GetByTestId("checkin-image").SetInputFilesAsync(image);
            await Assertions.Expect(result).ToHaveAttributeAsync("data-outcome", "AlreadyCheckedIn");
            await Assertions.Expect(result).ToContainTextAsync("已签到");
            await Assertions.Expect(result).ToContainTextAsync("E2E 组织者");

            // Offline: a scanner types the short code; the scan waits on the device and is sent when the connection returns.
            await page.Context.SetOfflineAsync(true);
            await page.GetByTestId("checkin-code").FillAsync(secondBadge.ShortCode);
            await page.GetByTestId("checkin-code").PressAsync("Enter");
            await Assertions.Expect(result).ToHaveAttributeAsync("data-outcome", "Queued");
            await Assertions.Expect(page.GetByTestId("checkin-pending")).ToContainTextAsync("1");
            await page.Context.SetOfflineAsync(false);
            await Assertions.Expect(page.GetByTestId("checkin-pending")).ToBeHiddenAsync();
            await Assertions.Expect(result).ToHaveAttributeAsync("data-outcome", "CheckedIn");
            await Assertions.Expect(result).ToContainTextAsync("门口乙");

            // The first badge is reported lost and reprinted: its old QR no longer lets anyone in.
            await badges.ReprintAsync(admin, eventId, first);
            await page.GetByTestId("checkin-image").SetInputFilesAsync(image);
            await Assertions.Expect(result).ToHaveAttributeAsync("data-outcome", "Superseded");

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            Assert.Equal(2, await db.CheckIns.CountAsync(c => c.RegistrationId == first || c.RegistrationId == second));
        }
        finally
        {
            File.Delete(image);
        }
    }

    /// <summary>
    /// A picture of the printed badge, as a phone photographs it: the badge (on 90×120 mm stock, one badge a page, with
    /// the logo, name, bands and QR) printed to PDF and rasterized at 150 dpi by pdftoppm.
    /// </summary>
    private async Task<string> PrintedBadgeImageAsync(Core.Access.Actor actor, int eventId, int registrationId)
    {
        var sheet = (await app.Services.GetRequiredService<BadgeService>().OneAsync(actor, eventId, registrationId, BadgePaper.Stock90x120))!;
        Assert.NotNull(sheet.Logo);
        var pdf = await Web.Endpoints.OnSiteEndpoints.BadgePdfAsync(app.Services.GetRequiredService<Web.Components.Documents.DocumentPdf>(), sheet, CancellationToken.None);
        var stem = Path.Combine(Path.GetTempPath(), $"badge-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(stem + ".pdf", pdf);
        try
        {
            using var raster = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftoppm", ["-png", "-r", "150", "-singlefile", stem + ".pdf", stem])
            {
                RedirectStandardError = true,
            })!;
            await raster.WaitForExitAsync();
            Assert.True(raster.ExitCode == 0, await raster.StandardError.ReadToEndAsync());
        }
        finally
        {
            File.Delete(stem + ".pdf");
        }
        return stem + ".png";
    }

    /// <summary>A small logo: a blue disc on white.</summary>
    private static byte[] Logo()
    {
        using var bitmap = new SkiaSharp.SKBitmap(120, 120);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            using var paint = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0x1E, 0x5A, 0xA8), IsAntialias = true };
            canvas.DrawCircle(60, 60, 50, paint);
        }
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>An event of its own (so the symposium's counts stay as other journeys expect), staffed by the organizer, with two registrations.</summary>
    private async Task<(int EventId, int First, int Second)> EventWithTwoAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var ids = new List<int>();
        int eventId;
        await using (var setup = app.Services.CreateAsyncScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<EventsDbContext>();
            var ev = new Core.Events.Event
            {
                Slug = $"door-{tag}", Title = "签到演练会", StartDate = new DateOnly(2027, 5, 10), EndDate = new DateOnly(2027, 5, 10),
                Status = Core.Events.EventStatus.Published,
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            eventId = ev.Id;
            var organizer = await db.Users.Where(u => u.Email == BrowserApp.OrganizerEmail).Select(u => u.Id).SingleAsync();
            db.EventStaff.Add(new Core.Events.EventStaff { EventId = eventId, UserId = organizer });
            await db.SaveChangesAsync();
        }
        foreach (var name in new[] { "门口甲", "门口乙" })
        {
            var user = await app.CreateUserAsync($"door-{tag}-{ids.Count}@e2e.local", "Door#2026e2e", name);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            var registration = new Registration
            {
                EventId = eventId, UserId = user, Name = name, Organization = "上海市科学学研究所", Title = "助理研究员",
                Email = $"door-{tag}-{ids.Count}@e2e.local", RegisteredAt = DateTimeOffset.UtcNow,
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            ids.Add(registration.Id);
        }
        return (eventId, ids[0], ids[1]);
    }
}
