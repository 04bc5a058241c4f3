using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Events.Core.Bulletins;
using Events.Core.Certificates;
using Events.Core.OnSite;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Certificates;
using Events.Infrastructure.OnSite;
using Events.Web.Components.Documents;
using Events.Web.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Pdf;

/// <summary>
/// Names in scripts the Chinese fonts lack (foreign delegates, self-typed emoji) print with the shipped 'Events World' and
/// 'Events World Serif' fonts: embedded TrueType subsets, never a system fallback's Type 3 font, and the names read back.
/// </summary>
[Collection(PdfCollection.Name)]
public sealed partial class WorldScriptTests(PdfAppFixture fx)
{
    /// <summary>One name per script a forum's delegates bring, in the order they are written (logical order).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Анна Смирнова",            // Russian (Cyrillic)
        "Γιώργος Παπαδάκης",        // Greek
        "محمد بن راشد",             // Arabic
        "دانیال کریمی",              // Persian (Arabic script, its own letters)
        "דוד כהן",                  // Hebrew
        "สมชาย ใจดี",                // Thai
        "राहुल शर्मा",                // Hindi (Devanagari)
        "김민준",                    // Korean (Hangul)
        "佐藤さくら",                 // Japanese (kana)
        "Nguyễn Thị Hương",         // Vietnamese
        "Łukasz Dvořák",            // Polish and Czech
        "Şükrü Güneş",              // Turkish
        "王小明 🐼😀",                // emoji typed into a name
    ];

    [Fact]
    public async Task Badges_with_names_in_every_script_and_emoji_embed_TrueType_subsets_and_read_back()
    {
        var badges = Names.Select((n, i) => new BadgeView(1000 + i, n, "Центр 研究院 مركز", "研究员", i % 2 == 0 ? BadgeBand.Delegate : BadgeBand.Speaker,
            $"https://example.org/b/{i}", $"W{i:000}", 1)).ToList();
        var sheet = new BadgeSheet(1, "国际智库论坛", null, BadgePaper.A4, badges);

        var pdf = await OnSiteEndpoints.BadgePdfAsync(fx.App.Get<DocumentPdf>(), sheet, CancellationToken.None);

        AssertWorldSound(pdf);
        AssertNamesReadBack(pdf, Names);
        // Badge names are bold: the scripts print from real bold faces, not a synthesized stroke (which would be Type 3).
        var fonts = PdfQuality.Fonts(pdf);
        foreach (var family in new[] { "NotoSans-", "NotoSansArabic", "NotoSansHebrew", "NotoSansThai", "NotoSansDevanagari", "NotoSansKR" })
        {
            Assert.Contains(fonts, f => f.Name.Contains("+" + family, StringComparison.Ordinal) && f.Name.EndsWith("-Bold", StringComparison.Ordinal));
        }
        Assert.Contains(fonts, f => f.Name.Contains("NotoEmoji", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_certificate_in_the_serif_stack_prints_the_names_with_embedded_fonts()
    {
        // Left-to-right names share a line; each right-to-left name has its own (between two of them the separators would
        // join the right-to-left run and move with it).
        var rtl = Names.Where(n => n.Any(IsRightToLeft)).ToList();
        var body = "兹证明" + string.Join("、", Names.Except(rtl)) + "\n" + string.Join("\n", rtl) + "\n参加国际智库论坛。";
        var print = new CertificatePrint(1, 1, CertificateKind.Attendance, "zh-CN", "Институт 研究院 🌏", "参会证明 · شهادة", body, "论坛组委会",
            "2026年12月7日", Names[0], "https://example.org/verify/x", "C-0001", null, null, "attendance-1-1.pdf", "验证码", "扫码验证");

        var pdf = await fx.App.Get<ICertificatePrinter>().PrintAsync([print]);

        AssertWorldSound(pdf);
        AssertNamesReadBack(pdf, [.. Names, "Институт研究院🌏", "参会证明·شهادة"]);
    }

    [Fact]
    public void Every_document_font_stack_has_the_world_family_of_its_kind_and_every_world_sheet_is_linked()
    {
        var webRoot = fx.App.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath;
        var stacks = Directory.GetFiles(Path.Combine(webRoot, "documents"), "*.css")
            .SelectMany(file => FontFamily().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Stack: m.Groups[1].Value.Trim())))
            .Where(s => s.Stack != "inherit")
            .Concat(Enum.GetValues<BulletinFace>().Select(face => (File: $"BulletinStyleSheet {face}", Stack: BulletinStyleSheet.Family(face))))
            .ToList();
        Assert.True(stacks.Count > 10, "the documents' font-family lists were not found");
        foreach (var (file, stack) in stacks)
        {
            // …, 'Events World' [, 'Events Serif Ext'], sans-serif or …, 'Events World Serif' [, 'Events Serif Ext'], serif: the
            // world faces come before the rare-character files, whose Latin and Cyrillic have no bold.
            var families = stack.Split(',').Select(f => f.Trim()).ToList();
            var world = families[^1] switch { "serif" => "'Events World Serif'", "sans-serif" => "'Events World'", _ => null };
            var tail = families[^2] == "'Events Serif Ext'" ? families[^3] : families[^2];
            Assert.True(world is not null && tail == world, $"{file}: font-family: {stack} does not end with {world ?? "a generic family"} (and 'Events Serif Ext')");
        }

        // Every folder declaring 'Events World' is linked from the shared document shell, and each of its files exists with its licence beside it.
        var declaring = Directory.GetFiles(Path.Combine(webRoot, "fonts"), "fonts.css", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("font-family: 'Events World", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(webRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(declaring, PrintDocument.WorldFonts.Order(StringComparer.Ordinal).ToList());
        foreach (var sheet in declaring)
        {
            var folder = Path.GetDirectoryName(Path.Combine(webRoot, sheet))!;
            Assert.True(File.Exists(Path.Combine(folder, "LICENSE")), $"{sheet} has no LICENSE beside it");
            foreach (Match url in FontUrl().Matches(File.ReadAllText(Path.Combine(webRoot, sheet))))
            {
                Assert.True(File.Exists(Path.Combine(folder, url.Groups[1].Value)), $"{sheet} names a missing file {url.Groups[1].Value}");
            }
        }
    }

    /// <summary>PdfQuality's checks, and every font a TrueType-outline CID subset (a Type 3 or a bare Type 1 would mean a system fallback).</summary>
    private static void AssertWorldSound(byte[] pdf)
    {
        PdfQuality.AssertSound(pdf);
        Assert.All(PdfQuality.Fonts(pdf), f => Assert.True(f.Subtype == "Type0" && f.DescendantSubtype == "CIDFontType2",
            $"Font {f.Name} is {f.Subtype}/{f.DescendantSubtype}, not a TrueType CID subset"));
    }

    /// <summary>
    /// Each name is in the PDF's text once both are normalized: NFKC (Arabic letters read back as their presentation forms,
    /// e.g. U+FEE3 for a medial meem, which NFKC folds to the letter), white space dropped, and right-to-left runs turned
    /// back to logical order (Chromium draws an Arabic or Hebrew word's glyphs left to right, so they read back reversed).
    /// Runs are reversed before NFKC so a lam-alef ligature's two letters keep their order.
    /// </summary>
    private static void AssertNamesReadBack(byte[] pdf, IEnumerable<string> names)
    {
        var text = Logical(PdfQuality.Compact(TextWithActualText(pdf)));
        foreach (var name in names)
        {
            var expected = PdfQuality.Compact(name).Normalize(NormalizationForm.FormKC);
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"The PDF does not read back “{name}”. Its text: {text}");
        }
    }

    /// <summary>
    /// The pages' text with each marked-content span's /ActualText in place of its glyphs. Chromium writes one for a cluster
    /// whose glyphs do not map back to its characters one by one: Noto Sans Arabic draws a letter as its dotless form plus
    /// dots (ش as س and a dot glyph), Devanagari's reph (the र् of शर्मा) is a glyph of its own. PDF readers (poppler, Acrobat)
    /// copy and search by it; PdfPig's plain text leaves it out.
    /// </summary>
    private static string TextWithActualText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var builder = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            var owner = new Dictionary<UglyToad.PdfPig.Content.Letter, UglyToad.PdfPig.Content.MarkedContentElement>(ReferenceEqualityComparer.Instance);
            void Walk(UglyToad.PdfPig.Content.MarkedContentElement element, UglyToad.PdfPig.Content.MarkedContentElement? spanned)
            {
                var span = spanned ?? (element.ActualText is not null ? element : null);
                if (span is not null)
                {
                    foreach (var letter in element.Letters) owner.TryAdd(letter, span);
                }
                foreach (var child in element.Children) Walk(child, span);
            }
            foreach (var element in page.GetMarkedContents()) Walk(element, null);
            var written = new HashSet<UglyToad.PdfPig.Content.MarkedContentElement>(ReferenceEqualityComparer.Instance);
            foreach (var letter in page.Letters)
            {
                if (!owner.TryGetValue(letter, out var span)) builder.Append(letter.Value);
                else if (written.Add(span)) builder.Append(span.ActualText);
            }
        }
        return builder.ToString();
    }

    internal static string Logical(string visual)
    {
        var builder = new StringBuilder(visual.Length);
        var i = 0;
        while (i < visual.Length)
        {
            var start = i;
            var rtl = IsRightToLeft(visual[i]);
            while (i < visual.Length && IsRightToLeft(visual[i]) == rtl) i++;
            var run = visual[start..i];
            builder.Append(rtl ? new string(run.Reverse().ToArray()) : run);
        }
        return builder.ToString().Normalize(NormalizationForm.FormKC);
    }

    private static bool IsRightToLeft(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
        && c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    [GeneratedRegex(@"font-family:\s*([^;}]+)")]
    private static partial Regex FontFamily();

    [GeneratedRegex(@"url\(([^)]+)\)")]
    private static partial Regex FontUrl();
}
