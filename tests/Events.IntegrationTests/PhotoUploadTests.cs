using System.Net;
using Events.Core.People;
using Events.Infrastructure.Files;
using Events.Infrastructure.People;
using Events.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace Events.IntegrationTests;

public sealed class PhotoUploadTests(EventsAppFactory app) : IClassFixture<EventsAppFactory>
{
    private static readonly byte[] Png =
        Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_valid_photo_is_stored_under_an_app_chosen_name_outside_the_web_root_and_served_back()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var id = (await people.SaveAsync(TestActors.Admin, new PersonInput { Name = "照片测试" })).Id;

        var check = await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(Png), 2_000_000);

        Assert.True(check.IsValid);
        var person = (await people.GetAsync(id))!;
        Assert.Matches("^[0-9a-f]{32}\\.png$", person.PhotoFile);
        var stored = Path.Combine(app.DataPath, "files", PersonService.PhotoFolder, person.PhotoFile!);
        Assert.True(File.Exists(stored));
        Assert.DoesNotContain("wwwroot", stored, StringComparison.Ordinal);

        var response = await app.CreateClient().GetAsync($"/people/{id}/photo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        // What is served is the re-encoded copy: still a 1 × 1 PNG, and exactly what was stored.
        var served = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(stored), served);
        using var image = SKBitmap.Decode(served);
        Assert.Equal((1, 1), (image.Width, image.Height));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_png_with_html_appended_is_stored_as_its_pixels_only()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var id = (await people.SaveAsync(TestActors.Admin, new PersonInput { Name = "多语种文件" })).Id;
        var polyglot = TestImages.Png(40, 30).Concat("<html><script>alert(1)</script></html>"u8.ToArray()).ToArray();

        var check = await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(polyglot), 2_000_000);

        Assert.True(check.IsValid);
        var bytes = StoredPhoto((await people.GetAsync(id))!.PhotoFile!);
        Assert.DoesNotContain("<html", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        using var image = SKBitmap.Decode(bytes);
        Assert.Equal((40, 30), (image.Width, image.Height));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    public async Task An_image_header_followed_by_html_is_refused(byte[] header)
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var id = (await people.SaveAsync(TestActors.Admin, new PersonInput { Name = "伪装图片" })).Id;
        var fake = header.Concat("<html><script>alert(document.cookie)</script></html>"u8.ToArray()).ToArray();

        Assert.Equal(ImageProblem.NotAnImage, (await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(fake), 2_000_000)).Problem);
        Assert.Null((await people.GetAsync(id))!.PhotoFile);
    }

    [Fact]
    public async Task A_small_file_claiming_huge_dimensions_is_refused_before_decoding()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var id = (await people.SaveAsync(TestActors.Admin, new PersonInput { Name = "像素炸弹" })).Id;
        var bomb = TestImages.WithPngSize(TestImages.Png(8, 8), 50_000, 50_000);

        Assert.Equal(ImageProblem.TooManyPixels, (await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(bomb), 2_000_000)).Problem);
        Assert.Null((await people.GetAsync(id))!.PhotoFile);
    }

    [Fact]
    public async Task A_camera_jpeg_is_accepted_and_stored_without_its_exif()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var id = (await people.SaveAsync(TestActors.Admin, new PersonInput { Name = "相机照片" })).Id;
        var jpeg = TestImages.WithExif(TestImages.Jpeg(64, 48), "GPS-31.2304N-121.4737E");

        var check = await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(jpeg), 2_000_000);

        Assert.True(check.IsValid);
        var person = (await people.GetAsync(id))!;
        Assert.EndsWith(".jpg", person.PhotoFile, StringComparison.Ordinal);
        var bytes = StoredPhoto(person.PhotoFile!);
        Assert.NotEqual(jpeg, bytes);
        Assert.DoesNotContain("GPS-31.2304N", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        using var image = SKBitmap.Decode(bytes);
        Assert.Equal((64, 48), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_photo_taken_sideways_is_stored_turned_upright_since_its_orientation_tag_is_dropped()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var id = (await people.SaveAsync(TestActors.Admin, new PersonInput { Name = "竖拍照片" })).Id;
        var jpeg = TestImages.WithExif(TestImages.Jpeg(64, 48), "camera", orientation: 6);

        Assert.True((await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(jpeg), 2_000_000)).IsValid);

        using var image = SKBitmap.Decode(StoredPhoto((await people.GetAsync(id))!.PhotoFile!));
        Assert.Equal((48, 64), (image.Width, image.Height));
        // The drawn orange quarter (top left as stored) is top right once turned clockwise.
        Assert.True(image.GetPixel(40, 8).Red > 200 && image.GetPixel(8, 8).Blue > 150, "the pixels were not turned clockwise");
    }

    private byte[] StoredPhoto(string name) => File.ReadAllBytes(Path.Combine(app.DataPath, "files", PersonService.PhotoFolder, name));

    [Theory]
    [InlineData("MZ\u0090\0 renamed executable", ImageProblem.NotAnImage)]
    [InlineData("<svg onload=alert(1)>", ImageProblem.NotAnImage)]
    [InlineData("", ImageProblem.Empty)]
    public async Task An_upload_that_is_not_an_image_is_refused_and_the_earlier_photo_stays(string content, ImageProblem expected)
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var id = (await people.SaveAsync(TestActors.Admin, new PersonInput { Name = "拒绝测试" })).Id;
        await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(Png), 2_000_000);
        var before = (await people.GetAsync(id))!.PhotoFile;

        var check = await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(System.Text.Encoding.Latin1.GetBytes(content)), 2_000_000);

        Assert.Equal(expected, check.Problem);
        Assert.Equal(before, (await people.GetAsync(id))!.PhotoFile);
    }

    [Fact]
    public async Task An_oversized_photo_is_refused()
    {
        _ = app.Server;
        var people = app.Get<PersonService>();
        var id = (await people.SaveAsync(TestActors.Admin, new PersonInput { Name = "超大照片" })).Id;
        var big = new byte[3_000_000];
        Png.CopyTo(big, 0);
        Assert.Equal(ImageProblem.TooLarge, (await people.SetPhotoAsync(TestActors.Admin, id, new MemoryStream(big), 2_000_000)).Problem);
        Assert.Null((await people.GetAsync(id))!.PhotoFile);
    }

    [Fact]
    public void The_file_store_refuses_names_it_did_not_choose()
    {
        var store = app.Get<FileStore>();
        Assert.Null(store.OpenRead(PersonService.PhotoFolder, "../../events.db"));
        Assert.Null(store.OpenRead("..", "0123456789abcdef0123456789abcdef.png"));
    }
}
