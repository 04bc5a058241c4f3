using Events.Core.Proceedings;

namespace Events.Core.Tests.Proceedings;

public class VolumeLayoutTests
{
    private static readonly StringComparer Pinyin = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), System.Globalization.CompareOptions.IgnoreCase);

    private static VolumePaper Paper(int id, params (string Name, string Affiliation)[] authors) =>
        new(id, $"论文{id}", authors.Select(a => new VolumeAuthor(a.Name, a.Affiliation)).ToList(), null, null);

    [Fact]
    public void Papers_start_after_the_front_matter_and_after_each_other()
    {
        var sections = new[] { new VolumeSection("甲", [Paper(1), Paper(2)]), new VolumeSection("乙", [Paper(3)]) };

        var layout = VolumeLayout.Place(sections, frontMatterPages: 5, new Dictionary<int, int> { [1] = 12, [2] = 1, [3] = 7 });

        Assert.Equal([6, 18, 19], layout.Papers.Select(p => p.StartPage));
        Assert.Equal([17, 18, 25], layout.Papers.Select(p => p.EndPage));
        Assert.Equal(20, layout.BodyPages);
        Assert.Equal(26, layout.IndexStartPage);
        Assert.Equal(["甲", "乙"], layout.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void A_paper_without_pages_is_refused()
    {
        Assert.Throws<ArgumentException>(() => VolumeLayout.Place([new VolumeSection(null, [Paper(1)])], 3, new Dictionary<int, int> { [1] = 0 }));
    }

    [Fact]
    public void The_author_index_sorts_by_pinyin_and_lists_each_start_page_once_keeping_namesakes_apart()
    {
        var sections = new[]
        {
            new VolumeSection(null,
            [
                Paper(1, ("王小明", "复旦大学"), ("李华", "上海社会科学院")),
                Paper(2, ("张伟", "同济大学"), ("王小明", "复旦大学")),
                Paper(3, ("王小明", "南京大学"), ("欧阳修远", "浙江大学")),
                Paper(4, ("陈静", "华东师范大学"), ("陈静", "华东师范大学")),
            ]),
        };

        var index = VolumeLayout.Place(sections, 4, new Dictionary<int, int> { [1] = 3, [2] = 2, [3] = 4, [4] = 1 }).AuthorIndex(Pinyin);

        Assert.Equal(
            [
                ("陈静", "华东师范大学", "14"),
                ("李华", "上海社会科学院", "5"),
                ("欧阳修远", "浙江大学", "10"),
                ("王小明", "复旦大学", "5,8"),
                ("王小明", "南京大学", "10"),
                ("张伟", "同济大学", "8"),
            ],
            index.Select(e => (e.Name, e.Affiliation, string.Join(",", e.Pages))));
    }
}
