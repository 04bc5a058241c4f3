using System.Globalization;
using Events.Core.Attendees.Delegates;

namespace Events.Core.Tests.Attendees;

public sealed class DelegateOrderTests
{
    /// <summary>
    /// Common surnames in 姓氏笔画 order as name lists of the NPC and CPPCC print them (丁 卜 刁, 于 万 … 马, 王 …):
    /// stroke count first, then 横 竖 撇 点 折 stroke by stroke. Worked out by hand from the standard stroke orders
    /// (现代汉语通用字笔顺规范), not from the table the code reads; each group below is one stroke count.
    /// </summary>
    private static readonly string[] PublishedOrder =
    [
        "丁", "卜", "刁",
        "于", "万", "弓", "卫", "马",
        "王", "韦", "车", "毛", "文", "方", "尹", "孔", "邓",
        "石", "龙", "叶", "田", "白", "冯", "司",
        "朱", "刘", "孙",
        "李", "张", "陈",
        "欧阳",
    ];

    [Fact]
    public void Surnames_sort_by_stroke_count_then_by_strokes_in_the_order_heng_shu_pie_dian_zhe()
    {
        var shuffled = PublishedOrder.OrderBy(s => s.GetHashCode(StringComparison.Ordinal)).Reverse().ToList();
        Assert.Equal(PublishedOrder, shuffled.Order(StrokeOrder.Names));
    }

    [Fact]
    public void Icu_stroke_collation_counts_strokes_but_orders_equal_counts_by_radical_so_it_is_not_used()
    {
        // What .NET exposes on Linux (ICU "zh-Hans-u-co-stroke"): the same counts, a different order inside them.
        var icu = StringComparer.Create(CultureInfo.GetCultureInfo("zh-Hans-u-co-stroke"), false);
        Assert.Equal(["丁", "刁", "卜"], new[] { "卜", "刁", "丁" }.Order(icu));
        Assert.Equal(["丁", "卜", "刁"], new[] { "卜", "刁", "丁" }.Order(StrokeOrder.Names));
        Assert.True(icu.Compare("万", "于") < 0);
        Assert.True(StrokeOrder.CompareNames("于", "万") < 0);
    }

    [Fact]
    public void Strokes_are_read_as_classes_from_the_table()
    {
        Assert.Equal("1121", StrokeOrder.Strokes('王'));
        Assert.Equal("5215234", StrokeOrder.Strokes('陈'));
        Assert.Null(StrokeOrder.Strokes('A'));
    }

    [Fact]
    public void The_same_surname_is_ordered_by_the_given_name_and_spaces_inside_a_name_do_not_count()
    {
        // 大 一丿㇏ (134) before 小 亅丿丶 (234); both three strokes.
        Assert.Equal(["王大伟", "王小明", "王小明明"], new[] { "王小明明", "王小明", "王大伟" }.Order(StrokeOrder.Names));
        Assert.Equal(0, StrokeOrder.CompareNames("张 三", "张三"));
        // Characters missing from the table (Latin names) come after every Chinese name.
        Assert.Equal(["黄", "Anna Smith"], new[] { "Anna Smith", "黄" }.Order(StrokeOrder.Names));
    }

    private static DelegateEntry D(int id, string name, string org, string? group = null) => new(id, name, org, "", group);

    [Fact]
    public void Protocol_order_puts_ranked_units_first_in_their_order_and_everyone_else_after_by_stroke()
    {
        var list = new[]
        {
            D(1, "丁一", "复旦大学"),
            D(2, "王二", "上海市科学技术委员会"),
            D(3, "马三", "科学技术部"),
            D(4, "于四", "北京市科学技术委员会"),
            D(5, "卜五", "科学技术部"),
            D(6, "万六", "浙江大学"),
        };
        var ranks = DelegateSorter.ParseProtocol("科学技术部\r\n\r\n 北京市 \n上海市");
        var sorted = DelegateSorter.Sort(list, DelegateOrder.Protocol, ranks, grouped: false);
        Assert.Equal(["卜五", "马三", "于四", "王二", "丁一", "万六"], sorted.Select(d => d.Name));
        Assert.Equal(["丁一", "卜五", "于四", "万六", "马三", "王二"], DelegateSorter.Sort(list, DelegateOrder.Stroke, ranks, false).Select(d => d.Name));
        Assert.Equal(["卜五", "丁一", "马三", "万六", "王二", "于四"], DelegateSorter.Sort(list, DelegateOrder.Pinyin, ranks, false).Select(d => d.Name));
    }

    [Fact]
    public void Groups_come_in_their_number_order_and_delegates_without_a_group_last()
    {
        var list = new[]
        {
            D(1, "王一", "甲", "第十组"),
            D(2, "丁二", "甲", null),
            D(3, "于三", "甲", "第二组"),
            D(4, "马四", "甲", "第二组"),
            D(5, "万五", "甲", "第12组"),
            D(6, "卜六", "甲", "第二组"),
        };
        var sorted = DelegateSorter.Sort(list, DelegateOrder.Stroke, [], grouped: true);
        Assert.Equal(["卜六", "于三", "马四", "王一", "万五", "丁二"], sorted.Select(d => d.Name));
    }

    [Theory]
    [InlineData("第一组", 1)]
    [InlineData("第十组", 10)]
    [InlineData("第十二组", 12)]
    [InlineData("第二十组", 20)]
    [InlineData("第二十三组", 23)]
    [InlineData("Group 7", 7)]
    [InlineData("综合组", null)]
    public void Group_numbers_are_read_in_Arabic_or_Chinese(string name, int? expected) =>
        Assert.Equal(expected, DelegateSorter.NumberIn(name));
}
