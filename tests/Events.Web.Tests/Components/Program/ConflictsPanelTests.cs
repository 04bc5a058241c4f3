using Bunit;
using Events.Core.Program.Conflicts;
using Events.Infrastructure.Program;
using Events.Web.Components.Pages.Program;
using Events.Web.Tests.Infrastructure;

namespace Events.Web.Tests.Components.Program;

public class ConflictsPanelTests : ComponentTestBase
{
    [Fact]
    public void Conflicts_panel_when_there_are_no_conflicts_then_says_none_were_found()
    {
        var cut = Render<ConflictsPanel>(p => p.Add(x => x.Conflicts, []));

        Assert.Equal("没有发现冲突。", cut.Find("[data-testid=no-conflicts]").TextContent.Trim());
        Assert.Contains("冲突（0）", cut.Find("h2").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=conflict]"));
    }

    [Theory]
    [InlineData(ConflictKind.PersonDoubleBooked, "穆荣平 同时出现在「开幕式」和「圆桌对话」")]
    [InlineData(ConflictKind.RoomDoubleBooked, "会场 主会场：「开幕式」与「圆桌对话」时间重叠")]
    [InlineData(ConflictKind.OutsideEventDates, "「开幕式」不在活动日期之内")]
    [InlineData(ConflictKind.ItemsOverflow, "「开幕式」的环节总时长超过场次时长")]
    [InlineData(ConflictKind.ChairSpeaksElsewhere, "穆荣平 在「开幕式」和「圆桌对话」中一场主持、一场发言，两场时间重叠")]
    public void Conflicts_panel_when_given_a_conflict_then_describes_it_in_Chinese_with_the_names_filled_in(ConflictKind kind, string expected)
    {
        var cut = Render<ConflictsPanel>(p => p.Add(x => x.Conflicts, [View(kind)]));

        var item = cut.Find("[data-testid=conflict]");
        Assert.Equal(expected, item.TextContent.Trim());
        Assert.Equal(kind.ToString(), item.GetAttribute("data-kind"));
        Assert.Empty(cut.FindAll("[data-testid=no-conflicts]"));
    }

    [Fact]
    public void Conflicts_panel_when_given_every_kind_then_lists_each_with_its_own_sentence_and_the_count()
    {
        var kinds = Enum.GetValues<ConflictKind>();

        var cut = Render<ConflictsPanel>(p => p.Add(x => x.Conflicts, kinds.Select(View).ToList()));

        var items = cut.FindAll("[data-testid=conflict]");
        Assert.Equal(kinds.Length, items.Count);
        Assert.Equal(kinds.Length, items.Select(i => i.TextContent.Trim()).Distinct().Count());
        Assert.All(items, i => Assert.DoesNotContain("Conflict.", i.TextContent, StringComparison.Ordinal));
        Assert.Contains($"冲突（{kinds.Length}）", cut.Find("h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Conflicts_panel_when_a_conflict_is_clicked_then_OnSelect_receives_its_session_id()
    {
        var selected = new List<int>();
        var cut = Render<ConflictsPanel>(p => p
            .Add(x => x.Conflicts, [
                new ConflictView(new Conflict(ConflictKind.OutsideEventDates, 7), "开幕式", null, null, null),
                new ConflictView(new Conflict(ConflictKind.PersonDoubleBooked, 21, 34, PersonId: 5), "主旨报告", "圆桌对话", "穆荣平", null),
            ])
            .Add(x => x.OnSelect, (int id) => selected.Add(id)));

        cut.FindAll("[data-testid=conflict]")[1].QuerySelector(".mud-link")!.Click();

        cut.WaitForAssertion(() => Assert.Equal([21], selected));
    }

    private static ConflictView View(ConflictKind kind) => kind switch
    {
        ConflictKind.PersonDoubleBooked or ConflictKind.ChairSpeaksElsewhere =>
            new ConflictView(new Conflict(kind, 1, 2, PersonId: 9), "开幕式", "圆桌对话", "穆荣平", null),
        ConflictKind.RoomDoubleBooked =>
            new ConflictView(new Conflict(kind, 1, 2, RoomId: 3), "开幕式", "圆桌对话", null, "主会场"),
        _ => new ConflictView(new Conflict(kind, 1), "开幕式", null, null, null),
    };
}
