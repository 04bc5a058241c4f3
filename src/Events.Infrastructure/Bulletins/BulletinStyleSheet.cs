using System.Globalization;
using System.Text;
using Events.Core.Bulletins;

namespace Events.Infrastructure.Bulletins;

/// <summary>
/// The CSS a series' house style adds to documents/bulletin.css: page and type area, faces and sizes, heading numbers,
/// the line grid. Every value in it is a number or an enum the style validated, never text an organizer typed, so it is
/// safe inside the document's one style element.
/// </summary>
public static class BulletinStyleSheet
{
    /// <summary>
    /// The font-family list a face role prints with: the organization's uploaded font for the role first when printing
    /// with one, then the shipped open faces (other scripts, accented Latin, Greek, Cyrillic and emoji come from 'Events World' or
    /// 'Events World Serif', rare Chinese characters from the serif's extension files).
    /// </summary>
    public static string Family(BulletinFace face, IReadOnlyList<UploadedFace>? uploaded = null) =>
        uploaded is not null && uploaded.Any(u => u.Role == face) ? $"'{UploadedFamily(face)}', {ShippedFamily(face)}" : ShippedFamily(face);

    /// <summary>The CSS family an uploaded face is declared under (never the font's own name, which an uploader chose).</summary>
    public static string UploadedFamily(BulletinFace face) => $"Events Upload {face}";

    private static string ShippedFamily(BulletinFace face) => face switch
    {
        BulletinFace.Hei => "'Events Sans', 'Events Serif', 'Events World', 'Events Serif Ext', sans-serif",
        BulletinFace.Kai => "'Events Kai', 'Events Serif', 'Events World Serif', 'Events Serif Ext', serif",
        _ => "'Events Serif', 'Events World Serif', 'Events Serif Ext', serif",
    };

    /// <summary>小标宋 is a heavy Song: the open serif's bold stands in for it.</summary>
    private static int Weight(BulletinFace face, bool bold) => bold || face == BulletinFace.XiaoBiaoSong ? 700 : 400;

    /// <summary>
    /// The house style's CSS. <paramref name="uploaded"/> are the organization's fonts, given only when printing: each is
    /// declared from its file on the server's disk by a file: URL, which the printing browser may read and a visitor's
    /// browser never can, so the preview (which passes none) shows the shipped faces instead.
    /// </summary>
    public static string Css(BulletinHouseStyle style, string mastheadColor, decimal footerPushPt = 0, IReadOnlyList<UploadedFace>? uploaded = null)
    {
        var css = new StringBuilder();
        foreach (var face in uploaded ?? [])
        {
            // Declared as the normal weight only, so bold headings in it are emboldened by the browser rather than falling back.
            var url = new Uri(face.Path).AbsoluteUri.Replace("'", "%27", StringComparison.Ordinal).Replace("\\", "%5C", StringComparison.Ordinal);
            css.Append(Inv($"@font-face {{ font-family: '{UploadedFamily(face.Role)}'; src: url('{url}'); font-weight: 400; font-style: normal; }}\n"));
        }
        var pitch = style.LinePitchPt;
        // An uploaded 小标宋 is heavy by design; emboldening it again would smear it.
        int Weight(BulletinFace face, bool bold) =>
            face == BulletinFace.XiaoBiaoSong && uploaded is not null && uploaded.Any(u => u.Role == face) ? 400 : BulletinStyleSheet.Weight(face, bold);
        css.Append(Inv($"@page {{ size: A4; margin: {style.MarginTopMm}mm {style.MarginRightMm}mm {style.MarginBottomMm}mm {style.MarginLeftMm}mm; }}\n"));
        css.Append(Inv($"@media screen {{ .bulletin {{ padding: {style.MarginTopMm}mm {style.MarginRightMm}mm {style.MarginBottomMm}mm {style.MarginLeftMm}mm; }} }}\n"));
        css.Append(Inv($".bulletin {{ --masthead: {mastheadColor}; font-family: {Family(style.BodyFace, uploaded)}; font-size: {style.BodySizePt}pt; line-height: {pitch}pt; }}\n"));
        css.Append(Inv($".bulletin .series-name {{ font-family: {Family(style.MastheadFace, uploaded)}; font-weight: {Weight(style.MastheadFace, true)}; font-size: {style.MastheadSizePt}pt; line-height: 1.3; }}\n"));
        css.Append(Inv($".bulletin .title {{ font-family: {Family(style.TitleFace, uploaded)}; font-weight: {Weight(style.TitleFace, true)}; font-size: {style.TitleSizePt}pt; }}\n"));
        if (style.LetterSpacingPt != 0) css.Append(Inv($".bulletin .body p, .bulletin .body li {{ letter-spacing: {style.LetterSpacingPt}pt; }}\n"));

        string[] counters = ["l1", "l2", "l3", "l4"];
        string[] numbers =
        [
            "counter(l1, simp-chinese-informal) \"、\"",
            "\"（\" counter(l2, simp-chinese-informal) \"）\"",
            "counter(l3) \".\"",
            "\"（\" counter(l4) \"）\"",
        ];
        for (var i = 0; i < 4; i++)
        {
            var h = style.Headings[i];
            var tag = $".bulletin .body h{i + 2}";
            var reset = i < 3 ? $" counter-reset: {string.Join(' ', counters[(i + 1)..])};" : "";
            css.Append(Inv($"{tag} {{ font-family: {Family(h.Face, uploaded)}; font-weight: {Weight(h.Face, h.Bold)}; font-size: {h.SizePt}pt; text-indent: {h.IndentEm * style.BodySizePt}pt; counter-increment: {counters[i]};{reset} }}\n"));
            css.Append(h.Numbered ? $"{tag}::before {{ content: {numbers[i]}; }}\n" : $"{tag}::before {{ content: none; }}\n");
        }

        if (style.LinesPerPage is not null)
        {
            // The line grid: everything in the text flow is a whole number of lines, so every full page holds exactly LinesPerPage lines.
            css.Append(Inv($".bulletin.grid .body p, .bulletin.grid .body h2, .bulletin.grid .body h3, .bulletin.grid .body h4, .bulletin.grid .body h5, .bulletin.grid .body li, .bulletin.grid .article-end p {{ margin: 0; line-height: {pitch}pt; }}\n"));
            css.Append(".bulletin.grid .body ul, .bulletin.grid .body ol, .bulletin.grid .body blockquote { margin-top: 0; margin-bottom: 0; }\n");
            css.Append(Inv($".bulletin.grid .authors, .bulletin.grid .credits, .bulletin.grid .distribution, .bulletin.grid .back-matter {{ font-size: {style.BodySizePt}pt; line-height: {pitch}pt; }}\n"));
        }
        // Padding, not margin: a margin at the top of a page is dropped, so a block that starts its own page would not move.
        if (footerPushPt > 0) css.Append(Inv($".bulletin .footer-wrap {{ padding-top: {footerPushPt}pt; }}\n"));
        return css.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
