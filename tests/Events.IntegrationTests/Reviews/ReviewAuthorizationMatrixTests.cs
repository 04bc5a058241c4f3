using System.Globalization;
using System.Net;

namespace Events.IntegrationTests.Reviews;

/// <summary>
/// The papers authorization matrix: each party of a paper's review against every page and endpoint of the review side,
/// over real HTTP, with the author side of the same paper. "allow" is a 200; a denial is the login redirect for anonymous users and 403 for signed-in users; "not-found" a 404.
/// The conflicted reviewer is an accepted reviewer of the event from the first author's university.
/// </summary>
public sealed class ReviewAuthorizationMatrixTests(ReviewAuthorizationFixture fx) : IClassFixture<ReviewAuthorizationFixture>
{
    private const string A = "allow";
    private const string D = "deny";
    private const string N = "not-found";

    private static readonly string[] Who = ["anonymous", "author", "other-author", "reviewer", "conflicted-reviewer", "organizer-this", "organizer-other"];

    // Columns follow Who.
    internal static readonly (string Path, string[] Expected)[] Matrix =
    [
        ("/reviewing", [D, A, A, A, A, A, A]),
        ("/reviewing/invitations/{pendingToken}", [D, A, A, A, A, A, A]),
        ("/reviewing/events/{event}", [D, D, D, A, A, D, D]),
        ("/reviewing/papers/{paper}", [D, D, D, A, D, D, D]),
        ("/reviewing/papers/{paper}/paper.pdf", [D, D, D, A, D, D, D]),
        ("/reviewing/papers/{otherPaper}", [D, D, D, D, D, D, D]),
        ("/reviewing/papers/{otherPaper}/paper.pdf", [D, D, D, D, D, D, D]),
        ("/manage/events/{event}/reviewers", [D, D, D, D, D, A, D]),
        ("/manage/events/{event}/assignments", [D, D, D, D, D, A, D]),
        ("/manage/events/{event}/assignments/auto", [D, D, D, D, D, A, D]),
        ("/manage/events/{event}/decisions", [D, D, D, D, D, A, D]),
        ("/manage/events/{event}/papers/{paper}/reviews", [D, D, D, D, D, A, D]),
        // The author side of the same paper answers 404 to everyone but its authors (and the file to the event's staff), so
        // it does not reveal that a paper exists; organizers read it on the committee page above.
        ("/papers/{paper}", [D, A, N, N, N, N, N]),
        ("/papers/{paper}/edit", [D, A, N, N, N, N, N]),
        ("/papers/{paper}/files/{file}", [D, A, N, N, N, A, N]),
        ("/manage/events/{event}/call", [D, D, D, D, D, A, D]),
        ("/events/regional-innovation-symposium-7/call", [A, A, A, A, A, A, A]),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, expected) in Matrix)
        {
            for (var i = 0; i < Who.Length; i++) data.Add(Who[i], path, expected[i]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Party_gets_the_expected_answer_for_each_review_page(string who, string path, string expected)
    {
        var s = fx.Scenario;
        var url = path.Replace("{event}", s.EventId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{paper}", s.PaperId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{otherPaper}", s.OtherPaperId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{file}", s.FileId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pendingToken}", s.PendingToken, StringComparison.Ordinal);
        var client = fx.App.CreateRawClient();
        var user = fx.Users[who];
        using var request = user is null ? new HttpRequestMessage(HttpMethod.Get, url) : user.Get(url);
        using var response = await client.SendAsync(request);

        switch (expected)
        {
            case A:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case D when user is null:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
                break;
            case D:
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                break;
            case N:
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                break;
        }
    }
}
