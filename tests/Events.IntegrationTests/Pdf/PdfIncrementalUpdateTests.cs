using Events.Infrastructure.Pdf;
using Events.Infrastructure.Proceedings;
using PdfSharp.Drawing;
using PdfSharp.Pdf.IO;
using UglyToad.PdfPig.Tokens;
using Xunit;

namespace Events.IntegrationTests.Pdf;

/// <summary>
/// <see cref="PdfIncrementalUpdate"/> appends changed and new objects after a file's end: the original bytes stay as they
/// are, qpdf finds nothing wrong, and PDFsharp and PdfPig both read the changed objects (also through two updates in a row).
/// </summary>
public sealed class PdfIncrementalUpdateTests
{
    [Fact]
    public void Appended_objects_replace_the_originals_and_the_file_stays_sound()
    {
        var original = ThreePages();
        byte[] updated;
        using (var reading = UglyToad.PdfPig.PdfDocument.Open(original))
        {
            var update = new PdfIncrementalUpdate(original, reading);
            var catalogRef = reading.Structure.Trailer.Root;
            var catalog = (DictionaryToken)update.Resolve(new IndirectReferenceToken(catalogRef))!;
            update.Set(catalogRef, catalog.With("Lang", new StringToken("zh-CN")));
            // Page 2 gets a second content stream (a line) and a new object of its own.
            var pageRef = ((IndirectReferenceToken)((ArrayToken)update.Resolve(((DictionaryToken)update.Resolve(catalog.Data["Pages"])!).Data["Kids"])!).Data[1]).Data;
            var page = (DictionaryToken)update.Resolve(new IndirectReferenceToken(pageRef))!;
            var line = update.AddStream(new DictionaryToken(new Dictionary<NameToken, IToken>()), "q 0 0 m 100 100 l S Q\n"u8);
            var contents = page.Data["Contents"] is ArrayToken many ? many.Data.ToList() : [page.Data["Contents"]];
            contents.Add(new IndirectReferenceToken(line));
            update.Set(pageRef, page.With("Contents", new ArrayToken(contents)).With("Rotate", new NumericToken(90)));
            updated = update.ToArray();
        }

        Assert.True(updated.AsSpan(0, original.Length).SequenceEqual(original), "the original bytes are kept as they are");
        AssertSound(updated);
        using (var sharp = PdfReader.Open(new MemoryStream(updated), PdfDocumentOpenMode.Import))
        {
            Assert.Equal(3, sharp.PageCount);
            Assert.Equal("zh-CN", sharp.Internals.Catalog.Elements.GetString("/Lang"));
            Assert.Equal(90, sharp.Pages[1].Elements.GetInteger("/Rotate"));
            Assert.Equal(2, sharp.Pages[1].Contents.Elements.Count);
        }
        using (var pig = UglyToad.PdfPig.PdfDocument.Open(updated))
        {
            Assert.Equal(["Page 1", "Page 2", "Page 3"], pig.GetPages().Select(p => p.Text).ToArray());
            Assert.Equal(90, pig.GetPage(2).Rotation.Value);
            Assert.Equal(0, pig.GetPage(1).Rotation.Value);
        }

        // A second update goes on top of the first (its /Prev points at the first update's table).
        byte[] twice;
        using (var reading = UglyToad.PdfPig.PdfDocument.Open(updated))
        {
            var update = new PdfIncrementalUpdate(updated, reading);
            var catalogRef = reading.Structure.Trailer.Root;
            var catalog = (DictionaryToken)update.Resolve(new IndirectReferenceToken(catalogRef))!;
            Assert.Equal("zh-CN", ((StringToken)catalog.Data["Lang"]).Data);
            update.Set(catalogRef, catalog.With("Lang", new StringToken("en")));
            twice = update.ToArray();
        }
        AssertSound(twice);
        using (var sharp = PdfReader.Open(new MemoryStream(twice), PdfDocumentOpenMode.Import))
        {
            Assert.Equal("en", sharp.Internals.Catalog.Elements.GetString("/Lang"));
            Assert.Equal(90, sharp.Pages[1].Elements.GetInteger("/Rotate"));
        }
    }

    [Fact]
    public void Only_objects_of_the_file_or_allocated_ones_can_be_set()
    {
        var original = ThreePages();
        using var reading = UglyToad.PdfPig.PdfDocument.Open(original);
        var update = new PdfIncrementalUpdate(original, reading);
        var beyond = new UglyToad.PdfPig.Core.IndirectReference(reading.Structure.Trailer.Size + 5, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => update.Set(beyond, new NumericToken(1)));
        var fresh = update.Allocate();
        Assert.Equal(reading.Structure.Trailer.Size, fresh.ObjectNumber);
        update.Set(fresh, new NumericToken(1));
    }

    private static void AssertSound(byte[] pdf)
    {
        var (exit, output) = PdfQuality.QpdfCheck(pdf);
        Assert.True(exit == 0, "qpdf --check failed:\n" + output);
    }

    /// <summary>A three-page PDF written by PDFsharp (a classic cross-reference table, as Chromium writes), one line of text a page.</summary>
    private static byte[] ThreePages()
    {
        StampFonts.EnsureInstalled();
        using var doc = new PdfSharp.Pdf.PdfDocument();
        doc.Options.NoCompression = true;
        doc.Options.CompressContentStreams = false;
        for (var i = 1; i <= 3; i++)
        {
            var page = doc.AddPage();
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawString($"Page {i}", new XFont(StampFonts.Family, 12, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault), XBrushes.Black, new XPoint(72, 72));
        }
        using var output = new MemoryStream();
        doc.Save(output, closeStream: false);
        return output.ToArray();
    }
}
