using Events.Core.Bulletins;
using Events.Core.Events;
using Events.Core.Program;

namespace Events.Core.Tests.Bulletins;

public class BulletinDraftComposerTests
{
    private static readonly BulletinDraftPhrases Phrases = new()
    {
        Title = "{0}综述",
        Held = "{0}于{1}举行。",
        HeldIn = "{0}于{1}在{2}举行。",
        Theme = "主题为“{0}”。",
        PartOf = "属于{0}。",
        NoteClosing = "供参阅。",
        OverviewHeading = "会议概况",
        Units = "{0}：{1}。",
        UnitLabels = Enum.GetValues<OrganizerRole>().ToDictionary(r => r, r => r.ToString()),
        SpeakersHeading = "嘉宾发言",
        Chair = "{0}由{1}主持。",
        Talk = "{0}围绕“{1}”发言。",
        Address = "{0}致辞。",
        Panel = "“{0}”：{1}主持，{2}参与。",
        Discussant = "{0}点评。",
        ReleaseHeading = "成果发布",
        Release = "发布了{0}。",
    };

    private static SnapshotPerson Person(int id, string name, string title) => new(id, name, null, title);

    private static BulletinDraftSource Source(params SnapshotSession[] sessions) => new(
        "区域创新发展论坛", "科创中心引擎区域高质量发展", new DateOnly(2024, 9, 8), new DateOnly(2024, 9, 8), "上海", null, "2024浦江创新论坛",
        new Dictionary<OrganizerRole, IReadOnlyList<string>> { [OrganizerRole.Host] = ["上海浦江创新论坛中心"] }, sessions);

    private static SnapshotSession Session(SessionKind kind, string title, IReadOnlyList<SnapshotPerson> chairs, params SnapshotItem[] items) =>
        new(1, 1, kind, title, DateTimeOffset.Parse("2024-09-08T05:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse("2024-09-08T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), null, null, chairs, items);

    [Fact]
    public void Speakers_appear_in_bold_with_their_titles_and_what_they_spoke_on()
    {
        var talk = new SnapshotItem("科创中心的类型与区域布局", 20, [new SnapshotParticipant(ItemRole.Speaker, Person(1, "刘冬梅", "中国科学技术发展战略研究院党委书记"), null)], []);

        var draft = BulletinDraftComposer.Compose(Source(Session(SessionKind.InvitedTalk, "嘉宾报告", [], talk)), Phrases);

        Assert.Equal("区域创新发展论坛综述", draft.Title);
        Assert.Contains("**刘冬梅**（中国科学技术发展战略研究院党委书记）围绕“科创中心的类型与区域布局”发言。", draft.Body, StringComparison.Ordinal);
        Assert.Contains("## 嘉宾发言", draft.Body, StringComparison.Ordinal);
        Assert.Contains("区域创新发展论坛于2024年9月8日在上海举行。主题为“科创中心引擎区域高质量发展”。", draft.EditorsNote, StringComparison.Ordinal);
        Assert.Contains("Host：上海浦江创新论坛中心。", draft.Body, StringComparison.Ordinal);
        Assert.Contains("属于2024浦江创新论坛。", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Chairs_addresses_panels_discussants_and_releases_each_get_their_sentence()
    {
        var chair = Person(1, "王建平", "研究员");
        var opening = new SnapshotItem("致辞", 10, [new SnapshotParticipant(ItemRole.Address, Person(2, "穆荣平", "理事长"), null)], []);
        var salon = new SnapshotItem("专家沙龙", 90, [
            new SnapshotParticipant(ItemRole.Moderator, Person(3, "李春成", ""), null),
            new SnapshotParticipant(ItemRole.Panelist, null, "沙龙嘉宾（未具名）")], []);
        var release = new SnapshotItem("成果发布", 20, [], ["《2022全国区域创新发展研究报告选编》", "区域创新指数"]);
        var papers = new SnapshotItem("点评", 30, [new SnapshotParticipant(ItemRole.Discussant, Person(4, "郭俊华", "教授"), null)], []);

        var draft = BulletinDraftComposer.Compose(Source(
            Session(SessionKind.Opening, "开幕式", [chair], opening),
            Session(SessionKind.Panel, "沙龙", [], salon),
            Session(SessionKind.Release, "发布", [], release),
            Session(SessionKind.PaperSession, "论文报告", [], papers)), Phrases);

        Assert.Contains("开幕式由王建平（研究员）主持。", draft.Body, StringComparison.Ordinal);
        Assert.Contains("**穆荣平**（理事长）致辞。", draft.Body, StringComparison.Ordinal);
        Assert.Contains("“专家沙龙”：李春成主持", draft.Body, StringComparison.Ordinal);
        Assert.Contains("**郭俊华**（教授）点评。", draft.Body, StringComparison.Ordinal);
        Assert.Contains("发布了《2022全国区域创新发展研究报告选编》《区域创新指数》。", draft.Body, StringComparison.Ordinal);
        // People the program does not name are not invented.
        Assert.DoesNotContain("未具名", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_that_look_like_Markdown_are_escaped_so_they_print_as_written()
    {
        var talk = new SnapshotItem("**粗体**与[链接](x)", 20, [new SnapshotParticipant(ItemRole.Speaker, Person(1, "A*B_C", ""), null)], []);

        var draft = BulletinDraftComposer.Compose(Source(Session(SessionKind.InvitedTalk, "报告", [], talk)), Phrases);

        Assert.Contains(@"**A\*B\_C**", draft.Body, StringComparison.Ordinal);
        Assert.Contains(@"\*\*粗体\*\*与\[链接\](x)", draft.Body, StringComparison.Ordinal);
    }
}
