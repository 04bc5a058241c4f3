using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Events.IntegrationTests.Pdf;

/// <summary>One font resource of a PDF: its base name, its subtype (Type0, TrueType, Type3 …) and whether its program is embedded.</summary>
public sealed record PdfFontInfo(string Name, string Subtype, string? DescendantSubtype, bool Embedded);

public sealed record PdfBookmark(string Title, int Level, int? Page);

/// <summary>
/// The checks every generated PDF must pass (architecture.md, "Documents"): qpdf finds no damage, every font is embedded,
/// none is Type 3, the text reads back exactly, bookmarks where they should be. Usable by any test that makes a PDF.
/// </summary>
public static class PdfQuality
{
    /// <summary>Runs <c>qpdf --check</c> (Debian package qpdf; .ci/run installs it). Exit code 0 means no errors or warnings.</summary>
    public static (int ExitCode, string Output) QpdfCheck(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pdfcheck-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("qpdf", ["--check", file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("qpdf could not be started; install it with 'apt-get install qpdf'.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result + errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every top-level font object in the file (fonts used in forms included), found by scanning all objects.</summary>
    public static IReadOnlyList<PdfFontInfo> Fonts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var structure = document.Structure;
        var fonts = new List<PdfFontInfo>();
        foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            if (structure.GetObject(reference).Data is not DictionaryToken dict || Name(dict, NameToken.Type) != "Font") continue;
            var subtype = Name(dict, NameToken.Subtype) ?? "";
            if (subtype.StartsWith("CIDFontType", StringComparison.Ordinal)) continue; // reported through its Type0 parent
            var baseFont = Name(dict, NameToken.BaseFont) ?? "(unnamed)";
            string? descendantSubtype = null;
            var descriptorOwner = dict;
            if (subtype == "Type0" && dict.TryGet(NameToken.DescendantFonts, out var descendants)
                && Resolve(structure, descendants) is ArrayToken { Length: > 0 } array && Resolve(structure, array[0]) is DictionaryToken descendant)
            {
                descriptorOwner = descendant;
                descendantSubtype = Name(descendant, NameToken.Subtype);
            }
            var embedded = descriptorOwner.TryGet(NameToken.FontDescriptor, out var d) && Resolve(structure, d) is DictionaryToken descriptor
                && (descriptor.ContainsKey(NameToken.FontFile) || descriptor.ContainsKey(NameToken.FontFile2) || descriptor.ContainsKey(NameToken.FontFile3));
            fonts.Add(new PdfFontInfo(baseFont, subtype, descendantSubtype, embedded));
        }
        return fonts;
    }

    /// <summary>The text of each page in reading order as PdfPig extracts it.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    public static int PageCount(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    /// <summary>All text with every kind of white space removed, so a sentence broken across lines or pages still matches its source.</summary>
    public static string CompactText(byte[] pdf) => Compact(string.Concat(PageTexts(pdf)));

    public static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => !char.IsWhiteSpace(c))) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>Characters from the Kangxi Radicals and CJK Radicals Supplement blocks, which a broken font mapping puts in place of normal characters.</summary>
    public static IReadOnlyList<char> RadicalCharacters(string text) =>
        text.Where(c => c is >= '\u2E80' and <= '\u2FDF').Distinct().ToList();

    public static IReadOnlyList<PdfBookmark> Bookmarks(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        if (!document.TryGetBookmarks(out var bookmarks)) return [];
        return bookmarks.GetNodes()
            .Select(n => new PdfBookmark(n.Title, n.Level, n is DocumentBookmarkNode page ? page.PageNumber : null))
            .ToList();
    }

    /// <summary>The structural checks in one call, with a message that says which failed.</summary>
    public static void AssertSound(byte[] pdf)
    {
        var (exit, output) = QpdfCheck(pdf);
        Assert.True(exit == 0, "qpdf --check failed:\n" + output);
        var fonts = Fonts(pdf);
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"Font {f.Name} ({f.Subtype}) is not embedded"));
        Assert.All(fonts, f => Assert.True(f.Subtype != "Type3", $"Font {f.Name} is Type 3"));
        var radicals = RadicalCharacters(string.Concat(PageTexts(pdf)));
        Assert.True(radicals.Count == 0, "Kangxi radicals in the text: " + string.Concat(radicals));
    }

    /// <summary>Each source string appears in the PDF's text exactly (white space aside).</summary>
    public static void AssertContainsText(byte[] pdf, params IEnumerable<string> expected)
    {
        var text = CompactText(pdf);
        foreach (var s in expected) Assert.True(text.Contains(Compact(s), StringComparison.Ordinal), $"The PDF does not contain “{s}”");
    }

    private static string? Name(DictionaryToken dict, NameToken key) =>
        dict.TryGet(key, out var token) && token is NameToken name ? name.Data : null;

    private static IToken Resolve(UglyToad.PdfPig.Structure structure, IToken token) =>
        token is IndirectReferenceToken reference ? structure.GetObject(reference.Data).Data : token;
}
