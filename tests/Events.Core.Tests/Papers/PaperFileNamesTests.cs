using Events.Core.Papers;

namespace Events.Core.Tests.Papers;

public class PaperFileNamesTests
{
    [Theory]
    [InlineData("区域创新论文（终稿）.pdf", "区域创新论文（终稿）.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("..\\..\\Windows\\win.ini.pdf", "win.ini.pdf")]
    [InlineData("C:\\Users\\王冰\\Desktop\\论文.PDF", "论文.PDF")]
    [InlineData("a\"b<c>|d?.pdf", "abcd.pdf")]
    [InlineData("evil\u202Efdp.exe", "evilfdp.exe.pdf")]
    [InlineData("  ", "paper.pdf")]
    [InlineData("../..", "paper.pdf")]
    [InlineData(null, "paper.pdf")]
    public void The_display_name_is_the_last_segment_cleaned_and_ending_in_pdf(string? uploaded, string expected)
    {
        Assert.Equal(expected, PaperFileNames.Display(uploaded));
    }

    [Fact]
    public void A_very_long_name_is_cut_and_keeps_its_extension()
    {
        var name = PaperFileNames.Display(new string('论', 300) + ".pdf");
        Assert.True(name.Length <= 120);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
