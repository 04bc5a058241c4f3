using System.Net;
using System.Text.RegularExpressions;
using Events.Infrastructure.Events;
using Events.Infrastructure.Program;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.PublicPages;

/// <summary>
/// The public pages as a reader gets them, in both languages: Chinese text is followed by full-width punctuation
/// (the markup glues no "主题: " or "冲突 (0)" together), English counts agree with their nouns, and English readers
/// see stored English titles and names.
/// </summary>
public sealed partial class PageWordingTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private const string Symposium = "regional-innovation-symposium-7";
    private const string Forum = "pujiang-forum-2024";
    private const string English = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    [Fact]
    public async Task Paper_bylines_in_English_show_the_stored_English_name_with_the_Chinese_one_beside_it()
    {
        var data = await Proceedings.VolumeTestData.CreateAsync(app);
        var paper = data.Accepted[0]; // 王小明, 李华
        await using (var db = app.CreateDbContext())
        {
            // 王小明 gave the address a person in the people list has (in other letter case); 李华 is in no list.
            await db.Authors.Where(a => a.SubmissionId == paper.SubmissionId && a.Name == "王小明")
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Email, "wang.xm@byline.test"));
            db.People.Add(new Core.People.Person { Name = "王小明", NameEn = "Wang Xiaoming", Email = "Wang.XM@byline.test" });
            await db.SaveChangesAsync();
        }

        async Task<string[]> BylineAsync(string culture)
        {
            var before = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            try
            {
                await using var db = app.CreateDbContext();
                var entries = await global::Events.Infrastructure.Proceedings.VolumeContents.LoadAsync(db, data.EventId, CancellationToken.None);
                var volume = entries.Single(e => e.Paper.SubmissionId == paper.SubmissionId).Paper.Authors.Select(a => a.Name).ToArray();
                // The author's own paper page shows the same names.
                var own = await app.Get<global::Events.Infrastructure.Papers.SubmissionService>().GetForAuthorAsync(paper.SubmissionId, "tests");
                Assert.Equal(volume, own!.Authors.Select(a => a.Name).ToArray());
                return volume;
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = before;
            }
        }

        Assert.Equal(["Wang Xiaoming (王小明)", "李华"], await BylineAsync("en"));
        Assert.Equal(["王小明", "李华"], await BylineAsync("zh-CN"));
    }

    [Fact]
    public async Task Chinese_public_pages_put_no_half_width_colon_or_bracket_after_Chinese_text()
    {
        await using var db = app.CreateDbContext();
        var person = await db.People.Where(p => p.Name == "穆荣平").Select(p => p.Id).SingleAsync();
        var symposiumId = await db.Events.Where(e => e.Slug == Symposium).Select(e => e.Id).SingleAsync();
        var session = await db.Sessions.Where(s => s.EventId == symposiumId).OrderBy(s => s.Start).Select(s => s.Id).FirstAsync();
        string[] pages =
        [
            "/events", $"/events/{Symposium}", $"/events/{Symposium}/program", $"/events/{Symposium}/speakers",
            $"/events/{Symposium}/sessions/{session}", $"/events/{Forum}", $"/events/{Forum}/program", "/bulletins", $"/people/{person}",
        ];

        var problems = new List<string>();
        foreach (var page in pages)
        {
            var text = VisibleText(await GetHtmlAsync(page));
            Assert.Matches(Cjk(), text); // the page did render in Chinese
            problems.AddRange(HalfWidthAfterCjk().Matches(text).Select(m => $"{page}: …{Around(text, m.Index)}…"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_Chinese_event_list_and_page_label_with_full_width_colons()
    {
        var list = VisibleText(await GetHtmlAsync("/events"));
        Assert.Contains("主题：区域创新", list, StringComparison.Ordinal);

        var page = VisibleText(await GetHtmlAsync($"/events/{Symposium}"));
        Assert.Contains("预计参会人数：150", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_counts_agree_with_their_nouns()
    {
        var list = VisibleText(await GetHtmlAsync("/events", English));

        Assert.Contains("1 sub-forum", list, StringComparison.Ordinal);
        Assert.DoesNotContain("1 sub-forums", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_readers_see_stored_English_names_beside_the_Chinese_ones_on_the_program()
    {
        var program = VisibleText(await GetHtmlAsync($"/events/{Symposium}/program", English));

        Assert.Contains("Chair: Wang Jianping (王建平)", program, StringComparison.Ordinal);
        Assert.Contains("Mu Rongping (穆荣平)", program, StringComparison.Ordinal);

        var chinese = VisibleText(await GetHtmlAsync($"/events/{Symposium}/program"));
        Assert.Contains("主持：王建平", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("Wang Jianping", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_titles_of_an_event_and_a_session_show_in_English_and_in_the_English_exports_only()
    {
        await using (var db = app.CreateDbContext())
        {
            var eventId = await db.Events.Where(e => e.Slug == Forum).Select(e => e.Id).SingleAsync();
            var editor = app.Get<EventEditor>();
            var input = (await editor.LoadAsync(eventId))!;
            input.TitleEn = "2024 Pujiang Innovation Forum";
            Assert.Equal(global::Events.Core.Common.SaveOutcome.Saved, (await editor.SaveAsync(TestActors.Admin, input)).Outcome);

            var subForums = await db.Events.Where(e => e.ParentEventId == eventId).Select(e => e.Id).ToListAsync();
            var session = await db.Sessions.Where(s => subForums.Contains(s.EventId)).OrderBy(s => s.Start).FirstAsync();
            session.TitleEn = "Guest talks I: positioning science and innovation centres";
            await db.SaveChangesAsync();
            var published = await app.Get<ProgramPublisher>().PublishAsync(TestActors.Admin, eventId, null, acknowledgeConflicts: true);
            Assert.Equal(PublishOutcome.Published, published.Outcome);
        }

        var englishPage = VisibleText(await GetHtmlAsync($"/events/{Forum}", English));
        Assert.Contains("2024 Pujiang Innovation Forum", englishPage, StringComparison.Ordinal);
        var englishProgram = VisibleText(await GetHtmlAsync($"/events/{Forum}/program", English));
        Assert.Contains("Guest talks I: positioning science and innovation centres", englishProgram, StringComparison.Ordinal);
        var englishIcs = await GetHtmlAsync($"/events/{Forum}/schedule.ics?lang=en");
        Assert.Contains("SUMMARY:Guest talks I: positioning science and innovation centres", englishIcs, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:2024 Pujiang Innovation Forum", englishIcs, StringComparison.Ordinal);

        var chineseProgram = VisibleText(await GetHtmlAsync($"/events/{Forum}/program"));
        Assert.DoesNotContain("Guest talks I", chineseProgram, StringComparison.Ordinal);
        Assert.Contains("2024浦江创新论坛", chineseProgram, StringComparison.Ordinal);
        var chineseIcs = await GetHtmlAsync($"/events/{Forum}/schedule.ics");
        Assert.DoesNotContain("Guest talks I", chineseIcs, StringComparison.Ordinal);
    }

    private async Task<string> GetHtmlAsync(string url, string? cookie = null)
    {
        var client = app.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The text a reader sees: no scripts, styles or attributes, entities decoded, whitespace collapsed.</summary>
    private static string VisibleText(string html)
    {
        var noCode = ScriptOrStyle().Replace(html, " ");
        var text = WebUtility.HtmlDecode(Tag().Replace(noCode, ""));
        return Whitespace().Replace(text, " ");
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 20), Math.Min(40, text.Length - Math.Max(0, index - 20)));

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    /// <summary>A Chinese character or Chinese punctuation, an optional space, then a half-width : ( ) , ; ? or !.</summary>
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}] ?[:(),;?!]")]
    private static partial Regex HalfWidthAfterCjk();
}
