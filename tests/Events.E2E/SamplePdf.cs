using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Events.E2E;

/// <summary>A small valid PDF for upload journeys.</summary>
public static class SamplePdf
{
    public static byte[] OnePage(string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText(text, 12, new PdfPoint(72, 720), font);
        return builder.Build();
    }
}
