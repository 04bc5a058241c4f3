using Events.Core.Proceedings;

namespace Events.Core.Tests.Proceedings;

public class PaperOrderingTests
{
    private static readonly PaperGroup Green = new("t1", "绿色创新", (1, 1));
    private static readonly PaperGroup Digital = new("t2", "数字经济", (2, 2));
    private static readonly DateTimeOffset Morning = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    private static VolumePaper Paper(int id, PaperGroup? topic = null, PaperGroup? session = null) =>
        new(id, $"论文{id}", [new VolumeAuthor($"作者{id}", "某大学")], topic, session);

    private static int[] Ids(IReadOnlyList<VolumeSection> sections) => sections.SelectMany(s => s.Papers.Select(p => p.SubmissionId)).ToArray();

    [Fact]
    public void By_topic_groups_follow_the_topic_order_and_papers_their_submission_order()
    {
        var papers = new[] { Paper(3, Digital), Paper(1, Green), Paper(2, Digital), Paper(4, Green) };

        var sections = PaperOrdering.Arrange(papers, PaperGrouping.Topic, [], "其他");

        Assert.Equal(["绿色创新", "数字经济"], sections.Select(s => s.Heading));
        Assert.Equal([1, 4, 2, 3], Ids(sections));
    }

    [Fact]
    public void By_session_groups_follow_the_session_start_and_papers_the_item_order_with_unplaced_papers_last()
    {
        var early = new PaperGroup("s7", "上午场", (Morning.UtcTicks, 7), 0);
        var late = new PaperGroup("s3", "下午场", (Morning.AddHours(5).UtcTicks, 3), 0);
        var papers = new[]
        {
            Paper(1, session: late with { Position = 2 }),
            Paper(2, session: early with { Position = 2 }),
            Paper(3),
            Paper(4, session: early with { Position = 1 }),
            Paper(5, session: late with { Position = 1 }),
        };

        var sections = PaperOrdering.Arrange(papers, PaperGrouping.Session, [], "其他论文");

        Assert.Equal(["上午场", "下午场", "其他论文"], sections.Select(s => s.Heading));
        Assert.Equal([4, 2, 5, 1, 3], Ids(sections));
    }

    [Fact]
    public void A_manual_order_reorders_papers_inside_their_groups_and_never_splits_a_group()
    {
        var papers = new[] { Paper(1, Green), Paper(2, Green), Paper(3, Digital), Paper(4, Digital), Paper(5, Green) };

        // The organizer listed 4 before everything and 5 before 1; groups stay whole and in topic order.
        var sections = PaperOrdering.Arrange(papers, PaperGrouping.Topic, [4, 5, 1], "其他");

        Assert.Equal(["绿色创新", "数字经济"], sections.Select(s => s.Heading));
        Assert.Equal([5, 1, 2, 4, 3], Ids(sections));
    }

    [Fact]
    public void Without_groups_there_is_one_unheaded_section_in_manual_order_then_submission_order()
    {
        var papers = new[] { Paper(1, Green), Paper(2, Digital), Paper(3) };

        var sections = PaperOrdering.Arrange(papers, PaperGrouping.None, [3], "其他");

        var section = Assert.Single(sections);
        Assert.Null(section.Heading);
        Assert.Equal([3, 1, 2], Ids(sections));
        Assert.Empty(PaperOrdering.Arrange([], PaperGrouping.None, [], "其他"));
    }

    [Fact]
    public void Moving_a_paper_swaps_it_with_its_neighbour_in_the_same_group_and_stops_at_the_group_edge()
    {
        var sections = PaperOrdering.Arrange([Paper(1, Green), Paper(2, Green), Paper(3, Digital)], PaperGrouping.Topic, [], "其他");

        Assert.Equal([2, 1, 3], PaperOrdering.Move(sections, 2, -1));
        Assert.Equal([2, 1, 3], PaperOrdering.Move(sections, 1, +1));
        // 2 is the last of its group and 3 the first of its own: neither crosses into the other group.
        Assert.Equal([1, 2, 3], PaperOrdering.Move(sections, 2, +1));
        Assert.Equal([1, 2, 3], PaperOrdering.Move(sections, 3, -1));
        Assert.Equal([1, 2, 3], PaperOrdering.Move(sections, 99, -1));
    }
}
