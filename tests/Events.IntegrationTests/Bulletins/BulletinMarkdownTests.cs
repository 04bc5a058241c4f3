using Events.Infrastructure.Bulletins;

namespace Events.IntegrationTests.Bulletins;

public class BulletinMarkdownTests
{
    [Fact]
    public void An_image_prints_its_alt_text_once_and_loads_nothing()
    {
        var html = BulletinMarkdown.ToHtml("前文![会场照片](https://example.com/a.png)后文");

        Assert.Equal("<p>前文会场照片后文</p>", html.Trim());
    }

    [Fact]
    public void A_link_keeps_its_words_once_and_loses_its_target()
    {
        var html = BulletinMarkdown.ToHtml("见[通知](https://example.com)。");

        Assert.Equal("<p>见通知。</p>", html.Trim());
    }
}
