using AngleSharp.Dom;
using Bunit;
using Events.Core.Attendees;
using Events.Core.Attendees.Forms;
using Events.Core.Events;
using Events.Infrastructure.Attendees;
using Events.Web.Components.Pages.Attendees;
using Events.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Web.Tests.Components.Attendees;

/// <summary>The 回执 builder on the real form editor: presets, the live preview with conditions, saving versions, errors in words.</summary>
public class ReplyFormBuilderTests : ComponentTestBase
{
    private int SeedEvent()
    {
        using var db = CreateDbContext();
        var ev = new Event { Slug = "reply-test", Title = "回执测试会", StartDate = new DateOnly(2099, 5, 1), EndDate = new DateOnly(2099, 5, 2) };
        db.Events.Add(ev);
        db.SaveChanges();
        return ev.Id;
    }

    private static List<string> Preview(IRenderedComponent<ReplyFormBuilder> cut) =>
        cut.FindAll("[data-testid=preview-field]").Select(e => e.GetAttribute("data-key")!).ToList();

    private static IElement RadioInput(IElement marked) =>
        marked.Matches("input") ? marked : marked.QuerySelector("input[type=radio]") ?? throw new InvalidOperationException("No radio input.");

    [Fact]
    public void A_preset_adds_its_fields_once_and_the_preview_shows_a_conditional_field_as_required_when_its_condition_holds()
    {
        var eventId = SeedEvent();
        var cut = Render<ReplyFormBuilder>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=reply-no-fields]"));

        cut.Find("[data-testid=reply-preset-companions]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=reply-field]").Count));
        Assert.True(cut.Find("[data-testid=reply-preset-companions]").HasAttribute("disabled"));
        Assert.Contains("仅当“有陪同人员”为“是”时显示", cut.FindAll("[data-testid=reply-show-when]")[0].TextContent);
        Assert.Equal([ReplyFieldKeys.Companions], Preview(cut));

        RadioInput(cut.FindAll("[data-testid=preview-yes]")[0]).Click();

        cut.WaitForAssertion(() => Assert.Equal([ReplyFieldKeys.Companions, ReplyFieldKeys.CompanionCount, ReplyFieldKeys.CompanionNames], Preview(cut)));
        Assert.All(cut.FindAll("[data-testid=preview-field]").Skip(1), f => Assert.Equal("true", f.GetAttribute("data-required")));
    }

    [Fact]
    public void Saving_the_lodging_preset_without_hotels_is_refused_in_words_then_saved_as_version_one_once_a_hotel_is_added()
    {
        var eventId = SeedEvent();
        var cut = Render<ReplyFormBuilder>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=reply-preset-lodging]"));

        cut.Find("[data-testid=reply-preset-lodging]").Click();
        cut.Find("[data-testid=reply-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=form-errors]"));
        Assert.Contains("第 2 项“酒店”：选择题至少需要一个选项。", cut.Find("[data-testid=form-errors]").TextContent);
        Assert.Equal("选择题至少需要一个选项。", cut.Find("[data-testid=reply-options-error]").TextContent.Trim());
        using (var db = CreateDbContext()) Assert.False(db.ReplyForms.Any(f => f.EventId == eventId));

        cut.Find("[data-testid=reply-option-add]").Click();
        cut.Find("input[data-testid=reply-option-label], [data-testid=reply-option-label] input").Input("会议酒店");
        cut.Find("[data-testid=reply-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("当前为第 1 版", cut.Find("[data-testid=reply-version]").TextContent));
        using var check = CreateDbContext();
        var form = ReplyFormDefinition.Parse(check.ReplyForms.AsNoTracking().Single(f => f.EventId == eventId).DefinitionJson);
        Assert.Equal("会议酒店", form.Find(ReplyFieldKeys.Hotel)!.Options.Single().Label);
        Assert.Equal(6, form.Fields.Count);
    }

    [Fact]
    public void A_field_added_by_type_is_labelled_and_made_required_and_a_deleted_field_takes_its_conditions_with_it()
    {
        var eventId = SeedEvent();
        var cut = Render<ReplyFormBuilder>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=reply-preset-diet]"));
        cut.Find("[data-testid=reply-preset-diet]").Click();
        Render<MudBlazor.MudPopoverProvider>();

        // 饮食 is the first field; 其他饮食要求 is shown only when it is 其他. Deleting 饮食 drops that condition.
        cut.FindAll("[data-testid=reply-delete]")[0].Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=reply-field]")));
        Assert.Empty(cut.FindAll("[data-testid=reply-show-when]"));
        Assert.Equal([ReplyFieldKeys.DietDetail], Preview(cut));

        cut.FindAll("[data-testid=reply-edit]")[0].Click();
        cut.Find("input[data-testid=reply-label-en], [data-testid=reply-label-en] input").Input("Dietary needs");
        cut.Find("input[data-testid=reply-required], [data-testid=reply-required] input").Change(true);
        cut.Find("[data-testid=reply-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("当前为第 1 版", cut.Find("[data-testid=reply-version]").TextContent));
        using var db = CreateDbContext();
        var field = ReplyFormDefinition.Parse(db.ReplyForms.AsNoTracking().Single(f => f.EventId == eventId).DefinitionJson).Fields.Single();
        Assert.Equal("Dietary needs", field.LabelEn);
        Assert.True(field.Required);
        Assert.Null(field.ShowWhen);
    }

    [Fact]
    public async Task Saving_after_someone_else_saved_shows_the_conflict_and_writes_nothing()
    {
        var eventId = SeedEvent();
        var cut = Render<ReplyFormBuilder>(p => p.Add(c => c.EventId, eventId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=reply-preset-mobile]"));
        cut.Find("[data-testid=reply-preset-mobile]").Click();

        var other = new ReplyFormDefinition();
        ReplyFormDesign.AddPreset(other, ReplyFieldPresets.GenderPreset);
        await Services.GetRequiredService<ReplyFormEditor>().SaveAsync(TestActors.Admin, eventId, other, Guid.Empty);

        cut.Find("[data-testid=reply-save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict-alert]"));
        await using var db = CreateDbContext();
        var stored = db.ReplyForms.AsNoTracking().Single(f => f.EventId == eventId);
        Assert.Equal(1, stored.Version);
        Assert.Equal([ReplyFieldKeys.Gender], ReplyFormDefinition.Parse(stored.DefinitionJson).Fields.Select(f => f.Key));
    }
}
