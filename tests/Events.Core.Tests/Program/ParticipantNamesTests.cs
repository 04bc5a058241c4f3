using Events.Core.Program;

namespace Events.Core.Tests.Program;

public class ParticipantNamesTests
{
    private static SnapshotParticipant Named(int id, string name) => new(ItemRole.Speaker, new SnapshotPerson(id, name, null, ""), null);

    private static SnapshotParticipant Unnamed(string label) => new(ItemRole.Panelist, null, label);

    [Fact]
    public void Unnamed_people_with_the_same_label_are_counted_once()
    {
        var text = ParticipantNames.Summarize([Named(1, "李春成"), .. Enumerable.Repeat(Unnamed("沙龙嘉宾（未具名）"), 5)]);
        Assert.Equal("李春成、沙龙嘉宾（未具名）×5", text);
    }

    [Fact]
    public void Named_people_keep_their_order_and_appear_once()
    {
        Assert.Equal("郭俊华、唐家龙", ParticipantNames.Summarize([Named(1, "郭俊华"), Named(2, "唐家龙"), Named(1, "郭俊华")]));
    }

    [Fact]
    public void A_single_unnamed_person_has_no_count()
    {
        Assert.Equal("青年学者（未具名）", ParticipantNames.Summarize([Unnamed("青年学者（未具名）")]));
    }
}
