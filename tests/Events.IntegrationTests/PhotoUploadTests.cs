using System.Net;
using Events.Core.People;
using Events.Infrastructure.Files;
using Events.Infrastructure.People;
using Events.IntegrationTests.Infrastructure;

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
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
    }

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
