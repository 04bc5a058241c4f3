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
    /// <summary>The classes MudButton writes for a variant ("text", "outlined", "filled"), a colour and a size.</summary>
    public static string Button(string variant = "text", string color = "default", string size = "medium") =>
        $"mud-button-root mud-button mud-button-{variant} mud-button-{variant}-{color} mud-button-{variant}-size-{size} mud-ripple";

    /// <summary>A MudBlazor icon (one of <c>Icons.Material</c>'s paths) as MudIcon writes it, at the start of a button's label.</summary>
    public static MarkupString StartIcon(string icon, string size = "medium") => new(
        $"<span class=\"mud-button-icon-start mud-button-icon-size-{size}\"><svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg></span>");

    /// <summary>An icon alone (for an icon button), as MudIcon writes it.</summary>
    public static MarkupString Icon(string icon, string size = "medium") => new(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>");
}
