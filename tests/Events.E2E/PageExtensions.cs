using Microsoft.Playwright;

namespace Events.E2E;

public static class PageExtensions
{
    /// <summary>Navigates and waits until the Blazor circuit is live, so typed input reaches the server.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Signs in and lands, live, on <paramref name="path"/>. The login form is filled once per account for the whole
    /// run (<see cref="BrowserApp.SignedInCookiesAsync"/>); later sign-ins carry that session's cookies over.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string path)
    {
        await page.Context.AddCookiesAsync(await BrowserApp.SignedInCookiesAsync(email, password));
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static Task SignInAsOrganizerAsync(this IPage page, string path) =>
        page.SignInAsync(BrowserApp.OrganizerEmail, BrowserApp.OrganizerPassword, path);

    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive=true]").WaitForAsync();

    /// <summary>The input of a MudBlazor field, whether the test id landed on the input or on its wrapper.</summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>Picks an option of a MudSelect by its visible text.</summary>
    public static Task SelectMudOptionAsync(this IPage page, string testId, string optionText) =>
        page.GetByTestId(testId).PickMudOptionAsync(o => o.GetByText(optionText, new() { Exact = true }));

    /// <summary>
    /// Opens a MudSelect, clicks the option <paramref name="choose"/> finds among the open list's items, and waits for that
    /// list to close, so the next select's options are not confused with this one's while it fades out.
    /// </summary>
    public static async Task PickMudOptionAsync(this ILocator select, Func<ILocator, ILocator> choose)
    {
        var page = select.Page;
        await select.ClickAsync();
        var option = choose(page.Locator(".mud-popover-open .mud-list-item"));
        await option.ClickAsync();
        await Assertions.Expect(option).ToHaveCountAsync(0);
    }
}
