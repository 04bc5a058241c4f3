using System.Net;
using System.Text.RegularExpressions;
using Events.Core.Access;
using Events.Core.Mail;
using Events.Core.Reviews;
using Events.Infrastructure.Events;
using Events.Infrastructure.Identity;
using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Accounts;

/// <summary>
/// Rights that come from an email address (reviewer invitations, staff) count only confirmed addresses, and someone who
/// registers another person's address without confirming it can neither use it nor keep its owner out.
/// </summary>
public sealed partial class ConfirmedAddressTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private const string Slug = "regional-innovation-symposium-7";

    private async Task<(int EventId, string Token)> InviteAsync(string email)
    {
        await using var db = app.CreateDbContext();
        var eventId = await db.Events.Where(e => e.Slug == Slug).Select(e => e.Id).SingleAsync();
        var invited = await app.Get<ReviewerService>().InviteAsync(TestActors.Admin, eventId, new ReviewerInvite { Email = email, Name = "受邀审稿人" });
        Assert.Equal(Events.Core.Common.SaveOutcome.Saved, invited.Outcome);
        var token = await db.Reviewers.Where(r => r.Id == invited.Id).Select(r => r.InvitationToken).SingleAsync();
        return (eventId, token);
    }

    private async Task<AppUser> CreateUnconfirmedAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, "Squat#Passw0rd")).Succeeded);
        return user;
    }

    private async Task ConfirmAsync(string userId)
    {
        await using var db = app.CreateDbContext();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true));
    }

    [Fact]
    public async Task An_unconfirmed_account_neither_finds_nor_answers_the_invitation_to_its_address()
    {
        var (_, token) = await InviteAsync("invitee-1@example.cn");
        var squatter = await CreateUnconfirmedAsync("invitee-1@example.cn");
        var reviewers = app.Get<ReviewerService>();

        Assert.Empty(await reviewers.PendingInvitationsAsync(squatter.Id));
        Assert.False((await reviewers.InvitationAsync(token, squatter.Id))!.AccountConfirmed);
        Assert.Equal(InvitationOutcome.EmailNotConfirmed, await reviewers.AcceptAsync(token, squatter.Id, []));
        Assert.Equal(InvitationOutcome.EmailNotConfirmed, await reviewers.DeclineAsync(token, squatter.Id));
        await using (var db = app.CreateDbContext())
        {
            var row = await db.Reviewers.SingleAsync(r => r.InvitationToken == token);
            Assert.Equal((null, ReviewerState.Invited), (row.UserId, row.State));
        }

        // Once the address is proven, the same account gets its invitation.
        await ConfirmAsync(squatter.Id);
        Assert.Single(await reviewers.PendingInvitationsAsync(squatter.Id));
        Assert.Equal(InvitationOutcome.Done, await reviewers.AcceptAsync(token, squatter.Id, []));
    }

    [Fact]
    public async Task Staff_cannot_be_added_by_the_address_of_an_unconfirmed_account()
    {
        var unconfirmed = await CreateUnconfirmedAsync("would-be-staff@example.cn");
        await using var db = app.CreateDbContext();
        var eventId = await db.Events.Where(e => e.Slug == Slug).Select(e => e.Id).SingleAsync();

        Assert.Equal(StaffChange.UnknownUser, await app.Get<EventStaffEditor>().AddAsync(TestActors.Admin, eventId, "would-be-staff@example.cn"));
        Assert.False(await db.EventStaff.AnyAsync(s => s.UserId == unconfirmed.Id));

        await ConfirmAsync(unconfirmed.Id);
        Assert.Equal(StaffChange.Added, await app.Get<EventStaffEditor>().AddAsync(TestActors.Admin, eventId, "would-be-staff@example.cn"));
    }

    [Fact]
    public async Task A_squatter_who_registers_an_invited_address_gets_no_session_and_the_owner_takes_the_address_back()
    {
        const string address = "invitee-2@example.cn";
        var (_, token) = await InviteAsync(address);

        // The squatter registers the address: told to check the mailbox, and not signed in.
        var squatter = app.CreateRawClient();
        var registered = await RegisterAsync(squatter, address, "Squat#Passw0rd");
        Assert.Contains("data-testid=\"register-check-mailbox\"", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await squatter.GetAsync("/reviewing")).StatusCode);

        // Knowing the password is not enough: the address must be confirmed before signing in.
        var login = await LoginAsync(squatter, address, "Squat#Passw0rd");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await squatter.GetAsync("/reviewing")).StatusCode);

        // The owner registers the same address: the same answer, and their mailbox gets a link that sets the password.
        var owner = app.CreateRawClient();
        var again = await RegisterAsync(owner, address, "Owner#Passw0rd");
        Assert.Contains("data-testid=\"register-check-mailbox\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var link = await LinkInLastMailAsync(address, MailTemplateKeys.AccountExists);

        var resetPage = await owner.GetStringAsync(link);
        var reset = await owner.PostAsync("/account/reset-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormPost.HiddenValue(resetPage, "__RequestVerificationToken"),
            ["_handler"] = "reset",
            ["Form.Email"] = FormPost.HiddenValue(resetPage, "Form.Email"),
            ["Form.Code"] = FormPost.HiddenValue(resetPage, "Form.Code"),
            ["Form.Password"] = "Owner#Passw0rd",
        }));
        Assert.Contains("data-testid=\"reset-done\"", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The squatter's password went with the reset; the owner's works, and the invitation is theirs to answer.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(squatter, address, "Squat#Passw0rd")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await squatter.GetAsync("/reviewing")).StatusCode);
        var signedIn = await LoginAsync(owner, address, "Owner#Passw0rd");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var reviewing = await owner.GetAsync("/reviewing");
        Assert.Equal(HttpStatusCode.OK, reviewing.StatusCode);
        Assert.Contains($"/reviewing/invitations/{token}", await reviewing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password, string displayName = "") =>
        FormPost.SubmitAsync(client, "/account/register", "register", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = displayName,
            ["Form.Email"] = email,
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        });

    internal static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string returnUrl = "/reviewing") =>
        FormPost.SubmitAsync(client, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "login", new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
        });

    private async Task<string> LinkInLastMailAsync(string address, string template)
    {
        await using var db = app.CreateDbContext();
        var mail = await db.OutboxMessages.Where(m => m.TemplateKey == template && m.Recipients.Any(r => r.Address == address))
            .OrderByDescending(m => m.Id).FirstAsync();
        return new Uri(ResetLink().Match(mail.TextBody).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
