using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Events.E2E;

/// <summary>
/// The main public, attendee and organizer pages, in Chinese and English, on a phone (390×844) and a laptop (1366×900):
/// nothing wider than the screen, every app-bar item on one line inside the screen (or in the opened menu), no two
/// visible pieces of text drawn over each other. A page where a check fails is kept as a screenshot under TestResults/layout
/// in the test output folder (every page with E2E_LAYOUT_SHOTS=1).
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class LayoutTests(BrowserApp app, ITestOutputHelper output)
{
    public static readonly (int Width, int Height) Phone = (390, 844);
    public static readonly (int Width, int Height) Laptop = (1366, 900);

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "layout");

    /// <summary>
    /// A page is shot when a check fails on it; E2E_LAYOUT_SHOTS=1 shoots every page for a walk through the screenshots.
    /// (Full-page shots of every page at both widths took a large share of the suite's time.)
    /// </summary>
    private static bool KeepEveryScreenshot => Environment.GetEnvironmentVariable("E2E_LAYOUT_SHOTS") == "1";

    [Fact]
    public async Task Main_pages_fit_a_phone_and_a_laptop_in_both_languages_without_overflow_or_overlapping_text()
    {
        var roles = await CrawlScenario.ForAsync(app);
        var anonymous = roles.Single(r => r.Email is null);
        var attendee = roles.Single(r => r.Name == "attendee");
        var organizer = roles.Single(r => r.Name == "organizer");
        Directory.CreateDirectory(ScreenshotFolder);

        var walks = new List<(CrawlRole Role, string? DisplayName, string[] Templates)>
        {
            (anonymous, null,
            [
                "/events", "/events/{slug}", "/events/{slug}/program", "/events/{slug}/speakers", "/events/{slug}/sessions/{sessionId}",
                "/events/{slug}/call", "/bulletins", "/account/login",
            ]),
            (attendee, "巡检参会者", ["/events/{slug}/me", "/events/{slug}/program", "/account/registrations", "/papers"]),
            (organizer, "E2E 组织者",
            [
                "/manage/events", "/manage/events/{eventId}/edit", "/manage/events/{eventId}/program", "/manage/events/{eventId}/decisions",
                "/manage/events/{eventId}/registrations", "/manage/events/{eventId}/outbox", "/manage/people", "/manage/bulletins",
                "/manage/bulletins/series/{seriesId}/new-issue", "/manage/bulletins/series/{seriesId}/edit",
            ]),
        };

        var problems = new ConcurrentQueue<string>();
        var mark = app.ServerErrors.Count;
        // Three browser contexts at a time: all six at once time out on a busy two-core machine.
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(walks.SelectMany(w => new[] { "zh-CN", "en" }.Select(async culture =>
        {
            await gate.WaitAsync();
            try { await WalkAsync(w.Role, w.DisplayName, culture, w.Templates, problems); }
            finally { gate.Release(); }
        })));

        foreach (var p in problems) output.WriteLine(p);
        var errors = app.ServerErrors.Since(mark);
        Assert.True(problems.IsEmpty && errors.Count == 0, string.Join(Environment.NewLine, problems.Concat(errors.Select(e => e.ToString()))));
    }

    private async Task WalkAsync(CrawlRole role, string? displayName, string culture, string[] templates, ConcurrentQueue<string> problems)
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = culture, ViewportSize = new ViewportSize { Width = Phone.Width, Height = Phone.Height },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        if (role.Email is not null) await page.SignInAsync(role.Email, role.Password!, "/papers");
        // The language cookie the switch sets, without storing the choice on the shared account.
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.BaseUrl }]);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var shooting = TimeSpan.Zero;
        var first = true;
        foreach (var template in templates)
        {
            role.Parameters.TryFill(template, out var url, out _);
            var response = await page.GotoAsync(url);
            if (response is null || !response.Ok)
            {
                problems.Enqueue($"{role.Name} {culture} {url}: HTTP {response?.Status}");
                continue;
            }
            if ((await response.TextAsync()).Contains(CrawlTests.InteractiveMarker, StringComparison.Ordinal)) await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);

            foreach (var (width, height) in new[] { Phone, Laptop })
            {
                await page.SetViewportSizeAsync(width, height);
                var where = $"{role.Name} {culture} {width}px {url}";
                var name = $"{role.Name}-{culture}-{width}-{Slug(template)}";
                var found = await MeasureAsync(page);
                foreach (var p in found) problems.Enqueue($"{where}: {p}");
                if (found.Count > 0 || KeepEveryScreenshot)
                {
                    var shot = System.Diagnostics.Stopwatch.StartNew();
                    // JPEG: a full-page PNG of a long page takes Chromium several times as long to encode.
                    await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".jpg"), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 70 });
                    shooting += shot.Elapsed;
                }
                // The menu once per walk and width: it opens without a circuit, holds the account, and closes again.
                if (first) await CheckMenuAsync(page, displayName, where, name, problems);
            }
            first = false;
        }
        if (role.Name == "organizer") await CheckDatePickerAsync(page, role, culture, problems);

        // Following a link from the menu lands on the page with the menu closed, with or without a circuit.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.GetByTestId("app-menu").ClickAsync();
        // The organizer goes from one live page to another inside the circuit; the others load a static page.
        var target = role.Name == "organizer" ? "/manage/events" : "/events";
        await page.Locator($"[data-testid=app-menu-drawer] a[href='{target}']").ClickAsync();
        await page.WaitForURLAsync("**" + target);
        await Assertions.Expect(page.GetByTestId("app-menu-drawer")).ToBeHiddenAsync();

        output.WriteLine($"{role.Name} {culture}: {templates.Length} pages in {clock.Elapsed.TotalSeconds:F0} s, screenshots {shooting.TotalSeconds:F0} s");
    }

    private static async Task CheckMenuAsync(IPage page, string? displayName, string where, string name, ConcurrentQueue<string> problems)
    {
        var button = page.GetByTestId("app-menu");
        if (!await button.IsVisibleAsync())
        {
            // The wide bar: the account is shown by its display name, not the email address.
            if (displayName is not null && (await page.GetByTestId("profile-link").InnerTextAsync()).Trim() != displayName)
                problems.Enqueue($"{where}: the app bar does not show the display name {displayName}");
            return;
        }
        await button.ClickAsync();
        var drawer = page.GetByTestId("app-menu-drawer");
        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + "-menu.jpg"), Type = ScreenshotType.Jpeg, Quality = 70 });
        var outside = await drawer.EvaluateAsync<int>(
            "d => [...d.querySelectorAll('a, button')].filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth + 0.5; }).length");
        if (outside > 0) problems.Enqueue($"{where}: {outside} menu items lie outside the screen");
        if (displayName is not null)
        {
            if ((await drawer.GetByTestId("menu-profile-link").InnerTextAsync()).Trim() != displayName)
                problems.Enqueue($"{where}: the menu does not show the display name {displayName}");
            if (!await drawer.GetByTestId("menu-logout").IsVisibleAsync()) problems.Enqueue($"{where}: the menu offers no way to sign out");
        }
        // A tap on the shade beside the drawer closes it.
        var size = page.ViewportSize!;
        await page.Mouse.ClickAsync(size.Width - 10, size.Height / 2);
        await Assertions.Expect(drawer).ToBeHiddenAsync();
    }

    /// <summary>The open calendar names the day as the language writes it (2023-07-29 was a Saturday).</summary>
    private static async Task CheckDatePickerAsync(IPage page, CrawlRole role, string culture, ConcurrentQueue<string> problems)
    {
        role.Parameters.TryFill("/manage/events/{eventId}/edit", out var url, out _);
        await page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await page.GotoInteractiveAsync(url);
        await page.GetByRole(AriaRole.Button, new() { Name = culture == "en" ? "Pick a date" : "选择日期" }).First.ClickAsync();
        var calendar = page.Locator(".mud-popover-open .mud-picker-toolbar").First;
        await calendar.WaitForAsync();
        var expected = culture == "en" ? "Sat, 29 Jul" : "7月29日 周六";
        var header = await calendar.InnerTextAsync();
        if (!header.Contains(expected, StringComparison.Ordinal)) problems.Enqueue($"{culture} date picker header reads \"{header}\", not {expected}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"organizer-{culture}-date-picker.jpg"), Type = ScreenshotType.Jpeg, Quality = 70 });
        await page.GotoInteractiveAsync("/manage/people");
    }

    /// <summary>What is wrong with the page as laid out now, in words.</summary>
    public static async Task<IReadOnlyList<string>> MeasureAsync(IPage page)
    {
        // Playwright gives an evaluation no timeout of its own; a page that never answers must fail the walk, not hang the run.
        var json = await page.EvaluateAsync<string>(MeasureScript).WaitAsync(TimeSpan.FromSeconds(60));
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    private static string Slug(string template) =>
        template.Trim('/').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace('/', '_') is { Length: > 0 } s ? s : "root";

    /// <summary>
    /// Overflow, the app bar, and overlapping text. Text is measured per line of each text node (a Range's client rects),
    /// cut to the boxes of the ancestors that clip it; two lines overlap when they share more than a sliver both ways
    /// (line boxes of one paragraph may touch, so a third of the lower height is allowed).
    /// </summary>
    private const string MeasureScript = """
        () => {
          const problems = [];
          const width = window.innerWidth;
          const doc = document.documentElement;
          if (doc.scrollWidth > width + 1) problems.push(`the page is ${doc.scrollWidth}px wide on a ${width}px screen`);

          const bar = document.querySelector('.mud-appbar');
          if (bar) {
            if (bar.getBoundingClientRect().height > 64) problems.push(`the app bar wraps to ${Math.round(bar.getBoundingClientRect().height)}px`);
            for (const item of bar.querySelectorAll('a, button, summary')) {
              if (item.closest('.app-menu-drawer') || !item.checkVisibility()) continue;
              const r = item.getBoundingClientRect();
              const label = (item.innerText || item.getAttribute('aria-label') || '').trim();
              if (r.left < -0.5 || r.right > width + 0.5) problems.push(`app-bar item "${label}" lies outside the screen (${Math.round(r.left)}–${Math.round(r.right)})`);
              if (r.height > 44) problems.push(`app-bar item "${label}" wraps (${Math.round(r.height)}px high)`);
            }
          }

          const clips = new Map();
          const clipOf = el => {
            if (!el || el === document.body || el === doc) return { left: -1e9, top: -1e9, right: 1e9, bottom: 1e9 };
            if (clips.has(el)) return clips.get(el);
            const parent = clipOf(el.parentElement);
            const s = getComputedStyle(el);
            let c = parent;
            if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
              const r = el.getBoundingClientRect();
              c = { left: Math.max(parent.left, r.left), top: Math.max(parent.top, r.top), right: Math.min(parent.right, r.right), bottom: Math.min(parent.bottom, r.bottom) };
            }
            clips.set(el, c);
            return c;
          };

          const boxes = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent.trim();
            if (!text) continue;
            const el = n.parentElement;
            if (!el || el.closest('script, style, noscript, template, #blazor-error-ui')) continue;
            if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
            const clip = clipOf(el);
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) {
              const b = { left: Math.max(r.left, clip.left), right: Math.min(r.right, clip.right), top: Math.max(r.top, clip.top), bottom: Math.min(r.bottom, clip.bottom), node: n, text };
              if (b.right - b.left >= 2 && b.bottom - b.top >= 4) boxes.push(b);
            }
          }
          const reported = new Set();
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i], b = boxes[j];
              if (a.node === b.node) continue;
              const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (x > 2 && y > Math.min(a.bottom - a.top, b.bottom - b.top) / 3) {
                const key = `"${a.text.slice(0, 30)}" overlaps "${b.text.slice(0, 30)}"`;
                if (!reported.has(key)) { reported.add(key); problems.push(`${key} at ${Math.round(Math.max(a.left, b.left))},${Math.round(Math.max(a.top, b.top))}`); }
              }
            }
          }
          return JSON.stringify(problems.slice(0, 20));
        }
        """;
}
