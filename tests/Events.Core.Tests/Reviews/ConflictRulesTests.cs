using Events.Core.Reviews;
using Events.Core.Reviews.Conflicts;

namespace Events.Core.Tests.Reviews;

public class ConflictRulesTests
{
    private static PaperParties Paper(int id, string submitter, params PaperAuthor[] authors) => new(id, id, submitter, null, authors);

    private static ReviewerIdentity Reviewer(int id, string email, string? affiliation, string? userId = null) =>
        new(id, userId, [email], "审稿人" + id, affiliation);

    private static PaperAuthor Author(string name, string affiliation, string? email = null) => new(name, email, affiliation);

    [Fact]
    public void A_reviewer_whose_account_submitted_the_paper_is_the_same_person()
    {
        var paper = Paper(1, "user-1", Author("王明", "四川大学", "wang@scu.edu.cn"));
        var found = new ConflictRules([paper]).Detect(Reviewer(7, "other@x.cn", null, userId: "user-1"), paper);
        Assert.Equal(ConflictReason.SamePerson, Assert.Single(found).Reason);
    }

    [Fact]
    public void A_reviewer_whose_address_is_an_authors_address_is_the_same_person_whatever_the_case()
    {
        var paper = Paper(1, "user-1", Author("王明", "四川大学", "Wang@SCU.edu.cn"));
        var found = new ConflictRules([paper]).Detect(Reviewer(7, " wang@scu.edu.cn ", "另一所大学"), paper);
        var only = Assert.Single(found);
        Assert.Equal(ConflictReason.SamePerson, only.Reason);
        Assert.Equal("王明", only.Detail);
    }

    [Fact]
    public void A_reviewer_whose_address_is_the_submitters_account_address_is_the_same_person()
    {
        var paper = new PaperParties(1, 1, "user-1", "owner@x.cn", [Author("王明", "四川大学")]);
        Assert.Equal(ConflictReason.SamePerson, Assert.Single(new ConflictRules([paper]).Detect(Reviewer(7, "OWNER@x.cn", null), paper)).Reason);
    }

    [Fact]
    public void The_same_affiliation_after_normalization_is_a_conflict_with_both_names_in_the_detail()
    {
        var paper = Paper(1, "u", Author("王明", "Tsinghua University"), Author("李华", "中国人民大学"));
        var found = new ConflictRules([paper]).Detect(Reviewer(7, "r@x.cn", "  tsinghua-university "), paper);
        var only = Assert.Single(found);
        Assert.Equal(ConflictReason.SameAffiliation, only.Reason);
        Assert.Contains("Tsinghua University", only.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("中国科学院", "中国科学院科技战略咨询研究院", true)]
    [InlineData("中国科学院科技战略咨询研究院", "中国科学院", true)]
    [InlineData("（中国科学院）", "中国科学院", true)]
    [InlineData("中国科学院科技战略咨询研究院", "中国科学院大学", false)]
    [InlineData("清华大学公共管理学院", "清华大学经济管理学院", false)]
    [InlineData("清华大学", "清华大学公共管理学院", true)]
    [InlineData("School of Public Policy, Tsinghua University", "TSINGHUA UNIVERSITY", true)]
    [InlineData("大学", "四川大学", false)]
    [InlineData("四川大学；西南交通大学", "西南交通大学", true)]
    [InlineData("四川省社会科学院", "四川大学", false)]
    [InlineData("", "四川大学", false)]
    public void Affiliations_match_when_equal_or_one_contains_the_other(string a, string b, bool expected)
    {
        Assert.Equal(expected, AffiliationMatch.Matches(a, b));
    }

    [Fact]
    public void A_reviewer_who_co_wrote_another_submission_with_an_author_of_this_paper_is_conflicted()
    {
        var reviewer = Reviewer(7, "r@x.cn", "甲单位");
        var other = Paper(2, "u2", Author("审稿人7", "甲单位", "r@x.cn"), Author("张三", "乙单位", "zhang@y.cn"));
        var paper = Paper(1, "u1", Author("张三", "乙单位", "ZHANG@y.cn"), Author("赵六", "丙单位"));
        var found = new ConflictRules([paper, other]).Detect(reviewer, paper);
        var only = Assert.Single(found);
        Assert.Equal(ConflictReason.CoAuthor, only.Reason);
        Assert.Equal("张三 (#2)", only.Detail);
    }

    [Fact]
    public void Co_authors_without_addresses_are_matched_by_name_and_affiliation_together()
    {
        var reviewer = Reviewer(7, "r@x.cn", null);
        var other = Paper(2, "u2", Author("审稿人7", "甲单位", "r@x.cn"), Author("张三", "乙单位"));
        var sameName = Paper(1, "u1", Author("张三", "乙单位"));
        var namesake = Paper(3, "u3", Author("张三", "丁单位"));
        var rules = new ConflictRules([sameName, other, namesake]);
        Assert.Equal(ConflictReason.CoAuthor, Assert.Single(rules.Detect(reviewer, sameName)).Reason);
        Assert.Empty(rules.Detect(reviewer, namesake));
    }

    [Fact]
    public void A_reviewer_who_submitted_another_paper_conflicts_with_that_papers_authors_elsewhere()
    {
        var reviewer = Reviewer(7, "r@x.cn", null, userId: "rev-user");
        var other = Paper(2, "rev-user", Author("张三", "乙单位", "zhang@y.cn"));
        var paper = Paper(1, "u1", Author("张三", "乙单位", "zhang@y.cn"));
        Assert.Equal(ConflictReason.CoAuthor, Assert.Single(new ConflictRules([paper, other]).Detect(reviewer, paper)).Reason);
    }

    [Fact]
    public void An_unrelated_reviewer_has_no_conflict()
    {
        var paper = Paper(1, "u1", Author("张三", "乙单位", "zhang@y.cn"));
        var other = Paper(2, "u2", Author("李四", "丙单位", "li@z.cn"));
        Assert.Empty(new ConflictRules([paper, other]).Detect(Reviewer(7, "r@x.cn", "甲单位"), paper));
    }

    [Fact]
    public void Declared_conflicts_carry_who_declared_them_and_the_reason()
    {
        var paper = Paper(1, "u1", Author("张三", "乙单位"));
        var found = new ConflictRules([paper]).FindAll([Reviewer(7, "r@x.cn", null)],
        [
            new DeclaredConflictInput(1, 7, ConflictSource.Author, "导师"),
            new DeclaredConflictInput(1, 7, ConflictSource.Reviewer, "  "),
            new DeclaredConflictInput(1, 7, ConflictSource.Organizer, null),
        ]);
        Assert.Equal([ConflictReason.DeclaredByAuthor, ConflictReason.DeclaredByReviewer, ConflictReason.DeclaredByOrganizer], found.Select(f => f.Reason));
        Assert.Equal(["导师", null, null], found.Select(f => f.Detail));
    }
}
