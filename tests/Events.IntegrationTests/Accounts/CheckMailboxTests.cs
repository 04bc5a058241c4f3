using System.Net;
using Events.IntegrationTests.Infrastructure;

namespace Events.IntegrationTests.Accounts;

/// <summary>
/// After signing up the visitor is told plainly to check their mailbox, on a page that reads the same whether or not the
/// address already had an account (only the address they typed differs).
/// </summary>
public sealed class CheckMailboxTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    [Fact]
    public async Task Sign_up_ends_on_a_check_your_mailbox_page_that_is_the_same_for_a_new_and_a_known_address()
    {
        await TestUsers.CreateAsync(app, "known-mailbox@example.cn", []);

        var fresh = await PageAsync("new-mailbox@example.cn");
        var known = await PageAsync("known-mailbox@example.cn");

        foreach (var (html, address) in new[] { (fresh, "new-mailbox@example.cn"), (known, "known-mailbox@example.cn") })
        {
            Assert.Contains("<title>请查收邮件</title>", html, StringComparison.Ordinal);
            Assert.Contains(">请查收邮件</h1>", html, StringComparison.Ordinal);
            Assert.Contains($"邮件发往： <strong>{address}</strong>", html, StringComparison.Ordinal);
            Assert.Contains("请查看垃圾邮件箱", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/account/login\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"password\"", html, StringComparison.Ordinal);
        }
        Assert.Equal(CardOf(fresh).Replace("new-mailbox@example.cn", "", StringComparison.Ordinal), CardOf(known).Replace("known-mailbox@example.cn", "", StringComparison.Ordinal));
    }

    private async Task<string> PageAsync(string email)
    {
        var response = await ConfirmedAddressTests.RegisterAsync(app.CreateRawClient(), email, "Mailbox#Passw0rd");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The account card, without the per-request parts of the page (nonces, antiforgery tokens).</summary>
    private static string CardOf(string html)
    {
        var start = html.IndexOf("account-form", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }
}
