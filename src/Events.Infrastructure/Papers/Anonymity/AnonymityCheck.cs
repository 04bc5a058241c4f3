using System.Text.Json;
using Events.Core.Papers;
using Events.Core.Papers.Anonymity;

namespace Events.Infrastructure.Papers.Anonymity;

/// <summary>
/// The double-blind check of an upload: the byline's names, emails and affiliations looked for in the PDF's text and
/// metadata. It never refuses a file; it warns the author before they submit, and its findings are kept with the file so
/// organizers see them on the committee page.
/// </summary>
public static class AnonymityCheck
{
    /// <summary>The violation that stops a first submission until the author confirms they have seen the findings.</summary>
    public const string Code = "AnonymityFindings";

    public static IReadOnlyList<AnonymityFinding> Run(ReviewMode mode, IEnumerable<AuthorInput> byline, ValidatedPdf pdf)
    {
        if (mode != ReviewMode.DoubleBlind) return [];
        IReadOnlyList<PdfText> texts;
        try
        {
            using var stream = pdf.OpenRead();
            texts = PdfIdentityText.Read(stream);
        }
#pragma warning disable CA1031 // The file passed the full check; a reader failure on some odd part must not stop the upload.
        catch (Exception)
        {
            return [];
        }
#pragma warning restore CA1031
        return AnonymityMatcher.Find(byline.Select(a => new BylineAuthor(a.Name, a.Affiliation, a.Email)), texts);
    }

    public static string? Serialize(IReadOnlyList<AnonymityFinding> findings) =>
        findings.Count == 0 ? null : JsonSerializer.Serialize(findings);

    public static IReadOnlyList<AnonymityFinding> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<AnonymityFinding>>(json) ?? [];
}
