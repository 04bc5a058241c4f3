using Events.Core.Attendees;
using Events.Infrastructure.Data;
using Events.Infrastructure.OnSite;
using Events.IntegrationTests.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.E2E;

[Collection(BrowserCollection.Name)]
public sealed class CertificateJourneyTests(BrowserApp app)
{
    /// <summary>
    /// An organizer uploads the seal, writes the attendance certificate's wording, issues it to a registrant and downloads
    /// the PDF (the name in its text, its QR decoding to the verification URL); anyone opening that URL sees it valid, and
    /// after the organizer revokes it, sees it revoked.
    /// </summary>
    [Fact]
    public async Task An_organizer_issues_a_certificate_that_anyone_can_verify_until_it_is_revoked()
    {
        var eventId = await EventAsync();
        var seal = Path.Combine(Path.GetTempPath(), $"seal-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(seal, QrImages.Png("印章", 8));
        try
        {
            var page = await app.NewPageAsync();
            await page.SetViewportSizeAsync(1366, 900);
            await page.SignInAsOrganizerAsync($"/manage/events/{eventId}/certificates/templates");
            await page.WaitForInteractiveAsync();

            // The letterhead and the seal.
            await page.Field("certificate-organization").FillAsync("四川省科学技术协会");
            await page.GetByTestId("certificate-design-save").ClickAsync();
            await page.Locator("input[type=file][data-testid=certificate-seal-upload], [data-testid=certificate-seal-upload] input[type=file]").First.SetInputFilesAsync(seal);
            await Assertions.Expect(page.GetByTestId("certificate-seal-state")).ToContainTextAsync("已上传");

            // The attendance certificate's own wording (Chinese is the page's first choice).
            await page.Field("template-title").FillAsync("参会证明");
            await page.Locator("[data-testid=template-body] textarea, textarea[data-testid=template-body]").First.FillAsync("兹证明{姓名}（{单位}）参加了{会议名称}。\n\n特此证明。");
            await page.Field("template-signature").FillAsync("大会组织委员会");
            await page.GetByTestId("template-save").ClickAsync();
            await Assertions.Expect(page.GetByText("已保存。").First).ToBeVisibleAsync();

            // Issued to the registrant from the certificates page.
            await page.GotoAsync($"/manage/events/{eventId}/certificates");
            await page.WaitForInteractiveAsync();
            var row = page.GetByTestId("certificate-table").Locator("tr", new() { HasText = "证书甲" });
            await row.GetByTestId("certificate-issue").ClickAsync();
            await Assertions.Expect(row.GetByTestId("certificate-code")).ToBeVisibleAsync();
            var shortCode = (await row.GetByTestId("certificate-code").InnerTextAsync()).Trim();

            // The PDF: the name as text and a QR that decodes to the verification URL.
            var href = await row.GetByTestId("certificate-pdf").GetAttributeAsync("href");
            var response = await page.APIRequest.GetAsync(href!);
            Assert.True(response.Ok, $"{href}: {response.Status}");
            Assert.Equal("application/pdf", response.Headers["content-type"]);
            var pdf = await response.BodyAsync();
            Assert.Contains("证书甲", PdfQuality.CompactText(pdf));
            Assert.Contains(shortCode, PdfQuality.CompactText(pdf));
            var url = Assert.Single(PdfQrCodes.Decode(pdf, 1));
            var path = new Uri(url).AbsolutePath;
            Assert.StartsWith("/verify/", path, StringComparison.Ordinal);

            // Anyone, signed in or not, sees it valid.
            var visitor = await app.NewPageAsync();
            await visitor.GotoAsync(path);
            await Assertions.Expect(visitor.GetByTestId("verify-valid")).ToBeVisibleAsync();
            await Assertions.Expect(visitor.GetByTestId("verify-name")).ToHaveTextAsync("证书甲");

            // Revoked by the organizer: the same URL now says so.
            await row.GetByTestId("certificate-revoke").ClickAsync();
            await page.GetByTestId("certificate-confirm-yes").ClickAsync();
            await Assertions.Expect(row.Locator(".mud-chip", new() { HasText = "已撤销" })).ToBeVisibleAsync();
            await visitor.GotoAsync(path);
            await Assertions.Expect(visitor.GetByTestId("verify-revoked")).ToBeVisibleAsync();
            await Assertions.Expect(visitor.GetByTestId("verify-valid")).ToHaveCountAsync(0);
            await visitor.Context.CloseAsync();
            await page.Context.CloseAsync();
        }
        finally
        {
            File.Delete(seal);
        }
    }

    /// <summary>An event of its own, staffed by the organizer, with one registrant.</summary>
    private async Task<int> EventAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        int eventId;
        await using (var setup = app.Services.CreateAsyncScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<EventsDbContext>();
            var ev = new Core.Events.Event
            {
                Slug = $"cert-{tag}", Title = "证书演练会", StartDate = new DateOnly(2027, 5, 10), EndDate = new DateOnly(2027, 5, 10),
                Status = Core.Events.EventStatus.Published,
            };
            db.Events.Add(ev);
            await db.SaveChangesAsync();
            eventId = ev.Id;
            var organizer = await db.Users.Where(u => u.Email == BrowserApp.OrganizerEmail).Select(u => u.Id).SingleAsync();
            db.EventStaff.Add(new Core.Events.EventStaff { EventId = eventId, UserId = organizer });
            await db.SaveChangesAsync();
        }
        var user = await app.CreateUserAsync($"cert-{tag}@e2e.local", "Cert#2026e2e", "证书甲");
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        context.Registrations.Add(new Registration
        {
            EventId = eventId, UserId = user, Name = "证书甲", Organization = "西南交通大学", Title = "副教授",
            Email = $"cert-{tag}@e2e.local", RegisteredAt = DateTimeOffset.UtcNow,
        });
        await context.SaveChangesAsync();
        return eventId;
    }
}
