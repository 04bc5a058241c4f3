using Events.Core.Common;

namespace Events.Core.Tests.Common;

public class PageRequestTests
{
    [Theory]
    [InlineData(20, 20)]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    [InlineData(int.MaxValue, 100)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    public void Take_clamps_the_page_size_between_1_and_100(int pageSize, int take)
    {
        Assert.Equal(take, new PageRequest(0, pageSize).Take);
    }

    [Theory]
    [InlineData(0, 20, 0)]
    [InlineData(1, 20, 20)]
    [InlineData(3, 25, 75)]
    public void Skip_is_the_page_index_times_the_page_size(int page, int pageSize, int skip)
    {
        Assert.Equal(skip, new PageRequest(page, pageSize).Skip);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Skip_when_page_is_negative_then_zero(int page)
    {
        Assert.Equal(0, new PageRequest(page, 20).Skip);
    }

    [Fact]
    public void Skip_uses_the_clamped_page_size()
    {
        Assert.Equal(300, new PageRequest(3, 500).Skip);
        Assert.Equal(3, new PageRequest(3, 0).Skip);
    }

    [Fact]
    public void Skip_when_page_is_huge_then_it_is_never_negative()
    {
        Assert.True(new PageRequest(int.MaxValue, 100).Skip >= 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Term_when_search_is_blank_then_null(string? search)
    {
        Assert.Null(new PageRequest(0, 20, search).Term);
    }

    [Theory]
    [InlineData("陈光", "陈光")]
    [InlineData("  西南交通大学 ", "西南交通大学")]
    [InlineData(" regional symposium ", "regional symposium")]
    public void Term_trims_the_search(string search, string term)
    {
        Assert.Equal(term, new PageRequest(0, 20, search).Term);
    }
}
