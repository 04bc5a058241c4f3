using System.IO.Compression;
using Events.Core.Proceedings;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Events.Infrastructure.Proceedings;

/// <summary>The words the volume prints or bookmarks that are not data: section names, in the volume's language.</summary>
public sealed record VolumeLabels(string Cover, string Preface, string Contents, string AuthorIndex, string Ungrouped, string Abstracts);

/// <summary>The volume's document properties.</summary>
public sealed record VolumeMetadata(string Title, string Author, string Subject, string Keywords)
{
    public const string Creator = "Events";
}

/// <summary>Pages of a paper inside a source PDF: a camera-ready file, or its part of the rendered book of abstracts.</summary>
public sealed record BodyPart(PlacedPaper Paper, PdfDocument Source, int FirstSourcePage);

/// <summary>
/// What the assembler puts together. <see cref="Matter"/> is the laid-out front matter followed by the author index,
/// printed as one document: its first <see cref="VolumeLayout.FrontMatterPages"/> pages open the volume and the rest
/// close it. Its headings (cover, preface, contents, index) are known by the 0-based page each starts on in it.
/// </summary>
public sealed record VolumeParts(
    VolumeLayout Layout,
    PdfDocument Matter,
    IReadOnlyList<(string Title, int Page)> MatterHeadings,
    IReadOnlyList<BodyPart> Body,
    string VolumeTitle,
    RunningHeader Header,
    VolumeLabels Labels,
    VolumeMetadata Metadata);

/// <summary>
/// Puts a volume together with PDFsharp: imports every page in order, stamps the running header and page number on each,
/// adds bookmarks and document properties, and saves. Stamps are drawn in the shipped CJK TrueType face
/// (<see cref="StampFonts"/>) straight onto the imported pages, which keeps a 1,000-page volume to a second or so.
/// </summary>
public static class VolumeAssembler
{
    private const double FontSize = 8;
    private const double EdgeOffset = 20;
    private const double SideMargin = 42;
    private static readonly XColor Ink = XColor.FromArgb(255, 80, 80, 80);

    public static void Assemble(VolumeParts parts, Stream output, IProgress<int>? pagesDone = null, CancellationToken ct = default)
    {
        StampFonts.EnsureInstalled();
        using var volume = new PdfDocument();
        // PDFsharp 6.2.4 leaves its own small Flate streams unterminated (qpdf warns "input stream is complete but output
        // may still be valid"), so it writes the stamps uncompressed and CompressStamps deflates them with .NET's zlib.
        volume.Options.CompressContentStreams = false;
        volume.PageMode = PdfPageMode.UseOutlines;

        var font = new XFont(StampFonts.Family, FontSize, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        var pen = new XPen(Ink, 0.4);
        var brush = new XSolidBrush(Ink);
        var done = 0;

        void Report()
        {
            done++;
            if (done % 20 == 0) pagesDone?.Report(done);
        }

        // Front matter: the cover is page 1 and carries no number.
        var front = parts.Layout.FrontMatterPages;
        for (var i = 0; i < front; i++)
        {
            ct.ThrowIfCancellationRequested();
            var added = volume.AddPage(parts.Matter.Pages[i]);
            if (volume.PageCount > 1) StampNumber(added, volume.PageCount, font, brush);
            CompressStamps(added);
            Report();
        }
        Check(volume.PageCount == parts.Layout.FrontMatterPages, "front matter");

        var starts = new List<(PlacedPaper Paper, PdfPage Page)>();
        foreach (var part in parts.Body)
        {
            var side = parts.Header == RunningHeader.Authors ? part.Paper.Paper.AuthorLine : part.Paper.Paper.Title;
            for (var i = 0; i < part.Paper.PageCount; i++)
            {
                ct.ThrowIfCancellationRequested();
                var added = volume.AddPage(part.Source.Pages[part.FirstSourcePage + i]);
                Check(volume.PageCount == part.Paper.StartPage + i, $"paper {part.Paper.Paper.SubmissionId}");
                if (i == 0) starts.Add((part.Paper, added));
                StampPaperPage(added, volume.PageCount, parts.VolumeTitle, side, font, pen, brush);
                CompressStamps(added);
                Report();
            }
        }

        var indexStart = volume.PageCount;
        for (var i = front; i < parts.Matter.PageCount; i++)
        {
            ct.ThrowIfCancellationRequested();
            var added = volume.AddPage(parts.Matter.Pages[i]);
            StampNumber(added, volume.PageCount, font, brush);
            CompressStamps(added);
            Report();
        }
        Check(indexStart + 1 == parts.Layout.IndexStartPage, "author index");

        AddBookmarks(volume, parts, starts, indexStart);
        SetMetadata(volume, parts.Metadata);
        ct.ThrowIfCancellationRequested();
        volume.Save(output, closeStream: false);
        pagesDone?.Report(done);
    }

    private static void Check(bool holds, string where)
    {
        // The layout computed the table of contents from these counts; a mismatch would print wrong page numbers.
        if (!holds) throw new InvalidOperationException($"The {where} does not have the pages the layout expected.");
    }

    private static void StampNumber(PdfPage page, int number, XFont font, XBrush brush)
    {
        using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var size = gfx.MeasureString(text, font);
        gfx.DrawString(text, font, brush, new XPoint((gfx.PageSize.Width - size.Width) / 2, gfx.PageSize.Height - EdgeOffset));
    }

    /// <summary>Volume title on the left, the paper's title or authors on the right, a hairline under both, the page number at the foot.</summary>
    private static void StampPaperPage(PdfPage page, int number, string volumeTitle, string side, XFont font, XPen pen, XBrush brush)
    {
        using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var width = gfx.PageSize.Width;
        var half = (width - 2 * SideMargin) / 2 - 6;
        var left = Fit(gfx, volumeTitle, font, half);
        var right = Fit(gfx, side, font, half);
        var baseline = EdgeOffset + FontSize;
        gfx.DrawString(left, font, brush, new XPoint(SideMargin, baseline));
        gfx.DrawString(right, font, brush, new XPoint(width - SideMargin - gfx.MeasureString(right, font).Width, baseline));
        gfx.DrawLine(pen, SideMargin, baseline + 3, width - SideMargin, baseline + 3);
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        gfx.DrawString(text, font, brush, new XPoint((width - gfx.MeasureString(text, font).Width) / 2, gfx.PageSize.Height - EdgeOffset));
    }

    /// <summary>Deflates the page's unfiltered content streams (the stamps just drawn) with a complete zlib stream.</summary>
    internal static void CompressStamps(PdfPage page)
    {
        foreach (var item in page.Contents.Elements)
        {
            var content = (item as PdfReference)?.Value as PdfDictionary ?? item as PdfDictionary;
            if (content?.Stream is not { } stream || content.Elements.ContainsKey("/Filter")) continue;
            using var packed = new MemoryStream();
            using (var zlib = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(stream.Value);
            stream.Value = packed.ToArray();
            content.Elements.SetName("/Filter", "/FlateDecode");
        }
    }

    /// <summary>Shortens text with an ellipsis until it fits the width; headers must never run into each other.</summary>
    internal static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        if (gfx.MeasureString(text, font).Width <= width) return text;
        int lo = 0, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (gfx.MeasureString(string.Concat(text.AsSpan(0, mid), "…"), font).Width <= width) lo = mid;
            else hi = mid - 1;
        }
        // Never cut a surrogate pair in half.
        if (lo > 0 && char.IsHighSurrogate(text[lo - 1])) lo--;
        return string.Concat(text.AsSpan(0, lo).TrimEnd(), "…");
    }

    private static void AddBookmarks(PdfDocument volume, VolumeParts parts, List<(PlacedPaper Paper, PdfPage Page)> starts, int indexStart)
    {
        var front = parts.Layout.FrontMatterPages;
        foreach (var (title, page) in parts.MatterHeadings.Where(h => h.Page < front))
        {
            volume.Outlines.Add(title, volume.Pages[page], opened: false);
        }
        var byId = starts.ToDictionary(s => s.Paper.Paper.SubmissionId, s => s.Page);
        foreach (var section in parts.Layout.Sections.Where(s => s.Papers.Count > 0))
        {
            var papers = section.Heading is null
                ? volume.Outlines
                : volume.Outlines.Add(section.Heading, byId[section.Papers[0].Paper.SubmissionId], opened: true).Outlines;
            foreach (var placed in section.Papers)
            {
                papers.Add(placed.Paper.Title, byId[placed.Paper.SubmissionId], opened: false);
            }
        }
        if (parts.Matter.PageCount > front) volume.Outlines.Add(parts.Labels.AuthorIndex, volume.Pages[indexStart], opened: false);
    }

    private static void SetMetadata(PdfDocument volume, VolumeMetadata metadata)
    {
        volume.Info.Title = metadata.Title;
        volume.Info.Author = metadata.Author;
        volume.Info.Subject = metadata.Subject;
        volume.Info.Keywords = metadata.Keywords;
        volume.Info.Creator = VolumeMetadata.Creator;
    }
}
