using System.Net;
using Events.Core.Bulletins;
using Events.Core.Common;
using Events.Infrastructure.Bulletins;
using Events.Infrastructure.Files;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Events.IntegrationTests.Bulletins;

/// <summary>
/// Fonts an organization uploads for a series: checked by reading the font (not its name), embedded as a subset in the
/// PDF with the exact text, named in the Word file, kept outside the web root and never reachable by URL.
/// </summary>
[Collection(PdfCollection.Name)]
public sealed class BulletinFontTests(PdfAppFixture fx)
{
    private const string Sentence = "仿宋字体测试正文";

    private static byte[] FangSong(ushort fsType = 0) =>
        TestFontBuilder.Build("Events Test FangSong", "测试仿宋", "EventsTestFangSong", FontFileInspector.CjkSample + Sentence + "，。", fsType);

    [Fact]
    public async Task An_uploaded_face_prints_embedded_as_a_subset_with_the_exact_text_and_is_named_in_the_word_file()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App, style: BulletinHouseStyle.GbT9704());
        var upload = await fx.App.Get<BulletinFontService>().UploadAsync(TestActors.Admin, series, BulletinFace.FangSong, "仿宋_测试.ttf", new MemoryStream(FangSong()), licenceConfirmed: true);
        Assert.Equal(SaveOutcome.Saved, upload.Outcome);
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "上传字体测试", $"{Sentence}。\n\n第二段{Sentence}。");

        var pdf = (await fx.App.Get<BulletinDocuments>().PdfAsync(id))!;

        PdfQuality.AssertSound(pdf);
        PdfQuality.AssertContainsText(pdf, Sentence + "。", "第二段" + Sentence);
        var font = Assert.Single(PdfQuality.Fonts(pdf), f => f.Name.Contains("EventsTestFangSong", StringComparison.Ordinal));
        Assert.True(font.Embedded);
        Assert.NotEqual("Type3", font.Subtype);
        Assert.Matches("^[A-Z]{6}\\+", font.Name); // a subset
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            // The body (仿宋 三号, 16 pt) is in the uploaded face; the masthead and title (小标宋) keep the shipped serif.
            var letters = document.GetPages().SelectMany(p => p.Letters)
                .Where(l => Sentence.Contains(l.Value, StringComparison.Ordinal) && l.PointSize is > 15 and < 17).ToList();
            Assert.True(letters.Count >= 2 * Sentence.Length, $"{letters.Count} body letters");
            Assert.All(letters, l => Assert.Contains("EventsTestFangSong", l.FontName, StringComparison.Ordinal));
        }

        var docx = (await fx.App.Get<BulletinDocuments>().DocxAsync(id))!.Value.Content;
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var styles = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.OuterXml;
        Assert.Contains("w:eastAsia=\"测试仿宋\"", styles, StringComparison.Ordinal);
        Assert.Contains("w:eastAsia=\"黑体\"", styles, StringComparison.Ordinal); // roles without an upload keep their usual names
    }

    [Fact]
    public async Task An_uploaded_font_is_stored_outside_the_web_root_and_no_url_reaches_it()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App, style: BulletinHouseStyle.GbT9704());
        var fonts = fx.App.Get<BulletinFontService>();
        Assert.Equal(SaveOutcome.Saved, (await fonts.UploadAsync(TestActors.Admin, series, BulletinFace.FangSong, "fs.ttf", new MemoryStream(FangSong()), true)).Outcome);
        var face = Assert.Single(await fonts.FacesAsync(series));
        var stored = Path.GetFileName(face.Path);
        var webRoot = Path.GetFullPath(fx.App.Services.GetRequiredService<IWebHostEnvironment>().WebRootPath);
        Assert.False(Path.GetFullPath(face.Path).StartsWith(webRoot, StringComparison.Ordinal), face.Path);
        Assert.StartsWith(fx.App.Get<FileStore>().Root, face.Path, StringComparison.Ordinal);

        var client = fx.App.CreateRawClient();
        foreach (var path in new[] { $"/{stored}", $"/{BulletinFontService.Folder}/{stored}", $"/files/{BulletinFontService.Folder}/{stored}", $"/fonts/{stored}", $"/data/files/{BulletinFontService.Folder}/{stored}" })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.False(response.StatusCode == HttpStatusCode.OK && body.Length > 4 && body[0] == 0 && body[1] == 1, $"{path} served the font");
        }

        // The browser preview never names the file; only the printer's HTML does, by a file: URL.
        var id = await BulletinTestData.NewIssueAsync(fx.App, series, "预览不含字体路径", Sentence);
        var documents = fx.App.Get<BulletinDocuments>();
        var preview = (await documents.PreviewHtmlAsync(id, "nonce"))!;
        Assert.DoesNotContain(stored, preview, StringComparison.Ordinal);
        Assert.DoesNotContain("file:", preview, StringComparison.Ordinal);
        var print = (await documents.HtmlAsync(id))!;
        Assert.Contains(new Uri(face.Path).AbsoluteUri, print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_are_refused_unless_they_are_embeddable_fonts_with_chinese_glyphs_within_the_limit_and_licensed()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var fonts = fx.App.Get<BulletinFontService>();
        async Task<string> RefusedAsync(byte[] file, bool licence = true)
        {
            var result = await fonts.UploadAsync(TestActors.Admin, series, BulletinFace.Kai, "x.ttf", new MemoryStream(file), licence);
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            return string.Join(",", result.Violations.Select(v => v.Code));
        }

        // A PNG named .ttf, and a file that starts like a font but whose table directory points past its end.
        Assert.Equal("FontNotAFont", await RefusedAsync([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
        var truncated = FangSong()[..200];
        Assert.Equal("FontDamaged", await RefusedAsync(truncated));
        Assert.Equal("FontNoCjk", await RefusedAsync(TestFontBuilder.Build("Latin Only", null, "LatinOnly", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")));
        Assert.Equal("FontNoEmbedding", await RefusedAsync(FangSong(fsType: 0x0002)));
        Assert.Equal("FontLicenceRequired", await RefusedAsync(FangSong(), licence: false));
        var huge = new byte[BulletinFont.MaxBytes + 1];
        FangSong().CopyTo(huge, 0);
        Assert.Equal("FontTooLarge", await RefusedAsync(huge));
        Assert.Empty(await fonts.ListAsync(series));
    }

    [Fact]
    public async Task A_collection_is_stored_as_its_first_font_and_a_new_upload_replaces_the_old_file()
    {
        var series = await BulletinTestData.NewSeriesAsync(fx.App);
        var fonts = fx.App.Get<BulletinFontService>();
        var first = await fonts.UploadAsync(TestActors.Admin, series, BulletinFace.Hei, "a.ttf", new MemoryStream(FangSong()), true);
        var oldPath = Assert.Single(await fonts.FacesAsync(series)).Path;

        var collection = Collection(FangSong(), TestFontBuilder.Build("Second", "第二", "Second", FontFileInspector.CjkSample));
        var second = await fonts.UploadAsync(TestActors.Admin, series, BulletinFace.Hei, "simhei.ttc", new MemoryStream(collection), true);

        Assert.Equal(SaveOutcome.Saved, second.Outcome);
        Assert.Equal(first.Id, second.Id);
        var item = Assert.Single(await fonts.ListAsync(series));
        Assert.Equal(FontFormat.Collection, item.Format);
        Assert.Equal("测试仿宋", item.FamilyName);
        Assert.Equal("simhei.ttc", item.FileName);
        var face = Assert.Single(await fonts.FacesAsync(series));
        Assert.EndsWith(".ttf", face.Path, StringComparison.Ordinal);
        Assert.False(File.Exists(oldPath));
        // The stored file is a font of its own that reads back the same.
        var info = FontFileInspector.Inspect(await File.ReadAllBytesAsync(face.Path), out var error);
        Assert.Null(error);
        Assert.Equal(FontFormat.TrueType, info.Format);
        Assert.True(info.HasCjk);

        Assert.True(await fonts.DeleteAsync(TestActors.Admin, series, item.Id));
        Assert.False(File.Exists(face.Path));
        Assert.Empty(await fonts.ListAsync(series));
    }

    /// <summary>A TrueType collection (version 1) of the given fonts: a ttcf header, then each font's tables, renumbered.</summary>
    private static byte[] Collection(params byte[][] fonts)
    {
        var header = 12 + 4 * fonts.Length;
        var output = new List<byte>(new byte[header]);
        var span = output.ToArray();
        "ttcf"u8.CopyTo(span);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span.AsSpan(4), 0x00010000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span.AsSpan(8), (uint)fonts.Length);
        var offsets = new List<uint>();
        var body = new List<byte>();
        foreach (var font in fonts)
        {
            var at = (uint)(header + body.Count);
            offsets.Add(at);
            var copy = (byte[])font.Clone();
            var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(4));
            for (var i = 0; i < count; i++)
            {
                var record = copy.AsSpan(12 + i * 16 + 8);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(record, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(record) + at);
            }
            body.AddRange(copy);
        }
        for (var i = 0; i < offsets.Count; i++) System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(span.AsSpan(12 + i * 4), offsets[i]);
        return [.. span, .. body];
    }
}
