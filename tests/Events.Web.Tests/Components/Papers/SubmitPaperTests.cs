using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Events.Core.Events;
using Events.Core.Papers;
using Events.Web.Components.Pages.Papers;
using Events.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Events.Web.Tests.Components.Papers;

public class SubmitPaperTests : ComponentTestBase
{
    private const string Slug = "paper-form-test";

    public SubmitPaperTests()
    {
        RenderPopoverProvider();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        using var db = CreateDbContext();
        var ev = new Event { Slug = Slug, Title = "论文表单测试会", StartDate = new DateOnly(2099, 5, 1), EndDate = new DateOnly(2099, 5, 2), Status = EventStatus.Published };
        db.Events.Add(ev);
        db.SaveChanges();
        var deadline = DateTimeOffset.UtcNow.AddDays(30);
        db.CallsForPapers.Add(new CallForPapers
        {
            EventId = ev.Id, IsPublished = true, SubmissionDeadline = deadline, ReviewDeadline = deadline, NotificationDate = deadline, CameraReadyDeadline = deadline,
            Topics = [new PaperTopic { Name = "绿色创新" }],
        });
        db.SaveChanges();
    }

    private IRenderedComponent<SubmitPaper> RenderPage()
    {
        var author = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "author"), new Claim(ClaimTypes.NameIdentifier, "author-id")], "test"));
        var host = Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(x => x.Value, Task.FromResult(new AuthenticationState(author)))
            .AddChildContent<SubmitPaper>(c => c.Add(x => x.Slug, Slug)));
        return host.FindComponent<SubmitPaper>();
    }

    private static IElement Checkbox(IElement marked) =>
        marked.Matches("input") ? marked : marked.QuerySelector("input[type=checkbox]") ?? throw new InvalidOperationException("No checkbox input.");

    [Fact]
    public void Submitting_an_empty_form_lists_Chinese_messages_for_title_authors_and_PDF()
    {
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=paper-submit]").Click();

        cut.WaitForAssertion(() =>
        {
            var errors = cut.Find("[data-testid=submission-errors]").TextContent;
            Assert.Contains("请修正", errors, StringComparison.Ordinal);
            Assert.Contains("必填。", errors, StringComparison.Ordinal);
            Assert.Contains("请至少填写一位作者", errors, StringComparison.Ordinal);
            Assert.Contains("请选择论文 PDF 文件", errors, StringComparison.Ordinal);
        });
        Assert.Contains("请至少填写一位作者", cut.Find("[data-testid=authors-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_author_who_is_neither_corresponding_nor_presenting_gets_both_byline_messages_in_Chinese()
    {
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=author-add]").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=author-row]")));
        Checkbox(cut.Find("[data-testid=author-corresponding]")).Change(false);
        Checkbox(cut.Find("[data-testid=author-presenter]")).Change(false);
        cut.Find("[data-testid=author-name]").Change("王冰");

        cut.Find("[data-testid=paper-submit]").Click();

        cut.WaitForAssertion(() =>
        {
            var rules = cut.FindAll("[data-testid=authors-rule]").Select(e => e.TextContent.Trim()).ToList();
            Assert.Equal(["请指定至少一位通讯作者", "请指定至少一位报告人"], rules);
        });
        Assert.Contains("必填。", cut.Find("[data-testid=author-row]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corresponding_author_without_an_email_is_told_so_on_their_line()
    {
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=author-add]").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=author-row]")));

        cut.Find("[data-testid=paper-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("通讯作者须填写邮箱", cut.Find("[data-testid=author-row]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=authors-rule]"));
    }
}
