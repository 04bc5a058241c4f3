using Bunit;
using Events.Core.Events;
using Events.Web.Components.Pages.Reviews;
using Events.Web.Tests.Infrastructure;
using MudBlazor;

namespace Events.Web.Tests.Components.Reviews;

public class ManageReviewersTests : ComponentTestBase
{
    private readonly int eventId;

    public ManageReviewersTests()
    {
        RenderPopoverProvider();
        Render<MudSnackbarProvider>();
        using var db = CreateDbContext();
        var ev = new Event { Title = "第七届区域创新研讨会", Slug = "reviewers-form-test", StartDate = new DateOnly(2026, 5, 20), EndDate = new DateOnly(2026, 5, 21) };
        db.Events.Add(ev);
        db.SaveChanges();
        eventId = ev.Id;
    }

    [Fact]
    public void After_a_successful_invitation_the_form_is_empty_and_shows_no_required_messages()
    {
        var cut = Render<ManageReviewers>(p => p.Add(x => x.EventId, eventId));
        var name = cut.Find("[data-testid=invite-name]");
        name.Change("钟离守正");
        name.Blur();
        var email = cut.Find("[data-testid=invite-email]");
        email.Change("zhongli@example.cn");
        email.Blur();

        cut.Find("[data-testid=invite-send]").Click();

        cut.WaitForAssertion(() => Assert.Contains("zhongli@example.cn", cut.Find("[data-testid=reviewer-table]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("必填。", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("", cut.Find("[data-testid=invite-name]").GetAttribute("value") ?? "");
        Assert.Equal("", cut.Find("[data-testid=invite-email]").GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll(".mud-input-error"));
    }

    [Fact]
    public void Sending_an_empty_invitation_still_says_what_is_missing()
    {
        var cut = Render<ManageReviewers>(p => p.Add(x => x.EventId, eventId));

        cut.Find("[data-testid=invite-send]").Click();

        cut.WaitForAssertion(() => Assert.Contains("必填。", cut.Markup, StringComparison.Ordinal));
        using var db = CreateDbContext();
        Assert.Empty(db.Reviewers);
    }
}
