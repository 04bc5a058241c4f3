using Events.Core.Events;

namespace Events.Core.Tests.Events;

public class EventInputApplyToTests
{
    private const int GuidingDepartment = 1;
    private const int Society = 2;
    private const int University = 3;
    private const int Institute = 4;

    private static Event StoredEvent() => new()
    {
        Id = 7,
        Slug = "regional-innovation-symposium-7",
        Title = "第七届区域创新发展学术研讨会",
        Theme = "创新驱动与区域协调发展",
        City = "成都",
        StartDate = new DateOnly(2025, 11, 21),
        EndDate = new DateOnly(2025, 11, 22),
        Units =
        [
            // Stored out of order on purpose: Order, not list position, is the printed order.
            new EventUnit { Id = 11, EventId = 7, Role = OrganizerRole.Host, OrganizationId = University, Order = 1 },
            new EventUnit { Id = 10, EventId = 7, Role = OrganizerRole.Host, OrganizationId = Society, Order = 0 },
            new EventUnit { Id = 12, EventId = 7, Role = OrganizerRole.GuidedBy, OrganizationId = GuidingDepartment, Order = 0 },
            new EventUnit { Id = 13, EventId = 7, Role = OrganizerRole.Organizer, OrganizationId = Institute, Order = 0 },
        ],
    };

    private static List<int> OrgIdsInOrder(Event e, OrganizerRole role) =>
        e.Units.Where(u => u.Role == role).OrderBy(u => u.Order).Select(u => u.OrganizationId).ToList();

    [Fact]
    public void From_lists_each_roles_units_by_Order()
    {
        var input = EventInput.From(StoredEvent());

        Assert.Equal([Society, University], input.Units[OrganizerRole.Host]);
        Assert.Equal([GuidingDepartment], input.Units[OrganizerRole.GuidedBy]);
        Assert.Equal([Institute], input.Units[OrganizerRole.Organizer]);
        Assert.Empty(input.Units[OrganizerRole.CoOrganizer]);
        Assert.Empty(input.Units[OrganizerRole.Supporter]);
    }

    [Fact]
    public void From_then_ApplyTo_when_nothing_is_edited_then_units_keep_their_rows_and_order()
    {
        var e = StoredEvent();
        var before = e.Units.Select(u => (u.Id, u.Role, u.OrganizationId, u.Order)).OrderBy(u => u.Id).ToList();

        EventInput.From(e).ApplyTo(e);

        var after = e.Units.Select(u => (u.Id, u.Role, u.OrganizationId, u.Order)).OrderBy(u => u.Id).ToList();
        Assert.Equal(before, after);
        Assert.Equal("regional-innovation-symposium-7", e.Slug);
        Assert.Equal("创新驱动与区域协调发展", e.Theme);
    }

    [Fact]
    public void ApplyTo_on_a_new_event_adds_units_per_role_in_the_given_order()
    {
        var input = new EventInput { Slug = "forum", Title = "论坛", StartDate = new DateOnly(2025, 5, 1), EndDate = new DateOnly(2025, 5, 1) };
        input.Units[OrganizerRole.Host] = [University, Society, Institute];
        input.Units[OrganizerRole.Supporter] = [GuidingDepartment, Society];
        var e = new Event { Slug = "", Title = "" };

        input.ApplyTo(e);

        Assert.Equal([University, Society, Institute], OrgIdsInOrder(e, OrganizerRole.Host));
        Assert.Equal([0, 1, 2], e.Units.Where(u => u.Role == OrganizerRole.Host).Select(u => u.Order).Order());
        Assert.Equal([GuidingDepartment, Society], OrgIdsInOrder(e, OrganizerRole.Supporter));
        Assert.Equal(5, e.Units.Count);
    }

    [Fact]
    public void ApplyTo_when_units_are_reordered_then_Order_is_updated_without_duplicating_units()
    {
        var e = StoredEvent();
        var input = EventInput.From(e);
        input.Units[OrganizerRole.Host] = [University, Society];

        input.ApplyTo(e);

        Assert.Equal([University, Society], OrgIdsInOrder(e, OrganizerRole.Host));
        Assert.Equal(4, e.Units.Count);
        var hosts = e.Units.Where(u => u.Role == OrganizerRole.Host).ToList();
        Assert.Equal(0, hosts.Single(u => u.Id == 11).Order);
        Assert.Equal(1, hosts.Single(u => u.Id == 10).Order);
    }

    [Fact]
    public void ApplyTo_when_a_unit_is_removed_then_it_disappears_and_other_roles_are_untouched()
    {
        var e = StoredEvent();
        var input = EventInput.From(e);
        input.Units[OrganizerRole.Host] = [University];

        input.ApplyTo(e);

        Assert.Equal([University], OrgIdsInOrder(e, OrganizerRole.Host));
        Assert.Equal(0, e.Units.Single(u => u.Id == 11).Order);
        Assert.DoesNotContain(e.Units, u => u.Id == 10);
        Assert.Equal([GuidingDepartment], OrgIdsInOrder(e, OrganizerRole.GuidedBy));
        Assert.Equal([Institute], OrgIdsInOrder(e, OrganizerRole.Organizer));
    }

    [Fact]
    public void ApplyTo_when_an_organization_moves_to_another_role_then_it_leaves_the_old_role()
    {
        var e = StoredEvent();
        var input = EventInput.From(e);
        input.Units[OrganizerRole.Organizer] = [];
        input.Units[OrganizerRole.CoOrganizer] = [Institute];

        input.ApplyTo(e);

        Assert.Empty(OrgIdsInOrder(e, OrganizerRole.Organizer));
        Assert.Equal([Institute], OrgIdsInOrder(e, OrganizerRole.CoOrganizer));
        Assert.Equal(4, e.Units.Count);
    }

    [Fact]
    public void ApplyTo_when_a_unit_is_inserted_first_then_existing_units_shift_down()
    {
        var e = StoredEvent();
        var input = EventInput.From(e);
        input.Units[OrganizerRole.Host] = [Institute, Society, University];

        input.ApplyTo(e);

        Assert.Equal([Institute, Society, University], OrgIdsInOrder(e, OrganizerRole.Host));
        Assert.Equal(1, e.Units.Single(u => u.Id == 10).Order);
        Assert.Equal(2, e.Units.Single(u => u.Id == 11).Order);
        Assert.Equal(5, e.Units.Count);
    }

    [Fact]
    public void ApplyTo_when_optional_strings_are_blank_then_they_become_null()
    {
        var e = StoredEvent();
        var input = EventInput.From(e);
        input.Theme = "   ";
        input.Description = "";
        input.City = "\t";
        input.Venue = null;

        input.ApplyTo(e);

        Assert.Null(e.Theme);
        Assert.Null(e.Description);
        Assert.Null(e.City);
        Assert.Null(e.Venue);
    }

    [Fact]
    public void ApplyTo_trims_title_slug_and_optional_strings()
    {
        var e = StoredEvent();
        var input = EventInput.From(e);
        input.Title = "  第七届区域创新发展学术研讨会 ";
        input.Slug = " regional-innovation-symposium-7 ";
        input.Theme = " 创新驱动 ";
        input.City = " 成都 ";
        input.Venue = " 西南交通大学犀浦校区 ";

        input.ApplyTo(e);

        Assert.Equal("第七届区域创新发展学术研讨会", e.Title);
        Assert.Equal("regional-innovation-symposium-7", e.Slug);
        Assert.Equal("创新驱动", e.Theme);
        Assert.Equal("成都", e.City);
        Assert.Equal("西南交通大学犀浦校区", e.Venue);
    }

    [Fact]
    public void ApplyTo_copies_scalar_fields()
    {
        var e = StoredEvent();
        var input = EventInput.From(e);
        input.Kind = EventKind.SubForum;
        input.ParentEventId = 3;
        input.Edition = 8;
        input.ExpectedAttendance = 150;
        input.Status = EventStatus.Published;
        input.StartDate = new DateOnly(2026, 4, 10);
        input.EndDate = new DateOnly(2026, 4, 11);

        input.ApplyTo(e);

        Assert.Equal(EventKind.SubForum, e.Kind);
        Assert.Equal(3, e.ParentEventId);
        Assert.Equal(8, e.Edition);
        Assert.Equal(150, e.ExpectedAttendance);
        Assert.True(e.IsPublic);
        Assert.Equal(new DateOnly(2026, 4, 10), e.StartDate);
        Assert.Equal(new DateOnly(2026, 4, 11), e.EndDate);
    }
}
