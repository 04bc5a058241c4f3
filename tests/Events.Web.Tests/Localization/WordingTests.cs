using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Events.Web.Localization;
using Events.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Events.Web.Tests.Localization;

/// <summary>
/// How the resources read, beyond having every key: Chinese text takes full-width punctuation, English counts go
/// through the .One/.Other pairs that <see cref="LocalizerExtensions.Plural"/> chooses from, and markup builds no
/// "Label: value" or "(count)" out of half-width pieces.
/// </summary>
public partial class WordingTests
{
    private static readonly string LocalizationFolder = Path.Combine(RepoPaths.WebProject, "Localization");
    private static readonly Dictionary<string, string> Chinese = ReadResx("SharedResource.resx");
    private static readonly Dictionary<string, string> English = ReadResx("SharedResource.en.resx");

    /// <summary>Words that follow a count in English but are verbs, not plural nouns ("{0} needs", "{1} contains").</summary>
    private static readonly HashSet<string> VerbsAfterACount = ["has", "is", "was", "needs", "contains", "remains"];

    [Fact]
    public void Chinese_values_use_full_width_punctuation_after_Chinese_text()
    {
        Assert.NotEmpty(Chinese);
        Assert.Empty(Chinese.Where(kv => HalfWidthAfterCjk().IsMatch(kv.Value)).Select(kv => $"{kv.Key} = {kv.Value}").Order());
    }

    [Fact]
    public void The_half_width_check_catches_what_it_is_meant_to()
    {
        Assert.Matches(HalfWidthAfterCjk(), "主题: 区域创新");
        Assert.Matches(HalfWidthAfterCjk(), "冲突 (0)");
        Assert.Matches(HalfWidthAfterCjk(), "编辑活动:");
        Assert.DoesNotMatch(HalfWidthAfterCjk(), "主题：区域创新");
        Assert.DoesNotMatch(HalfWidthAfterCjk(), "冲突（0）");
        Assert.DoesNotMatch(HalfWidthAfterCjk(), "请按 yyyy-MM-dd 填写");
    }

    [Fact]
    public void Every_plural_pair_is_complete_in_both_languages_and_Chinese_has_one_form()
    {
        foreach (var resx in new[] { Chinese, English })
        {
            var ones = resx.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal)).Select(k => k[..^4]).ToHashSet();
            var others = resx.Keys.Where(k => k.EndsWith(".Other", StringComparison.Ordinal)).Select(k => k[..^6]).ToHashSet();
            Assert.NotEmpty(ones);
            // (.Other alone is not a pair: OrganizationKind.Other is an enum member. Plural calls are checked below.)
            Assert.Empty(ones.Except(others).Order());
        }
        Assert.Empty(Chinese.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal) && Chinese[k] != Chinese[k[..^4] + ".Other"]).Order());
    }

    [Fact]
    public void English_counts_outside_plural_pairs_are_never_followed_by_a_plural_noun()
    {
        var offenders = English
            .Where(kv => !kv.Key.EndsWith(".One", StringComparison.Ordinal) && !kv.Key.EndsWith(".Other", StringComparison.Ordinal))
            .Where(kv => CountThenWord().Matches(kv.Value).Any(m => !VerbsAfterACount.Contains(m.Groups["word"].Value)))
            .Select(kv => $"{kv.Key} = {kv.Value}")
            .Order();

        Assert.Empty(offenders);
    }

    [Fact]
    public void English_one_forms_are_singular()
    {
        Assert.Empty(English.Where(kv => kv.Key.EndsWith(".One", StringComparison.Ordinal) && kv.Value == English[kv.Key[..^4] + ".Other"])
            .Select(kv => kv.Key).Order());
    }

    [Fact]
    public void Every_key_asked_for_through_Plural_or_Label_exists_in_both_languages()
    {
        var source = SourceFiles().Select(File.ReadAllText).ToList();
        var plurals = source.SelectMany(s => PluralCall().Matches(s).Select(m => m.Groups["key"].Value)).ToHashSet();
        var labels = source.SelectMany(s => LabelCall().Matches(s).Select(m => m.Groups["key"].Value)).ToHashSet();

        Assert.Contains("SubForumCount", plurals);
        Assert.Contains("Event.Theme", labels);
        var wanted = plurals.SelectMany(k => new[] { k + ".One", k + ".Other" }).Concat(labels).ToList();
        Assert.Empty(wanted.Where(k => !Chinese.ContainsKey(k) || !English.ContainsKey(k)).Order());
    }

    [Fact]
    public void Markup_puts_no_half_width_colon_or_bracket_after_a_resource()
    {
        // @L["Key"]: value and @L["Key"] (n) print "主题: …" and "冲突 (0)" in Chinese; L.Label and L.WithNote do not.
        var offenders = SourceFiles().Where(f => f.EndsWith(".razor", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(x => GluedPunctuation().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}");

        Assert.Empty(offenders);
    }

    [Fact]
    public void Tables_page_through_the_shared_localized_pager()
    {
        var offenders = SourceFiles()
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) && Path.GetFileName(f) != "LocalizedPager.razor")
            .Where(f => File.ReadAllText(f).Contains("<MudTablePager", StringComparison.Ordinal) || File.ReadAllText(f).Contains("<MudDataGridPager", StringComparison.Ordinal))
            .Select(Path.GetFileName);

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("en", 1, "1 sub-forum")]
    [InlineData("en", 2, "2 sub-forums")]
    [InlineData("en", 0, "0 sub-forums")]
    [InlineData("zh-CN", 1, "1 个分论坛")]
    [InlineData("zh-CN", 3, "3 个分论坛")]
    public void Plural_chooses_the_form_for_the_count(string culture, int count, string expected)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, Localizer().Plural("SubForumCount", count));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    [Theory]
    [InlineData("en", "Theme: ", "Conflicts (2)")]
    [InlineData("zh-CN", "主题：", "冲突（2）")]
    public void Label_and_note_use_the_languages_punctuation(string culture, string label, string note)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var l = Localizer();
            Assert.Equal(label, l.Label("Event.Theme"));
            Assert.Equal(note, l.WithNote(l["Conflicts"], 2));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static StringLocalizer<SharedResource> Localizer() => new(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(RepoPaths.WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(RepoPaths.WebProject, f).Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj"));

    private static Dictionary<string, string> ReadResx(string fileName) =>
        XDocument.Load(Path.Combine(LocalizationFolder, fileName)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    /// <summary>A CJK character (or CJK punctuation), an optional space, then a half-width : ( ) , ; ? or !.</summary>
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}] ?[:(),;?!]")]
    private static partial Regex HalfWidthAfterCjk();

    /// <summary>A placeholder, then an English word ending in s: "{0} papers".</summary>
    [GeneratedRegex(@"\{\d+\}\s+(?<word>[a-z][a-z-]*s)\b")]
    private static partial Regex CountThenWord();

    [GeneratedRegex("""\bL\.Plural\(\s*"(?<key>[^"]+)"\s*,""")]
    private static partial Regex PluralCall();

    [GeneratedRegex("""\bL\.Label\(\s*"(?<key>[^"]+)"\s*\)""")]
    private static partial Regex LabelCall();

    /// <summary>@L["Key"]: or @L["Key"] (@…) in markup.</summary>
    [GeneratedRegex("""@L\[\$?"[^"]+"\]\s?(?::|\(@)""")]
    private static partial Regex GluedPunctuation();
}
