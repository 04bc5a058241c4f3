using Events.Core.Papers;
using Events.Core.Reviews;

namespace Events.Core.Tests.Papers;

public class SubmissionInputTests
{
    private static SubmissionInput Valid() => new()
    {
        Title = "成渝地区协同创新的路径",
        Abstract = "本文讨论……",
        Keywords = "协同创新； 成渝 ,区域创新、 成渝",
        TopicId = 5,
        Authors = [new AuthorInput { Name = "王冰", Affiliation = "四川大学", Email = "wang@example.cn", IsCorresponding = true, IsPresenter = true }],
    };

    [Fact]
    public void A_complete_submission_is_valid()
    {
        Assert.Empty(Valid().Validate([5, 6]));
    }

    [Fact]
    public void A_topic_is_required_when_the_call_has_topics_and_must_be_one_of_them()
    {
        var input = Valid();
        input.TopicId = null;
        Assert.Contains(input.Validate([5]), v => v.Field == nameof(SubmissionInput.TopicId) && v.Code == "Required");
        Assert.Empty(input.Validate([]));
        input.TopicId = 99;
        Assert.Contains(input.Validate([5]), v => v.Code == "UnknownTopic");
    }

    [Fact]
    public void Title_and_abstract_are_required_and_limited()
    {
        var input = Valid();
        input.Title = " ";
        input.Abstract = new string('字', 5001);
        var errors = input.Validate([5]);
        Assert.Contains(errors, v => v.Field == nameof(SubmissionInput.Title) && v.Code == "Required");
        Assert.Contains(errors, v => v.Field == nameof(SubmissionInput.Abstract) && v.Code == "TooLong");
    }

    [Fact]
    public void A_declared_conflict_needs_a_reason()
    {
        var input = Valid();
        input.Conflicts = [new ConflictInput { ReviewerId = 3, Reason = "" }];
        Assert.Contains(input.Validate([5]), v => v.Field == "Conflicts[0].Reason" && v.Code == "Required");
    }

    [Fact]
    public void Keywords_are_split_on_Chinese_and_Latin_separators_and_stored_once_each()
    {
        var submission = new Submission { Title = "", Abstract = "", SubmitterUserId = "u" };
        Valid().ApplyTo(submission);
        Assert.Equal("协同创新；成渝；区域创新", submission.Keywords);
    }

    [Fact]
    public void Applying_replaces_the_byline_in_order_and_reading_back_gives_the_same_lines()
    {
        var input = Valid();
        input.Authors.Add(new AuthorInput { Name = " 李梅 ", Affiliation = "电子科技大学", Email = " ", IsPresenter = false });
        var submission = new Submission { Title = "", Abstract = "", SubmitterUserId = "u", Authors = [new Author { Name = "旧", Affiliation = "旧" }] };

        input.ApplyTo(submission);

        Assert.Equal(["王冰", "李梅"], submission.Authors.OrderBy(a => a.Order).Select(a => a.Name));
        Assert.Null(submission.Authors[1].Email);
        var back = SubmissionInput.From(submission, [new DeclaredConflict { ReviewerId = 4, DeclaredBy = ConflictSource.Author, Reason = "同一单位" },
            new DeclaredConflict { ReviewerId = 5, DeclaredBy = ConflictSource.Reviewer, Reason = "x" }]);
        Assert.Equal(2, back.Authors.Count);
        Assert.Equal(4, Assert.Single(back.Conflicts).ReviewerId);
    }
}
