using Events.Core.Common;
using Events.Infrastructure.Events;
using Events.Infrastructure.Organizations;
using Events.Infrastructure.People;
using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests;

public sealed class SearchTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    [Fact]
    public async Task Searching_organizations_for_a_Chinese_substring_finds_the_full_name()
    {
        _ = app.Server;
        var page = await app.Get<OrganizationService>().SearchAsync(new PageRequest(0, 20, "成都"));
        Assert.Contains(page.Items, o => o.Name == "成都市科学技术发展战略研究院");
        Assert.All(page.Items, o => Assert.Contains("成都", o.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organizations_sort_by_pinyin_not_by_code_point()
    {
        _ = app.Server;
        var names = (await app.Get<OrganizationService>().SearchAsync(new PageRequest(0, 100))).Items.Select(o => o.Name).ToList();
        // 成 (cheng) < 四 (si) < 中 (zhong) in pinyin; by UTF-16 code point 中 (U+4E2D) would come first.
        var cheng = names.FindIndex(n => n.StartsWith('成'));
        var si = names.FindIndex(n => n.StartsWith('四'));
        var zhong = names.FindIndex(n => n.StartsWith('中'));
        Assert.True(cheng >= 0 && si >= 0 && zhong >= 0);
        Assert.True(cheng < si && si < zhong, string.Join(" | ", names));
    }

    [Fact]
    public async Task People_search_matches_the_organization_in_their_positions_and_pages_on_the_server()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var found = await people.SearchAsync(new PageRequest(0, 20, "西南交通大学"));
        Assert.Equal("陈光", Assert.Single(found.Items).Name);

        var firstPage = await people.SearchAsync(new PageRequest(0, 5));
        var secondPage = await people.SearchAsync(new PageRequest(1, 5));
        Assert.Equal(5, firstPage.Items.Count);
        Assert.True(firstPage.Total >= 17);
        Assert.Empty(firstPage.Items.Select(p => p.Id).Intersect(secondPage.Items.Select(p => p.Id)));
    }

    [Fact]
    public async Task Public_event_list_shows_top_level_published_events_only()
    {
        _ = app.Server;
        var page = await app.Get<EventQueries>().SearchPublicAsync(new PageRequest(0, 50));
        Assert.Contains(page.Items, e => e.Slug == "regional-innovation-symposium-7");
        Assert.Contains(page.Items, e => e.Slug == "pujiang-forum-2024" && e.SubForumCount == 1);
        Assert.DoesNotContain(page.Items, e => e.Slug == "pujiang-forum-2024-regional");
    }
}
