using Events.Infrastructure.Reviews;
using Events.IntegrationTests.Papers.Hostile;
using UglyToad.PdfPig;

namespace Events.IntegrationTests.Reviews;

/// <summary>
/// The reviewer copy of a double-blind paper keeps what its pages visibly show and nothing else that can carry a name,
/// checked the way a curious reviewer would: expand every object and stream with qpdf and search the bytes, and list
/// attachments with pdfdetach.
/// </summary>
public sealed class ReviewCopyTests
{
    private static readonly byte[] Marked = HostilePdfs.MarkedEverywhere();

    [Fact]
    public void The_marked_test_file_really_carries_the_markers_outside_its_visible_text()
    {
        // Guards the test below: if the source lost its markers, "none in the copy" would prove nothing.
        var expanded = PdfTools.Qpdf(Marked, "--qdf", "--object-streams=disable");
        Assert.True(PdfTools.Occurrences(expanded, "Marker") > 20);
        Assert.True(PdfTools.Occurrences(expanded, HostilePdfs.ChineseMarker) > 10);
        Assert.Contains($"1: {HostilePdfs.ChineseMarker}.txt", PdfTools.DetachList(Marked), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--qdf", "--object-streams=disable")]
    [InlineData("--stream-data=uncompress", "--object-streams=disable")]
    public void Expanded_with_qpdf_the_reviewer_copy_names_the_marker_only_in_the_visible_page_text(string mode, string objectStreams)
    {
        var copy = ReviewCopy.Create(new MemoryStream(Marked));

        var expanded = PdfTools.Qpdf(copy, mode, objectStreams);

        // Exactly once, and that once is the page's own text drawing operator.
        Assert.Equal(1, PdfTools.Occurrences(expanded, "Marker"));
        Assert.Contains($"({HostilePdfs.VisibleText}) Tj", System.Text.Encoding.Latin1.GetString(expanded), StringComparison.Ordinal);
        Assert.Equal(0, PdfTools.Occurrences(expanded, HostilePdfs.ChineseMarker));
        Assert.Equal(0, PdfTools.Occurrences(expanded, "标记"));
    }

    [Fact]
    public void The_reviewer_copy_has_no_attachment_script_action_annotation_bookmark_form_or_piece_info_left()
    {
        var copy = ReviewCopy.Create(new MemoryStream(Marked));

        var text = System.Text.Encoding.Latin1.GetString(PdfTools.Qpdf(copy, "--qdf", "--object-streams=disable"));
        foreach (var key in new[] { "/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/URI", "/SubmitForm", "/EmbeddedFile", "/Filespec",
                     "/Annots", "/Outlines", "/AcroForm", "/PieceInfo", "/StructTreeRoot", "/Threads", "/SpiderInfo", "/AF ", "/Names" })
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }
        Assert.Contains("0 embedded files", PdfTools.DetachList(copy), StringComparison.Ordinal);
    }

    [Fact]
    public void The_reviewer_copy_still_shows_the_page_text_image_and_form()
    {
        var copy = ReviewCopy.Create(new MemoryStream(Marked));

        using var document = PdfDocument.Open(copy);
        var page = Assert.Single(document.GetPages());
        Assert.Contains(HostilePdfs.VisibleText, page.Text, StringComparison.Ordinal);
        Assert.Single(page.GetImages());
        Assert.Equal((595d, 842d), (page.Width, page.Height));
        var expanded = System.Text.Encoding.Latin1.GetString(PdfTools.Qpdf(copy, "--qdf", "--object-streams=disable"));
        Assert.Contains("/Subtype /Form", expanded, StringComparison.Ordinal);
    }
}
