using Events.Core.People;
using Events.Core.Validation;

namespace Events.Core.Tests.People;

public class PersonInputTests
{
    private static PersonInput ValidInput() => new()
    {
        Name = "陈光",
        Email = "chen.guang@example.edu.cn",
        Positions =
        [
            new PositionInput { OrganizationId = 1, Title = "委员" },
            new PositionInput { OrganizationId = 2, Title = "会长" },
        ],
    };

    [Fact]
    public void Validate_when_name_and_positions_are_filled_then_no_violations()
    {
        Assert.Empty(ValidInput().Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_when_name_is_blank_then_Name_Required(string name)
    {
        var input = ValidInput();
        input.Name = name;

        Assert.Contains(new RuleViolation("Name", "Required"), input.Validate());
    }

    [Fact]
    public void Validate_when_name_is_longer_than_100_then_Name_TooLong()
    {
        var input = ValidInput();
        input.Name = new string('陈', 101);

        Assert.Contains(new RuleViolation("Name", "TooLong"), input.Validate());
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("chen.guang@")]
    [InlineData("@example.edu.cn")]
    [InlineData("chen.guang@example..cn")]
    public void Validate_when_email_is_malformed_then_Email_EmailFormat(string email)
    {
        var input = ValidInput();
        input.Email = email;

        Assert.Contains(new RuleViolation("Email", "EmailFormat"), input.Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("chen.guang@example.edu.cn")]
    [InlineData(" chen.guang@example.edu.cn ")]
    public void Validate_when_email_is_absent_or_well_formed_then_accepted(string? email)
    {
        var input = ValidInput();
        input.Email = email;

        Assert.Empty(input.Validate());
    }

    [Theory]
    [InlineData("chen guang@example.edu.cn")]
    [InlineData("陈光 <chen.guang@example.edu.cn>")]
    [InlineData("chen.guang@example.edu.cn, li@example.edu.cn")]
    public void Validate_when_email_is_more_than_a_bare_address_then_Email_EmailFormat(string email)
    {
        var input = ValidInput();
        input.Email = email;

        Assert.Contains(new RuleViolation("Email", "EmailFormat"), input.Validate());
    }

    [Fact]
    public void Validate_when_bio_is_longer_than_4000_then_Bio_TooLong()
    {
        var input = ValidInput();
        input.Bio = new string('研', 4001);

        Assert.Contains(new RuleViolation("Bio", "TooLong"), input.Validate());
    }

    [Fact]
    public void Validate_when_a_position_title_is_blank_then_names_the_position_by_index()
    {
        var input = ValidInput();
        input.Positions.Add(new PositionInput { OrganizationId = 3, Title = "  " });

        var errors = input.Validate();

        Assert.Equal([new RuleViolation("Positions[2].Title", "Required")], errors);
    }

    [Fact]
    public void Validate_when_a_bare_title_has_no_organization_then_accepted()
    {
        var input = ValidInput();
        input.Positions.Add(new PositionInput { OrganizationId = null, Title = "研究员" });

        Assert.Empty(input.Validate());
    }

    [Fact]
    public void ApplyTo_replaces_positions_in_the_given_order_with_Order_equal_to_index()
    {
        var person = new Person
        {
            Name = "陈光",
            Positions =
            [
                new Position { Id = 5, OrganizationId = 9, Title = "旧职务", Order = 0 },
                new Position { Id = 6, OrganizationId = 1, Title = "委员", Order = 1 },
            ],
        };
        var input = new PersonInput
        {
            Name = "陈光",
            Positions =
            [
                new PositionInput { OrganizationId = 3, Title = "教授" },
                new PositionInput { OrganizationId = 1, Title = "委员" },
                new PositionInput { OrganizationId = null, Title = "研究员" },
            ],
        };

        input.ApplyTo(person);

        Assert.Equal(
            [(3, "教授", 0), (1, "委员", 1), (null, "研究员", 2)],
            person.Positions.Select(p => (p.OrganizationId, p.Title, p.Order)));
        Assert.DoesNotContain(person.Positions, p => p.Id is 5 or 6);
    }

    [Fact]
    public void ApplyTo_when_positions_are_emptied_then_person_has_none()
    {
        var person = new Person { Name = "陈光", Positions = [new Position { OrganizationId = 1, Title = "委员" }] };
        var input = new PersonInput { Name = "陈光" };

        input.ApplyTo(person);

        Assert.Empty(person.Positions);
    }

    [Fact]
    public void ApplyTo_trims_values_and_turns_blank_optional_strings_into_null()
    {
        var person = new Person { Name = "旧名", NameEn = "Old", Bio = "旧简介", Email = "old@example.cn", Phone = "123" };
        var input = new PersonInput
        {
            Name = "  陈光 ",
            NameEn = " Chen Guang ",
            Bio = "   ",
            Email = " chen.guang@example.edu.cn ",
            Phone = "",
            Positions = [new PositionInput { OrganizationId = 3, Title = " 教授 " }],
        };

        input.ApplyTo(person);

        Assert.Equal("陈光", person.Name);
        Assert.Equal("Chen Guang", person.NameEn);
        Assert.Null(person.Bio);
        Assert.Equal("chen.guang@example.edu.cn", person.Email);
        Assert.Null(person.Phone);
        Assert.Equal("教授", Assert.Single(person.Positions).Title);
    }

    [Fact]
    public void From_lists_positions_by_Order()
    {
        var person = new Person
        {
            Name = "陈光",
            Positions =
            [
                new Position { OrganizationId = 3, Title = "教授", Order = 2 },
                new Position { OrganizationId = 1, Title = "委员", Order = 0 },
                new Position { OrganizationId = 2, Title = "会长", Order = 1 },
            ],
        };

        var input = PersonInput.From(person);

        Assert.Equal(["委员", "会长", "教授"], input.Positions.Select(p => p.Title));
        Assert.Equal([1, 2, 3], input.Positions.Select(p => p.OrganizationId));
    }
}
