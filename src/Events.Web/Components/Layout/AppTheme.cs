using MudBlazor;

namespace Events.Web.Components.Layout;

/// <summary>
/// The app's MudBlazor theme. Its style sheet (the palette as CSS variables, several KB) is written once per page by the
/// MudThemeProvider in App's head, which renders statically: inside the interactive layout every circuit would keep its
/// own copy of the text and the provider's render tree for as long as the tab stays open.
/// </summary>
public static class AppTheme
{
    // The seed bulletin's masthead red, darkened to keep white text above 4.5:1 contrast.
    public static readonly MudTheme Theme = new()
    {
        // Error, success and info are darkened the same way, for coloured text (删除, 没有发现冲突) on white.
        PaletteLight = new PaletteLight
        {
            Primary = "#B71C1C", AppbarBackground = "#B71C1C", Secondary = "#37474F", Error = "#C62828", Success = "#2E7D32", Info = "#1565C0", Warning = "#B45309",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"] },
            // Capitals suit neither Chinese nor English sentences and dates ("12 JUN 2026"): buttons keep the text's own case.
            Button = new ButtonTypography { TextTransform = "none" },
            Overline = new OverlineTypography { TextTransform = "none" },
        },
    };
}
