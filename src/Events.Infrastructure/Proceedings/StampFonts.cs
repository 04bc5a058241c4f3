using PdfSharp.Fonts;

namespace Events.Infrastructure.Proceedings;

/// <summary>
/// The face PDFsharp draws running headers and page numbers with: Noto Serif SC (OFL-1.1, licence beside the file),
/// a TrueType-outline subset of about 7,900 characters (GB 2312 and more, with Latin and punctuation), converted from the
/// same WOFF2 files the HTML documents load, so stamps and laid-out pages match. TrueType outlines matter: PDFsharp embeds
/// them as a CID subset with a ToUnicode map, so the stamped Chinese reads back exactly and no Type 3 font appears.
/// </summary>
/// <remarks>
/// PDFsharp keeps one font resolver per process and wants the same instance every time it is set, hence the singleton.
/// Every family name resolves to this face, so PDFsharp never looks for fonts on the machine.
/// </remarks>
public sealed class StampFonts : IFontResolver
{
    public const string Family = "Noto Serif SC";
    private const string FaceName = "NotoSerifSC-Regular";

    public static readonly StampFonts Instance = new();
    private static readonly Lazy<byte[]> Regular = new(() => Load("Proceedings.Fonts.NotoSerifSC-Regular.ttf"));
    private static readonly object Gate = new();

    private StampFonts()
    {
    }

    /// <summary>Installs the resolver once per process, before PDFsharp touches any font.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) return;
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(FaceName, mustSimulateBold: isBold, mustSimulateItalic: isItalic);

    public byte[] GetFont(string faceName) => Regular.Value;

    private static byte[] Load(string resource)
    {
        using var stream = typeof(StampFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded font {resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
