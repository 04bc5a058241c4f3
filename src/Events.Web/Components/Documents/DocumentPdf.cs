using Events.Infrastructure.Pdf;
using Microsoft.AspNetCore.Components;

namespace Events.Web.Components.Documents;

/// <summary>A document component printed to PDF: <see cref="DocumentHtml"/> writes the HTML, <see cref="PdfRenderer"/> prints it.</summary>
public sealed class DocumentPdf(DocumentHtml html, PdfRenderer renderer)
{
    public async Task<byte[]> RenderAsync<TComponent>(IReadOnlyDictionary<string, object?> parameters, PdfRenderOptions? options = null, CancellationToken ct = default)
        where TComponent : IComponent =>
        await renderer.RenderAsync(await html.RenderAsync<TComponent>(parameters), options, ct);
}
