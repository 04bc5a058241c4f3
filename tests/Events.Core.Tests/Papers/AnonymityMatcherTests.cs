using Events.Core.Papers.Anonymity;

namespace Events.Core.Tests.Papers;

public sealed class AnonymityMatcherTests
{
    private static IReadOnlyList<AnonymityFinding> Find(BylineAuthor author, string text, TextPlace place = TextPlace.PageText) =>
        AnonymityMatcher.Find([author], [new PdfText(place, text, 1)]);

    [Theory]
    [InlineData("张三", "作者：张三（四川大学）")]
    [InlineData("张三", "作者：张 三")]
    [InlineData("欧阳明远", "欧 阳 明 远")]
    [InlineData("欧阳明远", "欧阳　明远")]
    public void A_Chinese_name_is_found_as_one_string_whatever_spaces_or_full_width_spaces_extraction_put_between_its_characters(string name, string text)
    {
        Assert.True(AnonymityMatcher.ContainsName(text, name));
    }

    [Theory]
    [InlineData("Wei Zhang", "by Wei Zhang, Sichuan University")]
    [InlineData("Wei Zhang", "ZHANG WEI")]
    [InlineData("Wei Zhang", "zhang wei and others")]
    [InlineData("José Núñez", "Jose Nunez")]
    [InlineData("Ｗｅｉ Ｚｈａｎｇ", "Wei Zhang")]
    public void A_Latin_name_is_found_case_and_accent_insensitively_in_either_order(string name, string text)
    {
        Assert.True(AnonymityMatcher.ContainsName(text, name));
    }

    [Theory]
    [InlineData("Li Na", "Lithium nanowires")]
    [InlineData("Li Na", "Li and Na ions")]
    [InlineData("Wei Zhang", "Weizhang")]
    [InlineData("Ann Lee", "Joanna Leeds")]
    [InlineData("Li", "Li et al. (2019) showed")]
    [InlineData("Wu", "Wu")]
    [InlineData("张", "张")]
    public void Parts_of_words_single_short_names_and_scattered_parts_are_not_a_match(string name, string text)
    {
        Assert.False(AnonymityMatcher.ContainsName(text, name));
    }

    [Fact]
    public void A_two_letter_family_name_is_found_only_with_the_given_name()
    {
        Assert.True(AnonymityMatcher.ContainsName("Na Li (Tsinghua)", "Li Na"));
        Assert.False(AnonymityMatcher.ContainsName("Li (2019); Na (2020)", "Li Na"));
    }

    [Fact]
    public void Email_and_affiliation_are_found_and_each_finding_says_what_and_where()
    {
        var author = new BylineAuthor("王冰", "四川大学", "wangbing@example.cn");
        var texts = new[]
        {
            new PdfText(TextPlace.PageText, "联系：WangBing@Example.cn", 1),
            new PdfText(TextPlace.PageHeader, "四 川 大 学 学报", 3),
            new PdfText(TextPlace.DocumentInfo, "王冰", Field: "Author"),
        };

        var found = AnonymityMatcher.Find([author], texts);

        Assert.Equal(
            [
                new AnonymityFinding(IdentityKind.Email, "wangbing@example.cn", TextPlace.PageText, 1),
                new AnonymityFinding(IdentityKind.Affiliation, "四川大学", TextPlace.PageHeader, 3),
                new AnonymityFinding(IdentityKind.Name, "王冰", TextPlace.DocumentInfo, null, "Author"),
            ],
            found);
    }

    [Fact]
    public void Short_affiliations_are_not_looked_for()
    {
        Assert.Empty(Find(new BylineAuthor("Anonymous Person", "UCL", null), "We thank UCL for support."));
    }

    [Fact]
    public void The_same_finding_in_the_same_place_is_reported_once()
    {
        var found = Find(new BylineAuthor("张三", null, null), "张三 张三 张三");

        Assert.Single(found);
    }

    /// <summary>Property: any Chinese name of two to four characters, embedded in any text with any spacing, is found.</summary>
    [Fact]
    public void Property_a_Chinese_name_embedded_with_random_spacing_is_always_found()
    {
        var random = new Random(20261202);
        const string pool = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢";
        for (var i = 0; i < 500; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(2, 5)).Select(_ => pool[random.Next(pool.Length)]).ToArray());
            var spaced = string.Concat(name.Select(c => c + new string(' ', random.Next(0, 3)) + (random.Next(4) == 0 ? "\u3000" : "")));
            var text = "本文由" + spaced + "完成，特此说明。";
            Assert.True(AnonymityMatcher.ContainsName(text, name), $"{name} in {text}");
        }
    }

    /// <summary>Property: a Latin name is never found inside a longer word, whatever letters surround it.</summary>
    [Fact]
    public void Property_a_Latin_name_glued_to_other_letters_is_never_found()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var given = Word(random);
            var family = Word(random);
            var text = $"{Word(random)}{given} {family}{Word(random)} and {given}{family}";
            Assert.False(AnonymityMatcher.ContainsName(text, $"{given} {family}"), text);
            Assert.True(AnonymityMatcher.ContainsName($"({family.ToUpperInvariant()} {given})", $"{given} {family}"));
        }
    }

    private static string Word(Random random) =>
        new(Enumerable.Range(0, random.Next(2, 7)).Select(_ => (char)('a' + random.Next(26))).ToArray());
}
