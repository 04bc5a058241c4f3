using Events.Core.Organizations;
using Events.Core.Validation;

namespace Events.Core.Tests.Organizations;

public class OrganizationInputTests
{
    [Fact]
    public void Validate_when_name_is_set_then_no_violations()
    {
        var input = new OrganizationInput { Name = "四川省科学学与科技政策研究会", Kind = OrganizationKind.Society };

        Assert.Empty(input.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_when_name_is_blank_then_Name_Required(string name)
    {
        Assert.Equal([new RuleViolation("Name", "Required")], new OrganizationInput { Name = name }.Validate());
    }

    [Fact]
    public void Validate_when_name_is_longer_than_200_then_Name_TooLong()
    {
        var input = new OrganizationInput { Name = new string('院', 201) };

        Assert.Equal([new RuleViolation("Name", "TooLong")], input.Validate());
    }

    [Fact]
    public void Validate_when_parent_is_the_organization_itself_then_ParentId_ParentIsSelf()
    {
        var input = new OrganizationInput { Id = 4, Name = "专业委员会", ParentId = 4 };

        Assert.Equal([new RuleViolation("ParentId", "ParentIsSelf")], input.Validate());
    }

    [Fact]
    public void Validate_when_committee_points_at_its_society_then_accepted()
    {
        var input = new OrganizationInput { Id = 5, Name = "区域创新专业委员会", ParentId = 2 };

        Assert.Empty(input.Validate());
    }

    [Fact]
    public void ApplyTo_trims_name_and_turns_blank_optional_names_into_null()
    {
        var org = new Organization { Name = "旧名", ShortName = "旧", NameEn = "Old" };
        var input = new OrganizationInput { Name = " 西南交通大学 ", ShortName = " 西南交大 ", NameEn = "  ", Kind = OrganizationKind.University };

        input.ApplyTo(org);

        Assert.Equal("西南交通大学", org.Name);
        Assert.Equal("西南交大", org.ShortName);
        Assert.Null(org.NameEn);
        Assert.Equal(OrganizationKind.University, org.Kind);
    }
}
