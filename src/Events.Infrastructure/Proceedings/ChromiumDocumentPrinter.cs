using Events.Infrastructure.Pdf;

namespace Events.Infrastructure.Proceedings;

/// <summary>Prints the volume's laid-out parts with the process's one Chromium.</summary>
public sealed class ChromiumDocumentPrinter(PdfRenderer renderer) : IDocumentPrinter
{
    public Task<byte[]> PrintAsync(string html, bool outline, CancellationToken ct) =>
        renderer.RenderAsync(html, new PdfRenderOptions { Outline = outline }, ct);
}
