using Bunit;
using Events.Core.Attendees;
using Events.Core.Events;
using Events.Infrastructure.Attendees;
using Events.Web.Components.Pages.Attendees;
using Events.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Web.Tests.Components.Attendees;

/// <summary>The 报名类别 page on the real category editor and a real SQLite database.</summary>
public class ManageCategoriesTests : ComponentTestBase
{
    private int SeedEvent(params string[] categories)
    {
        using var db = CreateDbContext();
        var ev = new Event { Slug = "category-test", Title = "类别测试会", StartDate = new DateOnly(2099, 5, 1), EndDate = new DateOnly(2099, 5, 2), TimeZoneId = "Asia/Shanghai" };
        db.Events.Add(ev);
        db.SaveChanges();
        for (var i = 0; i < categories.Length; i++)
        {
            db.RegistrationCategories.Add(new RegistrationCategory { EventId = ev.Id, Name = categories[i], SortOrder = i });
        }
        db.SaveChanges();
        return ev.Id;
    }

    private static List<string> Names(IRenderedComponent<ManageCategories> cut) =>
        cut.FindAll("[data-testid=category-row-name] > div > span").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public void A_new_category_with_an_early_bird_deadline_is_stored_in_the_event_zone_and_listed_with_it()
    {
        var eventId = SeedEvent();
        var cut = Render<ManageCategories>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=categories-none]"));

        cut.Find("[data-testid=category-add]").Click();
        cut.Find("input[data-testid=category-name], [data-testid=category-name] input").Change("正式代表");
        cut.Find("input[data-testid=category-capacity], [data-testid=category-capacity] input").Change("120");
        cut.Find("input[data-testid=category-fee], [data-testid=category-fee] input").Change("1200");
        cut.Find("input[data-testid=category-early-fee], [data-testid=category-early-fee] input").Change("900");
        cut.Find("input[data-testid=category-early-day], [data-testid=category-early-day] input").Change("2099-04-01");
        cut.Find("input[data-testid=category-early-time], [data-testid=category-early-time] input").Change("18:00");
        cut.Find("input[data-testid=category-approval], [data-testid=category-approval] input").Change(true);
        cut.Find("[data-testid=category-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["正式代表"], Names(cut)));
        Assert.Contains("早鸟 900 元，截至 2099-04-01 18:00", cut.Find("[data-testid=category-row-early]").TextContent);
        Assert.Contains("已占 0 / 120", cut.Find("[data-testid=category-row-seats]").TextContent);
        using var db = CreateDbContext();
        var stored = db.RegistrationCategories.AsNoTracking().Single(c => c.EventId == eventId);
        Assert.Equal(new DateTimeOffset(2099, 4, 1, 10, 0, 0, TimeSpan.Zero), stored.EarlyBirdUntil);
        Assert.True(stored.RequiresApproval);
        Assert.Equal(1200m, stored.Fee);
    }

    [Fact]
    public void An_early_bird_fee_above_the_fee_is_refused_in_words_and_nothing_is_saved()
    {
        var eventId = SeedEvent();
        var cut = Render<ManageCategories>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=category-add]"));

        cut.Find("[data-testid=category-add]").Click();
        cut.Find("input[data-testid=category-name], [data-testid=category-name] input").Change("学生");
        cut.Find("input[data-testid=category-fee], [data-testid=category-fee] input").Change("300");
        cut.Find("input[data-testid=category-early-fee], [data-testid=category-early-fee] input").Change("500");
        cut.Find("[data-testid=category-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=form-errors]"));
        Assert.Contains("早鸟费用不能高于正常费用。", cut.Markup);
        Assert.Contains("必填。", cut.Markup); // the early-bird deadline
        Assert.Equal("学生", cut.Find("input[data-testid=category-name], [data-testid=category-name] input").GetAttribute("value"));
        using var db = CreateDbContext();
        Assert.Equal(0, db.RegistrationCategories.Count(c => c.EventId == eventId));
    }

    [Fact]
    public void Categories_move_down_and_one_with_a_registration_is_closed_instead_of_deleted()
    {
        var eventId = SeedEvent("正式代表", "学生", "媒体");
        using (var db = CreateDbContext())
        {
            db.Users.Add(new Events.Infrastructure.Identity.AppUser { Id = "media-user", UserName = "media@example.cn", Email = "media@example.cn" });
            var media = db.RegistrationCategories.Single(c => c.EventId == eventId && c.Name == "媒体");
            db.Registrations.Add(new Registration
            {
                EventId = eventId, UserId = "media-user", Name = "记者甲", Organization = "某报社", Title = "记者", Email = "media@example.cn",
                CategoryId = media.Id, RegisteredAt = DateTimeOffset.UtcNow,
            });
            db.SaveChanges();
        }
        var cut = Render<ManageCategories>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => Assert.Equal(["正式代表", "学生", "媒体"], Names(cut)));

        cut.FindAll("[data-testid=category-down]")[0].Click();
        cut.WaitForAssertion(() => Assert.Equal(["学生", "正式代表", "媒体"], Names(cut)));

        cut.FindAll("[data-testid=category-delete]")[2].Click();
        cut.Find("[data-testid=category-delete-yes]").Click();
        cut.WaitForAssertion(() => Assert.Contains("已改为停止接受新报名", cut.Find("[data-testid=category-message]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=category-closed-chip]"));

        cut.FindAll("[data-testid=category-delete]")[0].Click();
        cut.Find("[data-testid=category-delete-yes]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["正式代表", "媒体"], Names(cut)));
        Assert.Equal("类别已删除。", cut.Find("[data-testid=category-message]").TextContent.Trim());
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_shows_the_conflict_and_keeps_the_edit()
    {
        var eventId = SeedEvent("学生");
        var cut = Render<ManageCategories>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=category-edit]"));
        cut.Find("[data-testid=category-edit]").Click();
        cut.Find("input[data-testid=category-name], [data-testid=category-name] input").Change("学生代表");

        var editor = Services.GetRequiredService<RegistrationCategoryEditor>();
        var other = (await editor.ListAsync(eventId)).Single().Input;
        other.Capacity = 30;
        await editor.SaveAsync(TestActors.Admin, eventId, other);

        cut.Find("[data-testid=category-save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict-alert]"));
        Assert.Equal("学生代表", cut.Find("input[data-testid=category-name], [data-testid=category-name] input").GetAttribute("value"));
        await using var db = CreateDbContext();
        Assert.Equal("学生", db.RegistrationCategories.Single(c => c.EventId == eventId).Name);
    }

    [Fact]
    public void A_badge_colour_is_checked_picked_from_the_palette_and_stored_with_the_label()
    {
        var eventId = SeedEvent("正式代表", "学生");
        var cut = Render<ManageCategories>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=category-edit]").Count));
        // Without a colour of its own each category shows the palette's colour for its place.
        Assert.Equal(new string?[] { Events.Core.OnSite.BadgeColours.Palette[0], Events.Core.OnSite.BadgeColours.Palette[1] },
            cut.FindAll("[data-testid=category-row-colour]").Select(e => e.GetAttribute("data-colour")).ToArray());

        cut.FindAll("[data-testid=category-edit]")[1].Click();
        cut.Find("input[data-testid=category-badge-colour], [data-testid=category-badge-colour] input").Change("#12345");
        cut.Find("input[data-testid=category-badge-label], [data-testid=category-badge-label] input").Change("学生代表");
        cut.Find("[data-testid=category-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("颜色须为 # 加六位十六进制数字", cut.Markup));
        using (var db = CreateDbContext())
        {
            Assert.Null(db.RegistrationCategories.AsNoTracking().Single(c => c.EventId == eventId && c.Name == "学生").BadgeColour);
        }

        // A palette colour replaces the wrong one; the preview shows the label on it in white.
        cut.FindAll("[data-testid=category-badge-swatch]")[2].Click();
        var preview = cut.Find("[data-testid=category-badge-preview]");
        Assert.Contains("学生代表", preview.TextContent);
        Assert.Contains("color: #FFFFFF", preview.GetAttribute("style"));
        cut.Find("[data-testid=category-save]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=category-form]")));
        using var check = CreateDbContext();
        var stored = check.RegistrationCategories.AsNoTracking().Single(c => c.EventId == eventId && c.Name == "学生");
        Assert.Equal((Events.Core.OnSite.BadgeColours.Palette[2], "学生代表", (string?)null), (stored.BadgeColour, stored.BadgeLabel, stored.BadgeLabelEn));
    }
}
