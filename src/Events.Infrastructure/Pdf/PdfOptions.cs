namespace Events.Infrastructure.Pdf;

/// <summary>Settings under Pdf:* for the Chromium that prints documents.</summary>
public sealed class PdfOptions
{
    /// <summary>A Chromium or Chrome executable; empty means look in the usual places (see <see cref="ChromiumLocator"/>).</summary>
    public string? BrowserPath { get; set; }

    /// <summary>
    /// The folder documents load their fonts and styles from, by paths relative to it ("fonts/…"): the web root,
    /// so the browser preview and the PDF read the same files.
    /// </summary>
    public string AssetRoot { get; set; } = "";

    /// <summary>Pages kept open for reuse; renders beyond this many wait their turn.</summary>
    public int PoolSize { get; set; } = 2;

    /// <summary>How long one document may take to load and print before the render fails.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}
