using Events.Core.Attendees;
using Events.Core.Common;
using Events.Core.OnTheDay;
using Events.Infrastructure.OnTheDay;
using Events.IntegrationTests.Infrastructure;
using Events.IntegrationTests.Pdf;
using Events.Web.Components.Documents;
using Microsoft.EntityFrameworkCore;

namespace Events.IntegrationTests.OnTheDay;

/// <summary>A session's seating saved and reloaded under its stamp, and its chart and table tents printed and read back.</summary>
[Collection(PdfCollection.Name)]
public sealed class SeatingTests(PdfAppFixture fx)
{
    // Ranks 1–7; 王伟 and 刘洋 have two characters, 欧阳明远 four.
    private static readonly string[] Ranked = ["李建国", "王伟", "欧阳明远", "张晓红", "刘洋", "陈志强", "Alexandre Villain"];

    private SeatingService Seating => fx.App.Get<SeatingService>();

    private async Task<(int EventId, int SessionId)> NewSessionAsync()
    {
        await using var db = fx.App.CreateDbContext();
        // Each test takes its own session, so the tests do not share a plan.
        var used = await db.SeatingPlans.Select(p => p.SessionId).ToListAsync();
        var session = await db.Sessions.Where(s => !used.Contains(s.Id)).OrderBy(s => s.Id).Select(s => new { s.EventId, s.Id }).FirstAsync();
        return (session.EventId, session.Id);
    }

    private static SeatingPlanInput Rostrum(SeatingConvention convention = SeatingConvention.Official) =>
        new(SeatingLayout.Rostrum, convention, 10, Ranked.Select((n, i) => new SeatingGuestInput(n, $"单位{i + 1} 职务")).ToList());

    [Fact]
    public async Task A_saved_rostrum_reloads_in_rank_order_and_a_stale_save_writes_nothing()
    {
        var (eventId, sessionId) = await NewSessionAsync();
        Assert.Equal(SaveOutcome.Saved, (await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, Rostrum(), null)).Outcome);
        var first = (await Seating.LoadAsync(eventId, sessionId))!;
        Assert.Equal(Ranked, first.Guests.Select(g => g.Name));
        Assert.Equal(Enumerable.Range(1, 7), first.Guests.Select(g => g.Rank));

        // A second first save (someone else's page that loaded before the plan existed) is a conflict.
        Assert.Equal(SaveOutcome.Conflict, (await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, Rostrum(), null)).Outcome);

        var swapped = first.AsInput().ToList();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        var input = new SeatingPlanInput(SeatingLayout.Rostrum, SeatingConvention.International, 10, swapped);
        Assert.Equal(SaveOutcome.Saved, (await Seating.SaveAsync(TestActors.AdminAs("b"), eventId, sessionId, input, first.Stamp)).Outcome);

        // The first page still holds the old stamp.
        Assert.Equal(SaveOutcome.Conflict, (await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, Rostrum(), first.Stamp)).Outcome);
        var now = (await Seating.LoadAsync(eventId, sessionId))!;
        Assert.Equal(["王伟", "李建国"], now.Guests.Take(2).Select(g => g.Name));
        Assert.Equal(SeatingConvention.International, now.Convention);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_codes_and_nothing_is_saved()
    {
        var (eventId, sessionId) = await NewSessionAsync();
        var input = new SeatingPlanInput(SeatingLayout.Tables, SeatingConvention.Official, 2,
            [new(" ", null), new("甲", null, Table: 1), new("乙", null, Table: 1), new("丙", null, Table: 1)]);

        var result = await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, input, null);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(new Core.Validation.RuleViolation("Guests[0].Name", "Required"), result.Violations);
        Assert.Contains(new Core.Validation.RuleViolation("Guests", "TableFull"), result.Violations);
        Assert.Null((await Seating.LoadAsync(eventId, sessionId))!.Stamp);
        Assert.Equal(SaveOutcome.NotFound, (await Seating.SaveAsync(TestActors.Admin, eventId + 100000, sessionId, Rostrum(), null)).Outcome);
    }

    [Fact]
    public async Task A_guest_keeps_a_registration_of_this_event_but_one_of_another_event_or_an_unknown_person_is_dropped()
    {
        var (eventId, sessionId) = await NewSessionAsync();
        int own, foreign;
        await using (var db = fx.App.CreateDbContext())
        {
            // A registration of this event and one of another event, each by a user with none there yet.
            var otherEvent = await db.Events.Where(e => e.Id != eventId).Select(e => e.Id).FirstAsync();
            Registration New(int ev, string userId) => new()
            {
                EventId = ev, UserId = userId, Name = "席位代表", Organization = "某研究院", Title = "研究员", Email = $"seat-{ev}-{userId}@example.test",
                RegisteredAt = DateTimeOffset.UtcNow,
            };
            var here = await db.Users.Where(u => !db.Registrations.Any(r => r.EventId == eventId && r.UserId == u.Id)).Select(u => u.Id).FirstAsync();
            var there = await db.Users.Where(u => !db.Registrations.Any(r => r.EventId == otherEvent && r.UserId == u.Id)).Select(u => u.Id).FirstAsync();
            var ownRow = New(eventId, here);
            var foreignRow = New(otherEvent, there);
            db.Registrations.AddRange(ownRow, foreignRow);
            await db.SaveChangesAsync();
            (own, foreign) = (ownRow.Id, foreignRow.Id);
        }
        var input = new SeatingPlanInput(SeatingLayout.Rostrum, SeatingConvention.Official, 10,
        [
            new("本会代表", null, RegistrationId: own),
            new("他会代表", null, RegistrationId: foreign),
            new("无名嘉宾", null, PersonId: int.MaxValue),
        ]);

        try
        {
            Assert.Equal(SaveOutcome.Saved, (await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, input, null)).Outcome);

            var saved = (await Seating.LoadAsync(eventId, sessionId))!.Guests;
            Assert.Equal(["本会代表", "他会代表", "无名嘉宾"], saved.Select(g => g.Name));
            Assert.Equal(own, saved[0].RegistrationId);
            Assert.Null(saved[1].RegistrationId);
            Assert.Null(saved[2].PersonId);
        }
        finally
        {
            // The collection's other tests print these events' delegates: the two made-up registrations go again.
            await using var db = fx.App.CreateDbContext();
            await db.Registrations.Where(r => r.Id == own || r.Id == foreign).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task Table_tents_print_one_sheet_per_seat_with_the_name_on_both_faces_and_two_character_names_spaced()
    {
        var (eventId, sessionId) = await NewSessionAsync();
        await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, Rostrum(), null);

        var pdf = (await fx.App.Get<SeatingDocuments>().TentsAsync(eventId, sessionId, SeatingView.Audience, null))!;

        PdfQuality.AssertSound(pdf);
        var pages = PdfQuality.PageTexts(pdf);
        Assert.Equal(7, pages.Count);
        // Left to right as the audience sees the rostrum: ranks 7-5-3-1-2-4-6.
        string[] expected = ["Alexandre Villain", "刘　洋", "欧阳明远", "李建国", "王　伟", "张晓红", "陈志强"];
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(2, Occurrences(pages[i], expected[i]));
            Assert.Contains($"第{i + 1}座（观众视角，自左至右）", PdfQuality.Compact(pages[i]), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("王伟", string.Concat(pages), StringComparison.Ordinal);
        Assert.Contains(PdfQuality.Fonts(pdf), f => f.Name.Contains("Bold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_at_its_longest_prints_whole_on_both_faces_of_its_tent_within_the_sheet()
    {
        // A guest's name may have 100 characters; a long English name with titles is common on a rostrum. Neither is cut.
        var (eventId, sessionId) = await NewSessionAsync();
        var longest = string.Concat(Enumerable.Repeat("阿卜杜热合曼·买买提明", 10))[..100];
        const string english = "Prof. Dr. Maximilian Alexander von Hohenzollern-Sigmaringen";
        var saved = await Seating.SaveAsync(TestActors.Admin, eventId, sessionId,
            new SeatingPlanInput(SeatingLayout.Rostrum, SeatingConvention.Official, 10, [new SeatingGuestInput(longest, null), new SeatingGuestInput(english, null)]), null);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);

        var pdf = (await fx.App.Get<SeatingDocuments>().TentsAsync(eventId, sessionId, SeatingView.Audience, null))!;

        PdfQuality.AssertSound(pdf);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        foreach (var page in document.GetPages())
        {
            var text = PdfQuality.Compact(page.Text);
            var name = text.Contains(PdfQuality.Compact(english), StringComparison.Ordinal) ? english : longest;
            Assert.Equal(2, Occurrences(text, PdfQuality.Compact(name)));
            var big = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.PointSize > 20).ToList();
            Assert.All(big, l => Assert.InRange(l.BoundingBox.Left, 0, page.Width));
            Assert.All(big, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width));
        }
    }

    [Fact]
    public async Task A_table_tents_upper_face_is_upside_down_and_its_lower_face_upright()
    {
        var (eventId, sessionId) = await NewSessionAsync();
        await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, Rostrum(), null);
        var pdf = (await fx.App.Get<SeatingDocuments>().TentsAsync(eventId, sessionId, SeatingView.Audience, null))!;

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            // The name's letters (the large ones) on each half of the folded sheet.
            var big = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.PointSize > 40).ToList();
            var upper = big.Where(l => l.BoundingBox.Centroid.Y > page.Height / 2).ToList();
            var lower = big.Where(l => l.BoundingBox.Centroid.Y < page.Height / 2).ToList();
            Assert.NotEmpty(upper);
            Assert.Equal(upper.Count, lower.Count);
            Assert.All(upper, l => Assert.Equal(UglyToad.PdfPig.Content.TextOrientation.Rotate180, l.TextOrientation));
            Assert.All(lower, l => Assert.Equal(UglyToad.PdfPig.Content.TextOrientation.Horizontal, l.TextOrientation));
            // Read upside down, the upper face spells the same name as the lower one.
            Assert.Equal(string.Concat(lower.OrderBy(l => l.BoundingBox.Left).Select(l => l.Value)),
                string.Concat(upper.OrderByDescending(l => l.BoundingBox.Left).Select(l => l.Value)));
        }
    }

    [Fact]
    public async Task Tents_for_a_chosen_list_print_only_those_people()
    {
        var (eventId, sessionId) = await NewSessionAsync();
        await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, Rostrum(), null);
        var view = (await Seating.LoadAsync(eventId, sessionId))!;
        var chosen = view.Guests.Where(g => g.Name is "王伟" or "陈志强").Select(g => g.Id).ToList();

        var pdf = (await fx.App.Get<SeatingDocuments>().TentsAsync(eventId, sessionId, SeatingView.Rostrum, chosen))!;

        var pages = PdfQuality.PageTexts(pdf);
        Assert.Equal(2, pages.Count);
        // From the rostrum (6-4-2-1-3-5-7) 王伟 (rank 2) sits third from the left and 陈志强 (rank 6) first.
        Assert.Contains("陈志强", pages[0], StringComparison.Ordinal);
        Assert.Contains("第1座（主席台视角，自左至右）", PdfQuality.Compact(pages[0]), StringComparison.Ordinal);
        Assert.Contains("王　伟", pages[1], StringComparison.Ordinal);
        Assert.Contains("第3座（主席台视角，自左至右）", PdfQuality.Compact(pages[1]), StringComparison.Ordinal);
        Assert.Null(await fx.App.Get<SeatingDocuments>().TentsAsync(eventId, sessionId, SeatingView.Rostrum, [int.MaxValue]));
    }

    [Fact]
    public async Task The_seating_chart_states_its_view_and_reads_7_5_3_1_2_4_6_from_the_audience()
    {
        var (eventId, sessionId) = await NewSessionAsync();
        await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, Rostrum(), null);

        var audience = (await fx.App.Get<SeatingDocuments>().ChartAsync(eventId, sessionId, SeatingView.Audience))!;
        var rostrum = (await fx.App.Get<SeatingDocuments>().ChartAsync(eventId, sessionId, SeatingView.Rostrum))!;

        PdfQuality.AssertSound(audience);
        PdfQuality.AssertContainsText(audience, "观众视角：面向主席台，自左至右", "国内惯例（以左为尊）");
        PdfQuality.AssertContainsText(rostrum, "主席台视角：面向观众，自左至右");
        AssertInOrder(PdfQuality.CompactText(audience), ["AlexandreVillain", "刘洋", "欧阳明远", "李建国", "王伟", "张晓红", "陈志强"]);
        AssertInOrder(PdfQuality.CompactText(rostrum), ["陈志强", "王伟", "李建国", "欧阳明远", "刘洋", "AlexandreVillain"]);
    }

    [Fact]
    public async Task Tables_are_charted_with_their_people_by_seat_from_the_host_seat_round_to_the_hosts_right()
    {
        var (eventId, sessionId) = await NewSessionAsync();
        var guests = Ranked.Select((n, i) => new SeatingGuestInput(n, null, i < 3 ? "甲单位" : "乙单位", Table: i < 4 ? 1 : 2)).ToList();
        await Seating.SaveAsync(TestActors.Admin, eventId, sessionId, new SeatingPlanInput(SeatingLayout.Tables, SeatingConvention.Official, 4, guests), null);

        var pdf = (await fx.App.Get<SeatingDocuments>().ChartAsync(eventId, sessionId, SeatingView.Audience))!;

        PdfQuality.AssertSound(pdf);
        // A table of four: the host seat, then the principal guest (rank 2) on the host's right, rank 4 opposite, rank 3 on the host's left.
        AssertInOrder(PdfQuality.CompactText(pdf), ["第1桌", "主位李建国", "2座王伟", "3座张晓红", "4座欧阳明远", "第2桌", "主位刘洋", "2座陈志强"]);
        PdfQuality.AssertContainsText(pdf, "主宾坐主人右侧");
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static void AssertInOrder(string text, IReadOnlyList<string> values)
    {
        var at = -1;
        foreach (var value in values)
        {
            var next = text.IndexOf(value, at + 1, StringComparison.Ordinal);
            Assert.True(next > at, $"“{value}” is not after the previous name in: {text}");
            at = next;
        }
    }
}
