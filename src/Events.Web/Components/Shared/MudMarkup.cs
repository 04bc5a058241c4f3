using Microsoft.AspNetCore.Components;

namespace Events.Web.Components.Shared;

/// <summary>
/// MudBlazor's classes for controls written as plain markup on pages that stay open in a circuit (the organizer's
/// timetable): a MudButton, MudIcon or MudChip is a component that keeps its state, parameters and two render trees for as
/// long as the tab is open (docs/benchmarks.md, "Idle organizer circuits"), while a plain element with the same classes
/// looks the same and costs nothing once rendered.
/// </summary>
public static class MudMarkup
{
    /// <summary>The classes MudButton writes for a variant ("text", "outlined", "filled"), a colour, a size and FullWidth.</summary>
    public static string Button(string variant = "text", string color = "default", string size = "medium", bool fullWidth = false) =>
        $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-{color} mud-button-{variant}-size-{size}{(fullWidth ? " mud-width-full" : "")} mud-ripple";

    /// <summary>A MudBlazor icon (one of <c>Icons.Material</c>'s paths) as MudIcon writes it, at the start of a button's label.</summary>
    public static MarkupString StartIcon(string icon, string size = "medium") => new(
        $"<span class=\"mud-button-icon-start mud-button-icon-size-{size}\"><svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg></span>");

    /// <summary>
    /// An icon alone (for an icon button, a menu button), as MudIcon writes it: with a <paramref name="color"/> if one is
    /// set, and the <paramref name="classes"/> the component around it adds (MudNavLink's icon).
    /// </summary>
    public static MarkupString Icon(string icon, string size = "medium", string? color = null, string? classes = null) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon{(color is null ? "" : " mud-icon-" + color)} mud-icon-size-{size}{(classes is null ? "" : " " + classes)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>");
}
