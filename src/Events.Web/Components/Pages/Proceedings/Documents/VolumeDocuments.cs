using Events.Infrastructure.Proceedings;
using Events.Web.Components.Documents;
using Events.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Pages.Proceedings.Documents;

/// <summary>The volume's laid-out parts, written by this folder's components; the volume is printed in Chinese.</summary>
public sealed class VolumeDocuments(DocumentHtml html, IStringLocalizer<SharedResource> localizer) : IVolumeDocuments
{
    private VolumeLabels? labels;

    public VolumeLabels Labels => labels ??= InDocumentCulture(() => new VolumeLabels(
        localizer["Proceedings.Cover"],
        localizer["Proceedings.Preface"],
        localizer["Proceedings.Contents"],
        localizer["Proceedings.AuthorIndex"],
        localizer["Proceedings.Ungrouped"],
        localizer["ProceedingsKind.Abstracts"]));

    public Task<string> MatterAsync(MatterModel model) =>
        html.RenderAsync<VolumeMatter>(new Dictionary<string, object?> { ["Model"] = model, ["Labels"] = Labels });

    public Task<string> AbstractsAsync(AbstractsModel model) =>
        html.RenderAsync<VolumeAbstracts>(new Dictionary<string, object?> { ["Model"] = model });

    private static T InDocumentCulture<T>(Func<T> read)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = DocumentHtml.DocumentCulture;
        try
        {
            return read();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
