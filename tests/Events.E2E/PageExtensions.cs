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

    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive=true]").WaitForAsync();

    /// <summary>The input of a MudBlazor field, whether the test id landed on the input or on its wrapper.</summary>
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>Picks an option of a MudSelect by its visible text.</summary>
    public static async Task SelectMudOptionAsync(this IPage page, string testId, string optionText)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(optionText, new() { Exact = true }).ClickAsync();
    }
}
