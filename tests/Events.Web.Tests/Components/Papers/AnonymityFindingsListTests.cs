using Bunit;
using Events.Core.Papers.Anonymity;
using Events.Web.Components.Pages.Papers;
using Events.Web.Tests.Infrastructure;

namespace Events.Web.Tests.Components.Papers;

public class AnonymityFindingsListTests : ComponentTestBase
{
    [Fact]
    public void Each_finding_says_in_Chinese_what_was_found_and_where()
    {
        var cut = Render<AnonymityFindingsList>(p => p
            .Add(x => x.Heading, "标题")
            .Add(x => x.Findings, new List<AnonymityFinding>
            {
                new(IdentityKind.Name, "张三", TextPlace.PageText, 1),
                new(IdentityKind.Affiliation, "四川大学", TextPlace.PageHeader, 3),
                new(IdentityKind.Name, "张三", TextPlace.DocumentInfo, null, "Author"),
                new(IdentityKind.Email, "zhang@example.cn", TextPlace.AnnotationAuthor, 2),
            }));

        var items = cut.FindAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(
            ["第1页正文出现作者姓名“张三”", "第3页的页眉或页脚出现作者单位“四川大学”", "文档属性中的“Author”字段含有作者姓名“张三”", "第2页的批注（作者或内容）含有作者邮箱“zhang@example.cn”"],
            items);
    }

    [Fact]
    public void Nothing_is_shown_without_findings()
    {
        var cut = Render<AnonymityFindingsList>(p => p.Add(x => x.Findings, new List<AnonymityFinding>()));

        Assert.Empty(cut.FindAll("[data-testid=anonymity-findings]"));
    }
}
