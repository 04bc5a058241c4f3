using Events.Core.Mail;
using Events.Core.Papers;
using Events.Infrastructure.Mail;

namespace Events.IntegrationTests;

public sealed class MailPhrasesTests
{
    [Fact]
    public void Every_language_has_the_same_phrases_and_a_name_for_every_decision()
    {
        var keys = MailPhrases.Keys("zh-CN").Order().ToList();
        Assert.All(MailTemplateKeys.Cultures, c => Assert.Equal(keys, MailPhrases.Keys(c).Order()));
        Assert.All(Enum.GetNames<Decision>(), d => Assert.Contains($"Decision.{d}", keys));
    }

    [Fact]
    public void A_phrase_comes_in_the_recipients_language_and_unknown_cultures_get_Chinese()
    {
        Assert.Equal("不予录用", MailPhrases.Get("zh-CN", "Decision.Reject"));
        Assert.Equal("Not accepted", MailPhrases.Get("en-GB", "Decision.Reject"));
        Assert.Equal("不予录用", MailPhrases.Get("fr", "Decision.Reject"));
    }
}
