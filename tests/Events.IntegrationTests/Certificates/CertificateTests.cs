using System.IO.Compression;
using System.Net;
using System.Text;
using Events.Core.Access;
using Events.Core.Attendees;
using Events.Core.Certificates;
using Events.Core.Mail;
using Events.Core.Program;
using Events.Core.Reviews;
using Events.Infrastructure.Certificates;
using Events.Infrastructure.Files;
using Events.Infrastructure.LiveUpdates;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.Certificates;

/// <summary>
/// Certificates and invitation letters: issued only to the event's real people, printed as sound PDFs with the seal and a
/// QR that decodes to the verification URL, verified over HTTP (genuine, edited, superseded, revoked), built in bulk, and a
/// seal that no public URL ever serves.
/// </summary>
[Collection(PdfCollection.Name)]
public sealed class CertificateTests(PdfAppFixture f)
{
    private EventsAppFactory App => f.App;
    private CertificateService Certificates => App.Get<CertificateService>();

    private sealed record Setup(int EventId, string Slug, int[] Registrations, TestUser[] Users, int SpeakerId, int ReviewerId, int OtherEventRegistration);

    /// <summary>A future event with registrations, a speaker with a talk, an accepted and an invited reviewer; and another event's registration.</summary>
    private async Task<Setup> EventAsync(params string[] names)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = App.CreateDbContext();
        var ev = new Core.Events.Event
        {
            Slug = $"cert-{tag}", Title = "第九届区域创新研讨会", TitleEn = "9th Regional Innovation Symposium", StartDate = new DateOnly(2027, 5, 10),
            EndDate = new DateOnly(2027, 5, 11), City = "成都", Venue = "锦江宾馆", Status = Core.Events.EventStatus.Published,
        };
        var other = new Core.Events.Event { Slug = $"cert-other-{tag}", Title = "另一个会议", StartDate = new DateOnly(2027, 6, 1), EndDate = new DateOnly(2027, 6, 1) };
        db.Events.AddRange(ev, other);
        await db.SaveChangesAsync();
        var ids = new List<int>();
        var users = new List<TestUser>();
        for (var i = 0; i <= names.Length; i++)
        {
            var user = await TestUsers.CreateAsync(App, $"cert-{tag}-{i}@test.local", [Roles.Attendee]);
            var registration = new Registration
            {
                EventId = i < names.Length ? ev.Id : other.Id, UserId = user.Id, Name = i < names.Length ? names[i] : "外会者", Organization = "四川省科学技术发展战略研究院",
                Title = "研究员", Email = $"cert-{tag}-{i}@example.cn", RegisteredAt = DateTimeOffset.UtcNow,
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            ids.Add(registration.Id);
            users.Add(user);
        }
        var person = new Core.People.Person { Name = "王报告", Email = $"speaker-{tag}@example.cn" };
        db.People.Add(person);
        var session = new Session { EventId = ev.Id, Title = "主旨报告", Kind = SessionKind.Keynote, Start = new DateTimeOffset(2027, 5, 10, 1, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(2027, 5, 10, 2, 0, 0, TimeSpan.Zero) };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        var item = new SessionItem { SessionId = session.Id, Title = "创新型省份建设的路径", DurationMinutes = 30 };
        item.Participants.Add(new ItemParticipant { PersonId = person.Id, Role = ItemRole.Speaker });
        db.SessionItems.Add(item);
        var reviewer = new Reviewer { EventId = ev.Id, Email = $"reviewer-{tag}@example.cn", Name = "李审稿", Affiliation = "清华大学", InvitationToken = tag, State = ReviewerState.Accepted };
        db.Reviewers.AddRange(reviewer, new Reviewer { EventId = ev.Id, Email = $"invited-{tag}@example.cn", Name = "赵未应", InvitationToken = tag + "x" });
        await db.SaveChangesAsync();
        return new Setup(ev.Id, ev.Slug, ids.Take(names.Length).ToArray(), users.ToArray(), person.Id, reviewer.Id, ids[^1]);
    }

    private async Task<byte[]> PrintAsync(int eventId, params int[] ids) =>
        await App.Get<ICertificatePrinter>().PrintAsync(await Certificates.PrintsAsync(TestActors.Admin, eventId, ids));

    private async Task UploadSealAsync(int eventId, byte[] image) =>
        Assert.Equal(ImageProblem.None, await Certificates.UploadImageAsync(TestActors.Admin, eventId, CertificateImage.Seal, new MemoryStream(image)));

    [Fact]
    public async Task A_certificate_is_a_sound_PDF_with_exact_text_the_seal_and_a_QR_that_decodes_to_its_verify_URL()
    {
        var s = await EventAsync("欧阳明月");
        await UploadSealAsync(s.EventId, TestImages.Png(300, 300));
        await Certificates.SaveDesignAsync(TestActors.Admin, s.EventId, new CertificateDesignInput("中国科学技术发展战略研究院", "CASTED", CertificateDateStyle.Chinese), null);
        var issued = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, s.Registrations[0], "zh-CN"))!;

        var pdf = await PrintAsync(s.EventId, issued.Id);

        PdfQuality.AssertSound(pdf);
        Assert.Equal(1, PdfQuality.PageCount(pdf));
        PdfQuality.AssertContainsText(pdf, "中国科学技术发展战略研究院", "参会证明", "兹证明四川省科学技术发展战略研究院欧阳明月同志于2027年5月10日—11日在成都锦江宾馆参加第九届区域创新研讨会。",
            "特此证明。", "会议组委会", issued.ShortCode, "证书编号");
        Assert.Matches("二〇二[0-9〇一二三四五六七八九]年[一二三四五六七八九十]+月[一二三四五六七八九十]+日", PdfQuality.CompactText(pdf));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.True(document.GetPage(1).GetImages().Count() >= 2, "the QR code and the seal"); // the seal is printed
        }
        var url = Assert.Single(PdfQrCodes.Decode(pdf, 1));
        Assert.Equal(Certificates.VerifyUrl(Certificates.Token(CertificateKind.Attendance, issued.Id, issued.Version)), url);
        Assert.Matches(@"^https?://[^/]+/verify/[A-Za-z0-9_-]{20,40}$", url);
    }

    [Fact]
    public async Task English_letters_and_presentation_and_reviewing_certificates_fill_their_own_people()
    {
        var s = await EventAsync("Zhang San");
        var invitation = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Invitation, s.Registrations[0], "en"))!;
        var talk = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Presentation, s.SpeakerId, "zh-CN"))!;
        var review = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Reviewing, s.ReviewerId, "zh-CN"))!;

        var pdf = await PrintAsync(s.EventId, invitation.Id, talk.Id, review.Id);

        PdfQuality.AssertSound(pdf);
        Assert.Equal(3, PdfQuality.PageCount(pdf));
        var pages = PdfQuality.PageTexts(pdf).Select(PdfQuality.Compact).ToList();
        Assert.Contains(PdfQuality.Compact("Letter of Invitation"), pages[0], StringComparison.Ordinal);
        Assert.Contains(PdfQuality.Compact("Dear Zhang San,"), pages[0], StringComparison.Ordinal);
        Assert.Contains(PdfQuality.Compact("9th Regional Innovation Symposium"), pages[0], StringComparison.Ordinal);
        Assert.Contains(PdfQuality.Compact("Letter code"), pages[0], StringComparison.Ordinal);
        Assert.Contains("王报告同志于2027年5月10日—11日在第九届区域创新研讨会上作题为《创新型省份建设的路径》的报告", pages[1], StringComparison.Ordinal);
        Assert.Contains("清华大学李审稿同志担任第九届区域创新研讨会", pages[2], StringComparison.Ordinal);
        Assert.Equal(3, Enumerable.Range(1, 3).Select(p => Assert.Single(PdfQrCodes.Decode(pdf, p))).Distinct().Count());
    }

    [Fact]
    public async Task Certificates_go_only_to_the_events_real_registrations_speakers_and_reviewers()
    {
        var s = await EventAsync("陈静", "刘洋");
        await using (var db = App.CreateDbContext())
        {
            await db.Registrations.Where(r => r.Id == s.Registrations[1]).ExecuteUpdateAsync(x => x.SetProperty(r => r.State, RegistrationState.Cancelled));
        }
        var invited = await App.CreateDbContext().Reviewers.Where(r => r.EventId == s.EventId && r.State == ReviewerState.Invited).Select(r => r.Id).SingleAsync();

        Assert.Null(await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, s.OtherEventRegistration, "zh-CN"));
        Assert.Null(await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, s.Registrations[1], "zh-CN"));
        Assert.Null(await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Reviewing, invited, "zh-CN"));
        Assert.Null(await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Presentation, s.SpeakerId + 100000, "zh-CN"));
        var candidates = await Certificates.CandidatesAsync(TestActors.Admin, s.EventId, CertificateKind.Presentation, new CandidateQuery(0, 20));
        Assert.Equal("创新型省份建设的路径", Assert.Single(candidates.Items).ReportTitle);

        // Issued while real, then cancelled: the certificate is no longer printed (the seal goes on nobody else's).
        var issued = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, s.Registrations[0], "zh-CN"))!;
        Assert.Equal(issued.Id, (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, s.Registrations[0], "zh-CN"))!.Id);
        await using (var db = App.CreateDbContext())
        {
            await db.Registrations.Where(r => r.Id == s.Registrations[0]).ExecuteUpdateAsync(x => x.SetProperty(r => r.State, RegistrationState.Cancelled));
        }
        Assert.Empty(await Certificates.PrintsAsync(TestActors.Admin, s.EventId, [issued.Id]));
        var otherSlug = "cert-other-" + s.Slug[5..];
        var other = await App.CreateDbContext().Events.Where(e => e.Slug == otherSlug).Select(e => e.Id).SingleAsync();
        Assert.Empty(await Certificates.PrintsAsync(TestActors.Admin, other, [issued.Id]));
    }

    [Fact]
    public async Task Templates_refuse_unknown_placeholders_and_keep_the_saved_wording()
    {
        var s = await EventAsync("孙丽");
        var bad = await Certificates.SaveTemplateAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, "zh-CN", "参会证明", "兹证明{姓名}参加{会议}。", "组委会", null);
        Assert.Equal(CertificateSaveOutcome.Invalid, bad.Outcome);
        Assert.Equal(["会议"], bad.Unknown);
        Assert.Equal(CertificateSaveOutcome.Invalid, (await Certificates.SaveTemplateAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, "zh-CN", " ", "x", "", null)).Outcome);

        Assert.Equal(CertificateSaveOutcome.Saved, (await Certificates.SaveTemplateAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, "zh-CN",
            "参会证明", "兹证明{name}（{单位}）出席了{会议名称}。", "主办方", null)).Outcome);
        var setup = (await Certificates.SetupAsync(TestActors.Admin, s.EventId))!;
        var saved = setup.Templates.Single(t => t.Kind == CertificateKind.Attendance && t.Culture == "zh-CN");
        Assert.False(saved.IsDefault);
        // A save under a stale stamp writes nothing.
        Assert.Equal(CertificateSaveOutcome.Stale, (await Certificates.SaveTemplateAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, "zh-CN",
            "参会证明", "x", "y", Guid.NewGuid())).Outcome);

        var issued = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, s.Registrations[0], "zh-CN"))!;
        var print = Assert.Single(await Certificates.PrintsAsync(TestActors.Admin, s.EventId, [issued.Id]));
        Assert.Equal("兹证明孙丽（四川省科学技术发展战略研究院）出席了第九届区域创新研讨会。", print.Body);
        Assert.Equal("主办方", print.Signature);
    }

    [Fact]
    public async Task Seal_uploads_are_checked_by_their_bytes_and_size()
    {
        var s = await EventAsync("钱多");
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var webp = Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 ").Concat(new byte[64]).ToArray();
        var big = TestImages.Png(10, 10).Concat(new byte[CertificateImages.MaxBytes]).ToArray();

        Assert.Equal(ImageProblem.NotAnImage, await Certificates.UploadImageAsync(TestActors.Admin, s.EventId, CertificateImage.Seal, new MemoryStream(html)));
        Assert.Equal(ImageProblem.NotAnImage, await Certificates.UploadImageAsync(TestActors.Admin, s.EventId, CertificateImage.Seal, new MemoryStream(webp)));
        Assert.Equal(ImageProblem.TooLarge, await Certificates.UploadImageAsync(TestActors.Admin, s.EventId, CertificateImage.Seal, new MemoryStream(big)));
        Assert.Equal(ImageProblem.Empty, await Certificates.UploadImageAsync(TestActors.Admin, s.EventId, CertificateImage.Seal, new MemoryStream()));
        Assert.False((await Certificates.SetupAsync(TestActors.Admin, s.EventId))!.HasSeal);

        Assert.Equal(ImageProblem.None, await Certificates.UploadImageAsync(TestActors.Admin, s.EventId, CertificateImage.Seal, new MemoryStream(TestImages.Jpeg(200, 200))));
        Assert.True((await Certificates.SetupAsync(TestActors.Admin, s.EventId))!.HasSeal);
    }

    [Fact]
    public async Task Verification_over_HTTP_tells_genuine_edited_superseded_and_revoked_codes_apart()
    {
        var s = await EventAsync("周敏", "吴刚");
        var first = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, s.Registrations[0], "zh-CN"))!;
        var token = Certificates.Token(CertificateKind.Attendance, first.Id, first.Version);
        using var anonymous = App.CreateRawClient();

        async Task<string> VerifyAsync(string code)
        {
            var response = await anonymous.GetAsync($"/verify/{Uri.EscapeDataString(code)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var genuine = await VerifyAsync(token);
        Assert.Contains("verify-valid", genuine, StringComparison.Ordinal);
        Assert.Contains("周敏", genuine, StringComparison.Ordinal);
        Assert.Contains("第九届区域创新研讨会", genuine, StringComparison.Ordinal);
        Assert.Contains("参会证明", genuine, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", genuine, StringComparison.Ordinal); // static: no component goes live
        Assert.Contains("verify-valid", await VerifyAsync(first.ShortCode.ToLowerInvariant()), StringComparison.Ordinal);
        var byQuery = await (await anonymous.GetAsync($"/verify?code={first.ShortCode}")).Content.ReadAsStringAsync();
        Assert.Contains("verify-valid", byQuery, StringComparison.Ordinal);
        var english = new HttpRequestMessage(HttpMethod.Get, $"/verify/{token}");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var en = await (await anonymous.SendAsync(english)).Content.ReadAsStringAsync();
        Assert.Contains("9th Regional Innovation Symposium", en, StringComparison.Ordinal);
        Assert.Contains("Certificate of attendance", en, StringComparison.Ordinal);

        // Edited: one character of the token or the short code changed; another registration's id in a real code's shape.
        var edited = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        var editedShort = first.ShortCode[..^1] + (first.ShortCode[^1] == 'K' ? 'M' : 'K');
        foreach (var bad in new[] { edited, editedShort, "ABCD-EFGH-JK", "not a code", Certificates.ShortCode(CertificateKind.Invitation, first.Id, first.Version) })
        {
            var page = await VerifyAsync(bad);
            Assert.Contains("verify-invalid", page, StringComparison.Ordinal);
            Assert.DoesNotContain("周敏", page, StringComparison.Ordinal);
        }

        // Reissued: the old codes are superseded, the new one is valid.
        var second = (await Certificates.ReissueAsync(TestActors.Admin, s.EventId, first.Id))!;
        Assert.Equal(first.Version + 1, second.Version);
        Assert.Contains("verify-superseded", await VerifyAsync(token), StringComparison.Ordinal);
        Assert.Contains("verify-superseded", await VerifyAsync(first.ShortCode), StringComparison.Ordinal);
        Assert.Contains("verify-valid", await VerifyAsync(second.ShortCode), StringComparison.Ordinal);

        // Revoked: every code of it shows as revoked, at once (never cached).
        Assert.True(await Certificates.RevokeAsync(TestActors.Admin, s.EventId, first.Id));
        Assert.False(await Certificates.RevokeAsync(TestActors.Admin, s.EventId, first.Id));
        var revoked = await VerifyAsync(second.ShortCode);
        Assert.Contains("verify-revoked", revoked, StringComparison.Ordinal);
        Assert.Contains("撤销", revoked, StringComparison.Ordinal);
        Assert.Empty(await Certificates.PrintsAsync(TestActors.Admin, s.EventId, [first.Id]));
    }

    [Fact]
    public async Task A_letter_of_a_registration_cancelled_refused_or_handed_over_no_longer_verifies_as_valid()
    {
        // An invitation letter (for a visa) is issued before the event: the place given up afterwards must not leave a letter
        // that /verify still calls valid, naming someone who no longer comes.
        var s = await EventAsync("钱一", "孙二", "李三", "周四");
        var letters = new List<IssuedCertificate>();
        foreach (var registration in s.Registrations)
            letters.Add((await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Invitation, registration, "zh-CN"))!);
        var registrations = App.Get<global::Events.Infrastructure.Attendees.RegistrationService>();

        Assert.True(await registrations.CancelAsync(s.Registrations[0], s.Users[0].Id));
        Assert.True(await registrations.CancelForAttendeeAsync(TestActors.Admin, s.EventId, s.Registrations[1]));
        await using (var db = App.CreateDbContext())
            await db.Registrations.Where(r => r.Id == s.Registrations[2]).ExecuteUpdateAsync(x => x.SetProperty(r => r.State, RegistrationState.PendingApproval));
        Assert.Equal(global::Events.Infrastructure.Attendees.DecisionOutcome.Done, await registrations.DecideAsync(TestActors.Admin, s.EventId, s.Registrations[2], approve: false));
        var handover = await registrations.HandOverAsync(s.Registrations[3], s.Users[3].Id, new HandoverInput { Name = "赵五", Email = $"zhaowu-{Guid.NewGuid():N}@example.cn" });
        Assert.Equal(global::Events.Infrastructure.Attendees.ChangeOutcome.Done, handover.Outcome);

        foreach (var letter in letters)
        {
            var verification = await Certificates.VerifyAsync(Certificates.Token(CertificateKind.Invitation, letter.Id, letter.Version));
            Assert.Equal(VerificationStatus.Revoked, verification.Status);
            Assert.NotNull(verification.RevokedOn);
        }
        Assert.Empty(await Certificates.PrintsAsync(TestActors.Admin, s.EventId, letters.Select(l => l.Id).ToList()));
    }

    [Fact]
    public async Task A_certificate_whose_recipient_is_no_longer_real_is_not_called_valid_by_verify()
    {
        // Printing already refuses a speaker taken out of the program (the seal goes on nobody else's): a copy printed
        // before must not verify as valid either.
        var s = await EventAsync("郑八");
        var talk = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Presentation, s.SpeakerId, "zh-CN"))!;
        var token = Certificates.Token(CertificateKind.Presentation, talk.Id, talk.Version);
        Assert.Equal(VerificationStatus.Valid, (await Certificates.VerifyAsync(token)).Status);
        await using (var db = App.CreateDbContext())
            await db.Set<ItemParticipant>().Where(p => p.PersonId == s.SpeakerId).ExecuteDeleteAsync();

        Assert.Empty(await Certificates.PrintsAsync(TestActors.Admin, s.EventId, [talk.Id]));
        Assert.Equal(VerificationStatus.Withdrawn, (await Certificates.VerifyAsync(token)).Status);
        using var anonymous = App.CreateRawClient();
        var zh = await (await anonymous.GetAsync($"/verify/{token}")).Content.ReadAsStringAsync();
        Assert.Contains("verify-withdrawn", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("verify-valid", zh, StringComparison.Ordinal);
        Assert.Contains("不再有效", zh, StringComparison.Ordinal);
        var english = new HttpRequestMessage(HttpMethod.Get, $"/verify/{Certificates.ShortCode(CertificateKind.Presentation, talk.Id, talk.Version)}");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var en = await (await anonymous.SendAsync(english)).Content.ReadAsStringAsync();
        Assert.Contains("no longer valid", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_answers_a_client_30_times_a_minute_then_429_with_a_page_in_its_language()
    {
        // Each test client gets its own address, so the limit of one does not touch another (or the other tests' clients).
        async Task<(int Status, string Body, string? RetryAfter)> AskAsync(IPAddress from, bool english = false)
        {
            var context = await App.Server.SendAsync(c =>
            {
                c.Request.Method = "GET";
                c.Request.Path = "/verify/ABCD-EFGH-JK";
                c.Connection.RemoteIpAddress = from;
                if (english) c.Request.Headers.Cookie = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";
            });
            using var reader = new StreamReader(context.Response.Body);
            return (context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.Headers.RetryAfter.FirstOrDefault());
        }

        var client = IPAddress.Parse($"198.51.100.{Random.Shared.Next(1, 250)}");
        for (var i = 0; i < global::Events.Web.Hosting.RateLimits.DefaultVerifyPerMinute; i++)
        {
            var (status, body, _) = await AskAsync(client);
            Assert.Equal(200, status);
            Assert.Contains("verify-invalid", body, StringComparison.Ordinal);
        }
        var refused = await AskAsync(client);
        Assert.Equal(429, refused.Status);
        Assert.Contains("查询过于频繁", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("verify-invalid", refused.Body, StringComparison.Ordinal);
        Assert.True(int.TryParse(refused.RetryAfter, out var seconds) && seconds is > 0 and <= 60, refused.RetryAfter);
        var inEnglish = await AskAsync(client, english: true);
        Assert.Equal(429, inEnglish.Status);
        Assert.Contains("Too many checks", inEnglish.Body, StringComparison.Ordinal);

        // Another client is answered as before.
        Assert.Equal(200, (await AskAsync(IPAddress.Parse("203.0.113.77"))).Status);
    }

    [Fact]
    public async Task The_seal_is_never_served_at_any_public_url_to_anonymous_visitors_or_registrants()
    {
        var s = await EventAsync("郑洁");
        var upload = TestImages.Png(160, 160);
        await UploadSealAsync(s.EventId, upload);
        string storedName;
        await using (var db = App.CreateDbContext())
        {
            storedName = await db.CertificateDesigns.Where(d => d.EventId == s.EventId).Select(d => d.SealFile!).SingleAsync();
        }
        var stored = await File.ReadAllBytesAsync(Path.Combine(App.Get<FileStore>().Root, CertificateImages.Folder, storedName));
        var issued = (await Certificates.IssueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, s.Registrations[0], "zh-CN"))!;
        var token = Certificates.Token(CertificateKind.Attendance, issued.Id, issued.Version);
        // Positive control: the staff's PDF does carry the seal.
        Assert.True(UglyToad.PdfPig.PdfDocument.Open(await PrintAsync(s.EventId, issued.Id)).GetPage(1).GetImages().Count() >= 2);

        // Every GET route with every plausible argument: this event's id and slug, the certificate's id, its token, the stored name.
        var ints = new[] { s.EventId, issued.Id }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var strings = new[] { s.Slug, token, storedName };
        var paths = new HashSet<string>(StringComparer.Ordinal)
        {
            "/" + storedName, $"/files/{CertificateImages.Folder}/{storedName}", $"/{CertificateImages.Folder}/{storedName}", $"/files/{storedName}",
            $"/uploads/{storedName}", $"/data/files/{CertificateImages.Folder}/{storedName}",
        };
        foreach (var route in AppRouteTable.Routes(App.Services).Where(r => r.AnswersGet))
        {
            foreach (var i in ints)
            {
                foreach (var text in strings)
                {
                    paths.Add(System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{[^}]+\}", m => m.Value.Contains(":int", StringComparison.Ordinal) ? i : text));
                }
            }
        }
        var needles = new[]
        {
            stored[^48..], upload[^48..], Encoding.ASCII.GetBytes(Convert.ToBase64String(stored[..60])), Encoding.ASCII.GetBytes(Convert.ToBase64String(upload[..60])),
            Encoding.ASCII.GetBytes(storedName),
        };
        using var client = App.CreateRawClient();
        var registrant = s.Users[0];
        var visited = 0;
        foreach (var path in paths)
        {
            foreach (var asRegistrant in new[] { false, true })
            {
                using var request = asRegistrant ? registrant.Get(path) : new HttpRequestMessage(HttpMethod.Get, path);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                visited++;
                // A page may echo the path it was asked for (a 404 page's link back); the stored name counts only where the path does not carry it.
                foreach (var needle in needles.Where(n => !path.Contains(Encoding.ASCII.GetString(n), StringComparison.Ordinal)))
                {
                    Assert.False(body.AsSpan().IndexOf(needle) >= 0, $"{path} ({(asRegistrant ? "registrant" : "anonymous")}) serves the seal");
                }
            }
        }
        Assert.True(visited > 100, $"only {visited} requests");
    }

    [Fact]
    public async Task Bulk_builds_make_one_PDF_a_zip_and_held_mail_with_attachments()
    {
        var s = await EventAsync("张伟", "王芳", "李娜");
        var builds = App.Get<CertificateBuilds>();
        var finished = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var live = App.Get<ILiveUpdates>();

        async Task<CertificateBuildView> RunAsync(CertificateBuildFormat format)
        {
            var id = (await builds.QueueAsync(TestActors.Admin, s.EventId, CertificateKind.Attendance, new CandidateQuery(0, 1), "zh-CN", format))!.Value;
            var done = new TaskCompletionSource();
            using (live.Subscribe(CertificateBuilds.Topic, key =>
            {
                if (key != s.EventId) return;
                using var db = App.CreateDbContext();
                if (db.CertificateBuilds.Any(b => b.Id == id && (b.State == CertificateBuildState.Done || b.State == CertificateBuildState.Failed))) done.TrySetResult();
            }))
            {
                // The hosted worker runs it; running the queue here as well is safe (a build is claimed once).
                await App.Get<CertificateBuildWorker>().RunNextAsync(CancellationToken.None);
                await using (var db = App.CreateDbContext())
                {
                    if (await db.CertificateBuilds.AnyAsync(b => b.Id == id && b.State == CertificateBuildState.Done)) done.TrySetResult();
                }
                await done.Task.WaitAsync(TimeSpan.FromSeconds(90));
            }
            return (await Certificates.BuildsAsync(TestActors.Admin, s.EventId)).Single(b => b.Id == id);
        }

        var combined = await RunAsync(CertificateBuildFormat.Combined);
        Assert.Equal(CertificateBuildState.Done, combined.State);
        Assert.Equal((3, 3), (combined.Done, combined.Total));
        var file = (await builds.OpenAsync(TestActors.Admin, s.EventId, combined.Id))!.Value;
        using (var copy = new MemoryStream())
        {
            await file.Content.CopyToAsync(copy);
            await file.Content.DisposeAsync();
            var pdf = copy.ToArray();
            PdfQuality.AssertSound(pdf);
            Assert.Equal(3, PdfQuality.PageCount(pdf));
            PdfQuality.AssertContainsText(pdf, "张伟", "王芳", "李娜");
        }

        var zip = await RunAsync(CertificateBuildFormat.Zip);
        var zipped = (await builds.OpenAsync(TestActors.Admin, s.EventId, zip.Id))!.Value;
        Assert.Equal("application/zip", zipped.ContentType);
        using (var archive = new ZipArchive(zipped.Content))
        {
            Assert.Equal(3, archive.Entries.Count);
            Assert.All(archive.Entries, e => Assert.Matches(@"^attendance-\d+-0\.pdf$", e.Name));
        }

        var mail = await RunAsync(CertificateBuildFormat.Mail);
        Assert.Equal(CertificateBuildState.Done, mail.State);
        await using var check = App.CreateDbContext();
        var messages = await check.OutboxMessages.Include(m => m.Attachments).Include(m => m.Recipients)
            .Where(m => m.EventId == s.EventId && m.TemplateKey == MailTemplateKeys.Certificate).ToListAsync();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal(OutboxState.Held, m.State));
        Assert.Single(messages.Select(m => m.BatchId).Distinct());
        Assert.All(messages, m => Assert.Matches(@"^attendance-\d+-0\.pdf$", Assert.Single(m.Attachments).FileName));
        Assert.All(messages, m => Assert.Contains("/verify/", m.TextBody, StringComparison.Ordinal));
        Assert.Equal(3, await check.Certificates.CountAsync(c => c.EventId == s.EventId && c.MailedAt != null));
    }
}
