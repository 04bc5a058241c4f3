using System.Net;
using Events.Core.Mail;
using Events.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Events.IntegrationTests.Accounts;

/// <summary>The account pages over HTTP: what they reveal about other people's addresses, sessions after sign-out, odd input.</summary>
public sealed class AccountHardeningTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private const string AuthCookie = ".AspNetCore.Identity.Application";
    private const string Password = "Passw0rd!x";

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_exactly_as_a_new_one_and_mails_the_owner()
    {
        await TestUsers.CreateAsync(app, "taken@example.cn", []);

        var taken = await (await ConfirmedAddressTests.RegisterAsync(app.CreateRawClient(), "taken@example.cn", "Other#Passw0rd")).Content.ReadAsStringAsync();
        var fresh = await (await ConfirmedAddressTests.RegisterAsync(app.CreateRawClient(), "fresh@example.cn", "Other#Passw0rd")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"register-check-mailbox\"", taken, StringComparison.Ordinal);
        Assert.Equal(FormPost.Alerts(fresh), FormPost.Alerts(taken));
        await using var db = app.CreateDbContext();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.TemplateKey == MailTemplateKeys.AccountExists && m.Recipients.Any(r => r.Address == "taken@example.cn")));
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.TemplateKey == MailTemplateKeys.ConfirmAccount && m.Recipients.Any(r => r.Address == "fresh@example.cn")));
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "TAKEN@EXAMPLE.CN"));
    }

    [Fact]
    public async Task A_locked_account_gets_the_same_message_as_a_wrong_password_and_an_unknown_address()
    {
        await TestUsers.CreateAsync(app, "locked@example.cn", []);
        var client = app.CreateRawClient();
        for (var i = 0; i < 5; i++) await ConfirmedAddressTests.LoginAsync(client, "locked@example.cn", "wrong-password");

        var locked = await (await ConfirmedAddressTests.LoginAsync(client, "locked@example.cn", Password)).Content.ReadAsStringAsync();
        var unknown = await (await ConfirmedAddressTests.LoginAsync(client, "nobody-here@example.cn", Password)).Content.ReadAsStringAsync();

        Assert.NotEmpty(FormPost.Alerts(unknown));
        Assert.Equal(FormPost.Alerts(unknown), FormPost.Alerts(locked));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/profile")).StatusCode);
    }

    [Fact]
    public async Task A_copied_session_cookie_stops_working_once_its_owner_signs_out()
    {
        await TestUsers.CreateAsync(app, "leaver@example.cn", []);
        var client = app.CreateRawClient();
        var login = await ConfirmedAddressTests.LoginAsync(client, "leaver@example.cn", Password, "/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var copied = SetCookieHeaderValue.ParseList(login.Headers.GetValues(HeaderNames.SetCookie).ToList())
            .Single(c => c.Name == AuthCookie).Value.ToString();
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copied)).StatusCode);

        var profile = await client.GetStringAsync("/account/profile");
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormPost.HiddenValue(profile, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replayed = await ReplayAsync(copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/account/login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The cookie sent from another client that never signed in, as an attacker who copied it would.</summary>
    private Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        var other = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/profile");
        request.Headers.Add("Cookie", $"{AuthCookie}={cookie}");
        return other.SendAsync(request);
    }

    [Theory]
    [InlineData("/\u0001evil")]
    [InlineData("/events\r\nSet-Cookie: x=1")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/活动")]
    [InlineData("/ ")]
    public async Task An_odd_returnUrl_on_the_language_switch_falls_back_to_the_home_page(string returnUrl)
    {
        var culture = await app.CreateRawClient().PostAsync("/culture/en", PublicPageTests.ChooseLanguage(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/", culture.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/\u0001evil")]
    [InlineData("/events\r\nSet-Cookie: x=1")]
    [InlineData("//evil.example")]
    [InlineData("/活动")]
    public async Task Signing_in_with_an_odd_returnUrl_lands_on_the_events_page(string returnUrl)
    {
        var email = $"odd-{Guid.NewGuid():N}@example.cn";
        await TestUsers.CreateAsync(app, email, []);
        var login = await ConfirmedAddressTests.LoginAsync(app.CreateRawClient(), email, Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.EndsWith("/events", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_display_name_longer_than_its_limit_is_refused_with_a_message_on_register_and_profile()
    {
        var huge = new string('名', 100_000);
        var register = await (await ConfirmedAddressTests.RegisterAsync(app.CreateRawClient(), "longname@example.cn", "Other#Passw0rd", huge)).Content.ReadAsStringAsync();
        Assert.Contains("显示名称不能超过 100 个字符。", FormPost.Alerts(register), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext()) Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == "LONGNAME@EXAMPLE.CN"));

        await TestUsers.CreateAsync(app, "profile-long@example.cn", []);
        var client = app.CreateRawClient();
        await ConfirmedAddressTests.LoginAsync(client, "profile-long@example.cn", Password);
        var saved = await FormPost.SubmitAsync(client, "/account/profile", "profile", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = new string('名', 101),
            ["Form.CurrentPassword"] = "",
            ["Form.NewPassword"] = "",
        });
        Assert.Contains("显示名称不能超过 100 个字符。", FormPost.Alerts(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext()) Assert.Null(await db.Users.Where(u => u.NormalizedEmail == "PROFILE-LONG@EXAMPLE.CN").Select(u => u.DisplayName).SingleAsync());
    }
}
