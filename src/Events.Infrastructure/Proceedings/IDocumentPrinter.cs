namespace Events.Infrastructure.Proceedings;

/// <summary>
/// Prints a complete HTML document to PDF. <paramref name="outline"/> asks for bookmarks made from the headings,
/// which the builder reads back to learn where each part starts.
/// </summary>
public interface IDocumentPrinter
{
    Task<byte[]> PrintAsync(string html, bool outline, CancellationToken ct);
}
