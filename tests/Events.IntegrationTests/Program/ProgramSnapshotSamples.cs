using System.Globalization;
using Events.Core.Program;
using Events.Infrastructure.Program.Exports;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Events.IntegrationTests.Program;

/// <summary>A realistic published program for the export tests: a forum and a sub-forum in Shanghai over two days.</summary>
internal static class ProgramSnapshotSamples
{
    public const string EventSlug = "pujiang-forum-2024";
    public const string SubForumSlug = "pujiang-forum-2024-regional";
    public const string PanelTitle = "区域创新发展：长三角一体化的实践与展望";
    public const string BaseUrl = "https://events.example.org/";
    public const string SubForumVenue = "张江科学会堂";
    public const string PanelTitleEn = "Regional innovation: integrating the Yangtze River Delta";

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>The exports' words from the app's own resources, as the endpoints take them.</summary>
    public static readonly ExportWordings Words = new(new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    public static ExportWording Zh => Words.For(CultureInfo.GetCultureInfo("zh-CN"));

    public static ExportWording En => Words.For(CultureInfo.GetCultureInfo("en"));

    private static readonly SnapshotPerson Zhang = new(101, "张三", "Zhang San", "复旦大学教授");
    private static readonly SnapshotPerson Li = new(102, "李四", "Li Si", "上海市科学学研究所研究员");
    private static readonly SnapshotPerson Wang = new(103, "王五", null, "同济大学副教授");
    private static readonly SnapshotPerson Zhao = new(104, "赵六", "Zhao Liu", "");
    private static readonly SnapshotPerson Chen = new(105, "陈七", null, "华东师范大学教授");

    /// <summary>Version 1.</summary>
    public static ProgramSnapshot V1() => Build(1, new DateTimeOffset(2024, 8, 30, 10, 0, 0, TimeSpan.Zero), TimeSpan.Zero, PanelTitle);

    /// <summary>Version 2: republished later, day 2 moved half an hour, the panel renamed.</summary>
    public static ProgramSnapshot V2() => Build(2, new DateTimeOffset(2024, 9, 5, 3, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(30), PanelTitle + "（更新）");

    /// <summary>Local Shanghai wall-clock time → UTC, as snapshots hold it.</summary>
    public static DateTimeOffset Local(int day, int hour, int minute) =>
        new DateTimeOffset(2024, 9, day, hour, minute, 0, Shanghai).ToUniversalTime();

    private static ProgramSnapshot Build(int version, DateTimeOffset publishedAt, TimeSpan day2Shift, string panelTitle)
    {
        var forums = new List<SnapshotForum>
        {
            new(1, EventSlug, "2024浦江创新论坛", false, "2024 Pujiang Innovation Forum", "上海国际会议中心"),
            new(2, SubForumSlug, "区域创新发展分论坛", true, "Regional Innovation Sub-forum", SubForumVenue),
        };
        var rooms = new List<SnapshotRoom>
        {
            new(11, 1, "主会场", 800),
            new(21, 2, "第一会议室", 120),
            new(22, 2, "第二会议室", null),
        };

        SnapshotParticipant Named(ItemRole role, SnapshotPerson p) => new(role, p, null);
        SnapshotParticipant Unnamed(ItemRole role, string label) => new(role, null, label);

        var sessions = new List<SnapshotSession>
        {
            new(1, 1, SessionKind.Opening, "开幕式", Local(7, 9, 0), Local(7, 9, 30), 11, "主会场", [Zhang],
            [
                new("致辞（上海市科学技术委员会）", 10, [Named(ItemRole.Address, Li)], []),
                new("致辞（主办单位）", 10, [Named(ItemRole.Address, Wang)], []),
            ]),
            new(2, 1, SessionKind.Keynote, "主旨报告", Local(7, 9, 30), Local(7, 10, 20), 11, "主会场", [Zhang],
            [
                new("创新策源能力与区域高质量发展", 25, [Named(ItemRole.Speaker, Chen)], []),
                new("科技创新中心建设的国际比较", 25, [Named(ItemRole.Speaker, Zhao), Named(ItemRole.CoSpeaker, Wang)], []),
            ]),
            // No room yet and no items: exports must still carry it.
            new(3, 1, SessionKind.Break, "茶歇", Local(7, 10, 20), Local(7, 10, 40), null, null, [], []),
            new(4, 2, SessionKind.Release, "研究成果发布", Local(7, 14, 0), Local(7, 15, 0), 21, "第一会议室", [Li],
            [
                new("区域创新能力评价成果发布", 30, [Named(ItemRole.Speaker, Wang)],
                    ["中国区域创新能力评价报告2024", "《长三角科技创新指数》"]),
                new("成果解读", 20, [Named(ItemRole.Discussant, Chen), Unnamed(ItemRole.Discussant, "企业代表")], []),
            ]),
            // 07:30 in Shanghai is 23:30 UTC the day before: it must land on day 2.
            new(5, 2, SessionKind.PaperSession, "青年学者论文交流", Local(8, 7, 30) + day2Shift, Local(8, 8, 50) + day2Shift, 22, "第二会议室", [],
            [
                new("青年学者论文报告", 60, [Unnamed(ItemRole.Speaker, "青年学者（12人）")], []),
                new("论文点评", 20, [Named(ItemRole.Discussant, Zhao)], []),
            ]),
            new(6, 2, SessionKind.Panel, panelTitle, Local(8, 9, 0) + day2Shift, Local(8, 10, 30) + day2Shift, 21, "第一会议室", [Li],
            [
                new("圆桌对话：长三角科技创新共同体建设", 90,
                [
                    Named(ItemRole.Moderator, Li),
                    Named(ItemRole.Panelist, Zhang),
                    Named(ItemRole.Panelist, Chen),
                    Unnamed(ItemRole.Panelist, "地方政府代表"),
                ], []),
            ],
            TitleEn: PanelTitleEn),
            new(7, 1, SessionKind.Closing, "闭幕式", Local(8, 16, 0) + day2Shift, Local(8, 16, 30) + day2Shift, 11, "主会场", [Zhang],
            [
                new("大会总结", 30, [Named(ItemRole.Address, Zhang)], []),
            ]),
        };

        return new ProgramSnapshot(
            version,
            publishedAt,
            EventSlug,
            "2024浦江创新论坛",
            "Asia/Shanghai",
            new DateOnly(2024, 9, 7),
            new DateOnly(2024, 9, 8),
            "上海",
            "上海国际会议中心",
            forums,
            rooms,
            sessions,
            EventTitleEn: "2024 Pujiang Innovation Forum");
    }
}
