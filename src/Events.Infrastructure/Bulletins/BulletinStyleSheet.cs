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
    /// <summary>The font-family list a face role prints with (the shipped open faces; rare characters fall back to the serif's extension files).</summary>
    public static string Family(BulletinFace face) => face switch
    {
        BulletinFace.Hei => "'Events Sans', 'Events Serif', 'Events Serif Ext', sans-serif",
        BulletinFace.Kai => "'Events Kai', 'Events Serif', 'Events Serif Ext', serif",
        _ => "'Events Serif', 'Events Serif Ext', serif",
    };

    /// <summary>小标宋 is a heavy Song: the open serif's bold stands in for it.</summary>
    private static int Weight(BulletinFace face, bool bold) => bold || face == BulletinFace.XiaoBiaoSong ? 700 : 400;

    public static string Css(BulletinHouseStyle style, string mastheadColor, decimal footerPushPt = 0)
    {
        var css = new StringBuilder();
        var pitch = style.LinePitchPt;
        css.Append(Inv($"@page {{ size: A4; margin: {style.MarginTopMm}mm {style.MarginRightMm}mm {style.MarginBottomMm}mm {style.MarginLeftMm}mm; }}\n"));
        css.Append(Inv($"@media screen {{ .bulletin {{ padding: {style.MarginTopMm}mm {style.MarginRightMm}mm {style.MarginBottomMm}mm {style.MarginLeftMm}mm; }} }}\n"));
        css.Append(Inv($".bulletin {{ --masthead: {mastheadColor}; font-family: {Family(style.BodyFace)}; font-size: {style.BodySizePt}pt; line-height: {pitch}pt; }}\n"));
        css.Append(Inv($".bulletin .series-name {{ font-family: {Family(style.MastheadFace)}; font-weight: {Weight(style.MastheadFace, true)}; font-size: {style.MastheadSizePt}pt; line-height: 1.3; }}\n"));
        css.Append(Inv($".bulletin .title {{ font-family: {Family(style.TitleFace)}; font-weight: {Weight(style.TitleFace, true)}; font-size: {style.TitleSizePt}pt; }}\n"));
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
            css.Append(Inv($"{tag} {{ font-family: {Family(h.Face)}; font-weight: {Weight(h.Face, h.Bold)}; font-size: {h.SizePt}pt; text-indent: {h.IndentEm * style.BodySizePt}pt; counter-increment: {counters[i]};{reset} }}\n"));
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
