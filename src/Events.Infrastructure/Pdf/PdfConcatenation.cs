using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Events.Infrastructure.Pdf;

/// <summary>Joins PDFs printed in parts (a long document printed in chunks, side by side) into one, page by page, in order.</summary>
public static class PdfConcatenation
{
    public static byte[] Join(IReadOnlyList<byte[]> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1) return parts[0];
        using var joined = new PdfDocument();
        foreach (var part in parts)
        {
            using var source = PdfReader.Open(new MemoryStream(part), PdfDocumentOpenMode.Import);
            if (joined.PageCount == 0) joined.Info.Title = source.Info.Title;
            for (var i = 0; i < source.PageCount; i++) joined.AddPage(source.Pages[i]);
        }
        using var output = new MemoryStream();
        joined.Save(output);
        return output.ToArray();
    }
}
