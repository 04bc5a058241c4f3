using Events.Core.Reviews.Conflicts;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Pages.Reviews;

/// <summary>A conflict's reason in the reader's language, followed by what triggered it.</summary>
public static class ConflictText
{
    public static string Describe(IStringLocalizer<SharedResource> l, ConflictReason reason, string? detail)
    {
        string text = l[$"ConflictReason.{reason}"];
        if (detail is null) return text;
        return l.WithNote(text, detail);
    }
}
