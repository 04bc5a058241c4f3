using System.Globalization;
using Events.Core.Bulletins;
using Events.Core.Events;
using Events.Web.Components.Documents;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Pages.Bulletins;

/// <summary>The sentence patterns of a drafted issue, read from the resources in the document language (Chinese).</summary>
public static class DraftPhrases
{
    public static BulletinDraftPhrases From(IStringLocalizer<SharedResource> L)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = DocumentHtml.DocumentCulture;
        try
        {
            return new BulletinDraftPhrases
            {
                Title = L["BulletinDraft.Title"],
                Held = L["BulletinDraft.Held"],
                HeldIn = L["BulletinDraft.HeldIn"],
                Theme = L["BulletinDraft.Theme"],
                PartOf = L["BulletinDraft.PartOf"],
                NoteClosing = L["BulletinDraft.NoteClosing"],
                OverviewHeading = L["BulletinDraft.OverviewHeading"],
                Units = L["BulletinDraft.Units"],
                UnitLabels = Enum.GetValues<OrganizerRole>().ToDictionary(r => r, r => L[$"OrganizerRole.{r}"].Value),
                SpeakersHeading = L["BulletinDraft.SpeakersHeading"],
                Chair = L["BulletinDraft.Chair"],
                Talk = L["BulletinDraft.Talk"],
                Address = L["BulletinDraft.Address"],
                Panel = L["BulletinDraft.Panel"],
                Discussant = L["BulletinDraft.Discussant"],
                ReleaseHeading = L["BulletinDraft.ReleaseHeading"],
                Release = L["BulletinDraft.Release"],
            };
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
