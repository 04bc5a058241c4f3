using Events.Core.Attendees.Imports;

namespace Events.Core.Tests.Attendees;

public sealed class RegistrantImportRulesTests
{
    [Theory]
    [InlineData("姓 名", ImportField.Name)]
    [InlineData("工作单位", ImportField.Organization)]
    [InlineData("职务/职称", ImportField.Title)]
    [InlineData("职务、职称", ImportField.Title)]
    [InlineData("手机号码（必填）", ImportField.Mobile)]
    [InlineData("*手机", ImportField.Mobile)]
    [InlineData("电子邮箱", ImportField.Email)]
    [InlineData("Ｅｍａｉｌ", ImportField.Email)]
    [InlineData("分组", ImportField.Group)]
    [InlineData("序号", ImportField.Ignore)]
    [InlineData("", ImportField.Ignore)]
    public void Headers_are_recognised_in_Chinese_and_English(string header, ImportField expected) =>
        Assert.Equal(expected, ImportColumns.Guess(header));

    [Fact]
    public void The_header_row_is_found_below_a_title_row()
    {
        IReadOnlyList<IReadOnlyList<string>> rows =
        [
            ["2026年会议回执汇总表", "2026年会议回执汇总表", "2026年会议回执汇总表"],
            ["", "", ""],
            ["姓名", "单位", "手机"],
            ["张三", "某大学", "13800000000"],
        ];
        Assert.Equal(2, ImportColumns.FindHeaderRow(rows));
    }

    [Theory]
    [InlineData("张 三", "张三")]
    [InlineData("张\u3000三", "张三")]
    [InlineData(" 欧阳  明 ", "欧阳明")]
    [InlineData("Anna  Smith", "Anna Smith")]
    [InlineData("买买提·艾力", "买买提·艾力")]
    public void Names_lose_the_spaces_offices_put_inside_them(string raw, string expected) =>
        Assert.Equal(expected, RegistrantImportRules.CleanName(raw));

    private static readonly ImportField[] Mapping = [ImportField.Name, ImportField.Organization, ImportField.Mobile, ImportField.Email];

    [Fact]
    public void Rows_are_cleaned_and_each_problem_is_named()
    {
        var ok = RegistrantImportRules.Clean(3, ["张 三", "复旦大学", "１３８ ０００-０００００", " ZhangSan@Example.CN "], Mapping);
        Assert.True(ok.IsValid);
        Assert.Equal(("张三", "13800000000", "zhangsan@example.cn"), (ok.Name, ok.Mobile, ok.Email));

        var bad = RegistrantImportRules.Clean(4, ["", "", "12345", "x@"], Mapping);
        Assert.Equal([ImportProblem.NameMissing, ImportProblem.OrganizationMissing, ImportProblem.EmailInvalid, ImportProblem.MobileInvalid], bad.Problems);
    }

    [Fact]
    public void Duplicates_by_mobile_or_email_are_marked_against_the_first_row_and_the_registered()
    {
        var rows = new[]
        {
            RegistrantImportRules.Clean(2, ["甲", "单位", "13800000001", "a@x.cn"], Mapping),
            RegistrantImportRules.Clean(3, ["乙", "单位", "13800000002", "A@X.CN"], Mapping),
            RegistrantImportRules.Clean(4, ["丙", "单位", "13800000001", "c@x.cn"], Mapping),
            RegistrantImportRules.Clean(5, ["丁", "单位", "13800000009", "d@x.cn"], Mapping),
        };
        RegistrantImportRules.MarkDuplicates(rows, new HashSet<string>(), new HashSet<string> { "13800000009" });
        Assert.True(rows[0].IsValid);
        Assert.Equal((2, ImportProblem.DuplicateInSheet), (rows[1].DuplicateOf!.Value, rows[1].Problems.Single()));
        Assert.Equal((2, ImportProblem.DuplicateInSheet), (rows[2].DuplicateOf!.Value, rows[2].Problems.Single()));
        Assert.Equal([ImportProblem.AlreadyRegistered], rows[3].Problems);
    }

    [Theory]
    [InlineData("li-ming@mail.ustc-edu.cn", "li-ming@mail.ustc-edu.cn")]
    [InlineData(" Wang.Wei＠ＰＫＵ－ＥＤＵ.cn ", "wang.wei@pku-edu.cn")]
    [InlineData("zhang\u3000san@example.org", "zhangsan@example.org")]
    public void An_address_keeps_its_hyphens_and_loses_spaces_full_width_forms_and_capitals(string typed, string clean) =>
        Assert.Equal(clean, RegistrantImportRules.CleanEmail(typed));
}
