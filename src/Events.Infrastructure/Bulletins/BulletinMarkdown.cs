using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Events.Infrastructure.Bulletins;

/// <summary>
/// Turns an issue's Markdown body into the HTML the document prints. Raw HTML is off, so "&lt;script&gt;" stays text;
/// links and images become their text, because a printed page cannot follow them and a document must load nothing
/// from outside. Headings are folded into the four levels of Chinese documents, ## to ##### (h2–h5), numbered 一、 （一） 1. （1）
/// by the series' house style.
/// </summary>
public static class BulletinMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseCustomContainers().UsePipeTables().Build();

    /// <summary>The containers the dialect knows: ::: pullquote (a quotation set large) and ::: sidebar 标题 (a boxed sidebar, e.g. 资料来源).</summary>
    public static readonly IReadOnlySet<string> Containers = new HashSet<string>(StringComparer.Ordinal) { "pullquote", "sidebar" };

    /// <summary>The Markdown as the dialect reads it (raw HTML off, headings folded into levels 2–5), for the Word file.</summary>
    public static MarkdownDocument Parse(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level, 2, 5);
        }
        return document;
    }

    public static string ToHtml(string? markdown)
    {
        var document = Parse(markdown);
        foreach (var container in document.Descendants<Markdig.Extensions.CustomContainers.CustomContainer>().ToList())
        {
            // Only the known containers keep a class (never one an author made up); a sidebar's words after its name become its heading.
            var known = container.Info is { } info && Containers.Contains(info) ? info : null;
            var caption = known == "sidebar" ? container.Arguments?.Trim() : null;
            container.SetAttributes(known is null ? new Markdig.Renderers.Html.HtmlAttributes() : new Markdig.Renderers.Html.HtmlAttributes { Classes = [known] });
            if (!string.IsNullOrEmpty(caption))
            {
                var strong = new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 };
                strong.AppendChild(new LiteralInline(caption));
                var heading = new ParagraphBlock { Inline = new ContainerInline() };
                heading.Inline.AppendChild(strong);
                heading.SetAttributes(new Markdig.Renderers.Html.HtmlAttributes { Classes = ["sidebar-title"] });
                container.Insert(0, heading);
            }
        }
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            ReplaceWithText(link, link.IsImage ? Literal(link) : null);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>A link keeps its words and loses its target; an image becomes its alt text.</summary>
    private static void ReplaceWithText(LinkInline link, string? text)
    {
        if (text is not null)
        {
            // Without copyChildren: false Markdig moves the image's alt-text children in after the literal, printing it twice.
            link.ReplaceBy(new LiteralInline(text), copyChildren: false);
            return;
        }
        var parent = link.Parent;
        if (parent is null) return;
        Inline anchor = link;
        foreach (var child in link.ToList())
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }

    private static string Literal(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
