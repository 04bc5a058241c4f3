using System.Net;
using System.Runtime.InteropServices;
using Events.Infrastructure.Pdf;
using Events.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Pdf;

/// <summary>
/// A newcomer's machine without Chromium, in Production: the app runs, /healthz says the PDF engine is degraded, and a PDF
/// link answers with a page in the user's language saying how to install a browser, not a server error.
/// </summary>
public sealed class NoBrowserTests(NoBrowserTests.NoBrowserApp app) : IClassFixture<NoBrowserTests.NoBrowserApp>
{
    public sealed class NoBrowserApp : EventsAppFactory
    {
        private readonly string emptyMachine = Directory.CreateTempSubdirectory("events-no-browser-").FullName;

        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddSingleton(new BrowserSearch(OSPlatform.Linux, _ => null, emptyMachine)));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Directory.Exists(emptyMachine)) Directory.Delete(emptyMachine, recursive: true);
        }

        public HttpClient Https() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
    }

    [Fact]
    public async Task Healthz_reports_the_pdf_engine_as_degraded_while_the_database_answers()
    {
        var response = await app.Https().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pdf_link_answers_with_a_page_in_Chinese_saying_how_to_install_a_browser()
    {
        var id = await PublishedBulletinAsync();

        var response = await app.Https().GetAsync($"/bulletins/{id}.pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("暂时无法生成 PDF", html, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", html, StringComparison.Ordinal);
        Assert.Contains("Pdf__BrowserPath", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_in_English_for_a_user_who_chose_English()
    {
        var id = await PublishedBulletinAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/bulletins/{id}.pdf");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var response = await app.Https().SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("PDFs cannot be made yet", html, StringComparison.Ordinal);
        Assert.Contains("install Google Chrome or Microsoft Edge", html, StringComparison.Ordinal);
    }

    private async Task<int> PublishedBulletinAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Bulletins.Where(b => b.Status == Events.Core.Bulletins.BulletinStatus.Published && b.PdfFile == null).Select(b => b.Id).FirstAsync();
    }
}
