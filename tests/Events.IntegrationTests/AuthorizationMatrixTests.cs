using System.Net;

namespace Events.IntegrationTests;

/// <summary>
/// Every role against every page and endpoint, over real HTTP. "Allow" is a 200; a denial is the login redirect
/// for anonymous users and 403 for signed-in users; unpublished or unknown public pages are 404 for everyone.
/// An event's attendee page sends a signed-in user who is not registered to its registration page, and the
/// registration page sends a registered attendee to their attendee page. Choosing a language sends everyone home.
/// Every route of the app must have a row here or in the review matrix.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture fx) : IClassFixture<AuthorizationMatrixFixture>
{
    private const string A = "allow";
    private const string D = "deny";
    private const string N = "notfound";
    private const string RM = "redirect-to-me";
    private const string RR = "redirect-to-register";
    private const string RH = "redirect-home";

    private static readonly string[] Who = ["anonymous", "attendee", "author", "reviewer", "organizer-this", "organizer-other", "administrator"];

    // Columns follow Who.
    internal static readonly (string Path, string[] Expected)[] Matrix =
    [
        ("/events", [A, A, A, A, A, A, A]),
        ("/", [A, A, A, A, A, A, A]),
        ("/events/regional-innovation-symposium-7", [A, A, A, A, A, A, A]),
        ("/events/pujiang-forum-2024-regional", [A, A, A, A, A, A, A]),
        ("/events/{draft}", [N, N, N, N, N, N, N]),
        ("/events/no-such-event", [N, N, N, N, N, N, N]),
        ("/people/1", [A, A, A, A, A, A, A]),
        ("/healthz", [A, A, A, A, A, A, A]),
        ("/healthz/ready", [A, A, A, A, A, A, A]),
        ("/account/login", [A, A, A, A, A, A, A]),
        ("/account/profile", [D, A, A, A, A, A, A]),
        ("/manage/events", [D, A, A, A, A, A, A]),
        ("/manage/events/new", [D, D, D, D, A, A, A]),
        ("/manage/events/{symposium}/edit", [D, D, D, D, A, D, A]),
        ("/manage/organizations", [D, D, D, D, A, A, A]),
        ("/manage/organizations/new", [D, D, D, D, A, A, A]),
        ("/manage/organizations/1/edit", [D, D, D, D, A, A, A]),
        ("/manage/people", [D, D, D, D, A, A, A]),
        ("/manage/people/new", [D, D, D, D, A, A, A]),
        ("/manage/people/import", [D, D, D, D, A, A, A]),
        ("/manage/people/1/edit", [D, D, D, D, A, A, A]),
        ("/manage/events/{symposium}/outbox", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/mail-templates", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/notify", [D, D, D, D, A, D, A]),
        ("/account/forgot-password", [A, A, A, A, A, A, A]),
        ("/account/register", [A, A, A, A, A, A, A]),
        ("/manage/events/{symposium}/program", [D, D, D, D, A, D, A]),
        ("/events/regional-innovation-symposium-7/program", [A, A, A, A, A, A, A]),
        ("/events/regional-innovation-symposium-7/speakers", [A, A, A, A, A, A, A]),
        ("/events/regional-innovation-symposium-7/schedule.xml", [A, A, A, A, A, A, A]),
        ("/events/{draft}/program", [N, N, N, N, N, N, N]),
        ("/events/{draft}/schedule.ics", [N, N, N, N, N, N, N]),
        ("/admin/users", [D, D, D, D, D, D, A]),
        ("/manage/events/{symposium}/proceedings", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/proceedings/builds/999999.pdf", [D, D, D, D, N, D, N]),
        ("/events/regional-innovation-symposium-7/proceedings", [N, N, N, N, N, N, N]),
        ("/events/regional-innovation-symposium-7/proceedings.pdf", [N, N, N, N, N, N, N]),
        ("/events/{draft}/proceedings", [N, N, N, N, N, N, N]),
        ("/events/regional-innovation-symposium-7/register", [D, RM, A, A, A, A, A]),
        ("/events/regional-innovation-symposium-7/me", [D, A, RR, RR, RR, RR, RR]),
        ("/events/{draft}/register", [D, N, N, N, N, N, N]),
        ("/events/{draft}/me", [D, N, N, N, N, N, N]),
        ("/manage/events/{symposium}/registrations", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/registrations.xlsx", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/seating", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/seating/{session}", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/seating/{session}/chart.pdf", [D, D, D, D, A, D, A]),
        // Nobody is seated in the fixture's session, so there are no tents to print.
        ("/manage/events/{symposium}/seating/{session}/tents.pdf", [D, D, D, D, N, D, N]),
        ("/manage/events/{symposium}/badges", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/badges/builds/999999", [D, D, D, D, N, D, N]),
        ("/manage/events/{symposium}/registrations/999999/badge.pdf", [D, D, D, D, N, D, N]),
        ("/manage/events/{symposium}/checkin", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/checkin/sessions", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/checkin/search?q=x", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/checkin/counts", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/checkin/stream", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/checkins.xlsx", [D, D, D, D, A, D, A]),
        ("/manage/events/999999/signin-sheet.pdf", [D, D, D, D, D, D, N]),
        ("/b/not-a-badge-token", [N, N, N, N, N, N, N]),
        ("/manage/events/{symposium}/certificates", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/certificates/templates", [D, D, D, D, A, D, A]),
        // No certificate or build 999999: staff get a 404 (no Chromium needed for the matrix).
        ("/manage/events/{symposium}/certificates/999999.pdf", [D, D, D, D, N, D, N]),
        ("/manage/events/{symposium}/certificates/builds/999999", [D, D, D, D, N, D, N]),
        ("/manage/events/{symposium}/booklet", [D, D, D, D, A, D, A]),
        // No booklet build 999999: staff get a 404.
        ("/manage/events/{symposium}/booklet/builds/999999", [D, D, D, D, N, D, N]),
        ("/verify", [A, A, A, A, A, A, A]),
        ("/verify/ABCD-EFGH-JK", [A, A, A, A, A, A, A]),
        ("/manage/events/{symposium}/delegates", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/registrations/import", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/registrations/categories", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/registrations/form", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/fees", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/fees.xlsx", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/delegates.xlsx", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/delegates.pdf", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/dashboard", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/dashboard/arrivals.xlsx", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/notices", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/notices/new", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/notices/999999", [D, D, D, D, N, D, N]),
        ("/manage/events/{symposium}/notices/999999/preview.pdf", [D, D, D, D, N, D, N]),
        ("/manage/events/{symposium}/invitations", [D, D, D, D, A, D, A]),
        ("/events/regional-innovation-symposium-7/notices/999999", [N, N, N, N, N, N, N]),
        ("/events/regional-innovation-symposium-7/notices/999999.pdf", [N, N, N, N, N, N, N]),
        ("/account/registrations", [D, A, A, A, A, A, A]),
        ("/manage/events/{symposium}/call", [D, D, D, D, A, D, A]),
        ("/events/regional-innovation-symposium-7/call", [A, A, A, A, A, A, A]),
        ("/events/{draft}/call", [N, N, N, N, N, N, N]),
        ("/events/regional-innovation-symposium-7/submit", [D, A, A, A, A, A, A]),
        ("/events/{draft}/submit", [D, N, N, N, N, N, N]),
        ("/papers", [D, A, A, A, A, A, A]),
        ("/speaking/availability", [D, A, A, A, A, A, A]),
        ("/papers/999999", [D, N, N, N, N, N, N]),
        ("/papers/999999/edit", [D, N, N, N, N, N, N]),
        ("/papers/999999/files/1", [D, N, N, N, N, N, N]),
        ("/reviewing", [D, A, A, A, A, A, A]),
        ("/reviewing/events/{symposium}", [D, D, D, D, D, D, D]),
        ("/manage/events/{symposium}/reviewers", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/reviewers/import", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/assignments", [D, D, D, D, A, D, A]),
        ("/manage/events/{symposium}/decisions", [D, D, D, D, A, D, A]),
        ("/bulletins", [A, A, A, A, A, A, A]),
        ("/bulletins/987654.pdf", [N, N, N, N, N, N, N]),
        ("/bulletins/987654.docx", [N, N, N, N, N, N, N]),
        ("/manage/bulletins", [D, D, D, D, A, A, A]),
        ("/manage/bulletins/series/new", [D, D, D, D, A, A, A]),
        ("/manage/bulletins/series/{bulletinSeries}", [D, D, D, D, A, A, A]),
        ("/manage/bulletins/series/{bulletinSeries}/edit", [D, D, D, D, A, A, A]),
        ("/manage/bulletins/series/{bulletinSeries}/new-issue", [D, D, D, D, A, A, A]),
        // Organizers run the series; staff of the linked forum without the role are checked in BulletinHttpTests.
        ("/manage/bulletins/issues/{bulletin}", [D, D, D, D, A, A, A]),
        ("/manage/bulletins/issues/{bulletin}/preview.html", [D, D, D, D, A, A, A]),
        ("/manage/events/{symposium}/bulletins", [D, D, D, D, A, D, A]),
        ("/manage/bulletins/issues/{bulletin}/preview.pdf", [D, D, D, D, A, A, A]),
        ("/manage/bulletins/issues/{bulletin}/preview.docx", [D, D, D, D, A, A, A]),
        // A published session is public; a session asked for under another event's address, or a draft's, is not found.
        ("/events/regional-innovation-symposium-7/sessions/{session}", [A, A, A, A, A, A, A]),
        ("/events/pujiang-forum-2024/sessions/{session}", [N, N, N, N, N, N, N]),
        ("/events/{draft}/sessions/{session}", [N, N, N, N, N, N, N]),
        ("/events/regional-innovation-symposium-7/schedule.json", [A, A, A, A, A, A, A]),
        ("/events/regional-innovation-symposium-7/program.xlsx", [A, A, A, A, A, A, A]),
        ("/events/{draft}/program.xlsx", [N, N, N, N, N, N, N]),
        // The agenda feed has no sign-in: its token is the key, and a wrong one finds nothing.
        ("/events/regional-innovation-symposium-7/agenda/not-a-feed-token.ics", [N, N, N, N, N, N, N]),
        ("/events/regional-innovation-symposium-7/papers/999999.pdf", [N, N, N, N, N, N, N]),
        ("/people/999999/photo", [N, N, N, N, N, N, N]),
        ("/account/access-denied", [A, A, A, A, A, A, A]),
        ("/account/confirm-email", [A, A, A, A, A, A, A]),
        ("/account/reset-password", [A, A, A, A, A, A, A]),
        ("/not-found", [A, A, A, A, A, A, A]),
        ("/error", [A, A, A, A, A, A, A]),
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
    public async Task Role_gets_the_expected_answer_for_each_page(string who, string path, string expected)
    {
        var url = Url(fx, path);
        var client = fx.App.CreateRawClient();
        var user = fx.Users[who];
        using var request = user is null ? new HttpRequestMessage(HttpMethod.Get, url) : user.Get(url);
        using var response = await client.SendAsync(request);

        switch (expected)
        {
            case A:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case N:
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                break;
            case D when user is null:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
                break;
            case D:
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                break;
            case RH:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal("/", response.Headers.Location?.OriginalString);
                break;
            case RM or RR:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.EndsWith(expected == RM ? $"{url[..url.LastIndexOf('/')]}/me" : $"{url[..url.LastIndexOf('/')]}/register",
                    response.Headers.Location?.OriginalString, StringComparison.Ordinal);
                break;
        }
    }

    /// <summary>A matrix path with the fixture's ids in place of its placeholders.</summary>
    internal static string Url(AuthorizationMatrixFixture fx, string path) =>
        path.Replace("{symposium}", fx.SymposiumId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{draft}", fx.DraftSlug, StringComparison.Ordinal)
            .Replace("{bulletinSeries}", fx.BulletinSeriesId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{bulletin}", fx.BulletinId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{session}", fx.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Routes that only take a POST, with the test that checks who may call them.</summary>
    private static readonly Dictionary<string, string> PostOnlyRoutes = new()
    {
        ["/account/logout"] = nameof(Logout_without_an_antiforgery_token_is_rejected),
        ["/events/{slug}/agenda/star"] = nameof(Agenda_posts_need_a_signed_in_user_and_an_antiforgery_token),
        ["/events/{slug}/agenda/feed"] = nameof(Agenda_posts_need_a_signed_in_user_and_an_antiforgery_token),
        ["/manage/events/{eventId:int}/checkin/scan"] = nameof(Check_in_scans_need_event_staff_and_an_antiforgery_token),
        ["/culture/{culture}"] = nameof(PublicPageTests.The_language_switch_is_a_form_post_a_GET_changes_nothing),
    };

    [Fact]
    public void Every_page_and_endpoint_of_the_route_table_has_a_row_in_an_authorization_matrix()
    {
        // The placeholders stand for ids the fixtures look up; any digits match an int parameter.
        var rows = Matrix.Select(r => r.Path).Concat(Reviews.ReviewAuthorizationMatrixTests.Matrix.Select(r => r.Path))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{(draft|pendingToken)\}", "placeholder"))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{[A-Za-z]+\}", "1"))
            .Select(p => p.Split('?')[0])
            .ToList();
        var routes = Infrastructure.AppRouteTable.Routes(fx.App.Services);

        var missing = routes.Where(r => r.AnswersGet ? !rows.Any(r.Matches) : !PostOnlyRoutes.ContainsKey(r.Template)).ToList();
        Assert.True(missing.Count == 0, "Add a matrix row for: " + string.Join(", ", missing));
        var stray = rows.Where(p => !routes.Any(r => r.AnswersGet && r.Matches(p))).ToList();
        Assert.True(stray.Count == 0, "These matrix rows match no route: " + string.Join(", ", stray));
    }

    [Fact]
    public async Task Logout_without_an_antiforgery_token_is_rejected()
    {
        var client = fx.App.CreateRawClient();
        using var request = fx.Users["attendee"]!.Get("/account/logout");
        request.Method = HttpMethod.Post;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/events/regional-innovation-symposium-7/agenda/star")]
    [InlineData("/events/regional-innovation-symposium-7/agenda/feed")]
    public async Task Agenda_posts_need_a_signed_in_user_and_an_antiforgery_token(string path)
    {
        var client = fx.App.CreateRawClient();
        using var anonymous = await client.PostAsync(new Uri(path, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["sessionId"] = "1" }));
        Assert.True(anonymous.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest,
            $"anonymous: {anonymous.StatusCode}");
        Assert.DoesNotContain("/events/", anonymous.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        using var request = fx.Users["attendee"]!.Get(path);
        request.Method = HttpMethod.Post;
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["sessionId"] = "1" });
        using var withoutToken = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Fact]
    public async Task Check_in_scans_need_event_staff_and_an_antiforgery_token()
    {
        var client = fx.App.CreateRawClient();
        var path = $"/manage/events/{fx.SymposiumId}/checkin/scan";
        using var anonymous = await client.PostAsync(new Uri(path, UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { code = "x" }));
        Assert.True(anonymous.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"anonymous: {anonymous.StatusCode}");

        using var other = fx.Users["organizer-other"]!.Get(path);
        other.Method = HttpMethod.Post;
        other.Content = System.Net.Http.Json.JsonContent.Create(new { code = "x" });
        using var refused = await client.SendAsync(other);
        // Refused before it reaches the service (which refuses too: ServiceRightsTests, CheckInService.ScanAsync).
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"other organizer: {refused.StatusCode}");

        using var staff = fx.Users["organizer-this"]!.Get(path);
        staff.Method = HttpMethod.Post;
        staff.Content = System.Net.Http.Json.JsonContent.Create(new { code = "x" });
        using var withoutToken = await client.SendAsync(staff);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }
}
