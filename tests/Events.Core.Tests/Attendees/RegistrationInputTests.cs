using Events.Core.Attendees;
using Events.Core.Validation;

namespace Events.Core.Tests.Attendees;

public class RegistrationInputTests
{
    private static RegistrationInput Valid() => new()
    {
        Name = "王冰",
        Organization = "四川省科学技术发展战略研究院",
        Title = "研究员",
        Email = "wangbing@example.cn",
    };

    [Fact]
    public void A_complete_form_without_a_phone_is_valid()
    {
        Assert.Empty(Valid().Validate());
    }

    [Fact]
    public void An_empty_form_needs_name_organization_title_and_email_but_not_a_phone()
    {
        var errors = new RegistrationInput().Validate();

        Assert.Equal(
            [new("Name", "Required"), new("Organization", "Required"), new("Title", "Required"), new RuleViolation("Email", "Required")],
            errors);
    }

    [Theory]
    [InlineData("王冰 <wangbing@example.cn>")]
    [InlineData("wangbing")]
    [InlineData("wang bing@example.cn")]
    public void An_email_that_is_not_one_bare_address_is_refused(string email)
    {
        var input = Valid();
        input.Email = email;
        Assert.Equal([new RuleViolation("Email", "EmailFormat")], input.Validate());
    }

    [Theory]
    [InlineData("13800000000", true)]
    [InlineData("+86 138-0000-0000", true)]
    [InlineData("(028) 8522 1234", true)]
    [InlineData("电话", false)]
    [InlineData("12", false)]
    [InlineData("138 0000 0000 转 8", false)]
    public void A_phone_must_be_digits_with_the_usual_separators(string phone, bool valid)
    {
        var input = Valid();
        input.Phone = phone;
        Assert.Equal(valid, input.Validate().Count == 0);
    }

    [Fact]
    public void Values_longer_than_their_columns_are_refused()
    {
        var input = Valid();
        input.Organization = new string('单', FieldLimits.OrganizationName + 1);
        Assert.Equal([new RuleViolation("Organization", "TooLong")], input.Validate());
    }

    [Fact]
    public void The_registration_is_made_of_the_trimmed_values_and_a_blank_phone_is_none()
    {
        var input = Valid();
        input.Name = "  王冰 ";
        input.Phone = "  ";
        var at = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

        var r = input.ToRegistration(7, "user-1", at);

        Assert.Equal(("王冰", (string?)null, RegistrationState.Active, 7, "user-1", at), (r.Name, r.Phone, r.State, r.EventId, r.UserId, r.RegisteredAt));
    }
}
