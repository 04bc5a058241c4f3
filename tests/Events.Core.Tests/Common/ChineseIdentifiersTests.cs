using Events.Core.Validation;

namespace Events.Core.Tests.Common;

/// <summary>
/// Mainland mobile numbers, resident ID numbers (GB 11643) and unified social credit codes (GB 32100) as people type
/// them. The ID numbers are made up (region, birth date and sequence chosen here, check digit computed), never a real person's.
/// </summary>
public sealed class ChineseIdentifiersTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 139 1234 5678", "13912345678")]
    [InlineData("0086-159-0000-1111", "15900001111")]
    [InlineData("８６１８６１２３４５６７８", "18612345678")]
    [InlineData("＋８６　１７７　０１２３　４５６７", "17701234567")]
    public void Mobile_numbers_with_prefixes_spaces_and_full_width_digits_are_normalised(string typed, string stored) =>
        Assert.Equal(stored, ChineseIdentifiers.NormalizeMobile(typed));

    [Theory]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("028-85221234")]
    [InlineData("1380013800a")]
    [InlineData("")]
    public void Other_numbers_are_not_mobile_numbers(string typed) => Assert.Null(ChineseIdentifiers.NormalizeMobile(typed));

    [Fact]
    public void The_check_digit_follows_GB_11643_including_X()
    {
        // The worked example of GB 11643-1999 (11010519491231002X).
        Assert.Equal('X', ChineseIdentifiers.ResidentIdCheckDigit("11010519491231002"));
        Assert.Equal(ResidentIdProblem.None, ChineseIdentifiers.CheckResidentId("11010519491231002x"));
        Assert.Equal("11010519491231002X", ChineseIdentifiers.NormalizeResidentId("110105 19491231 002x"));
    }

    [Theory]
    [InlineData("51010719900307003")]
    [InlineData("44030420000229551")]
    [InlineData("31011519851111008")]
    public void Made_up_numbers_with_their_computed_check_digit_are_valid_and_any_other_last_digit_is_not(string first17)
    {
        var check = ChineseIdentifiers.ResidentIdCheckDigit(first17);
        Assert.Equal(ResidentIdProblem.None, ChineseIdentifiers.CheckResidentId(first17 + check));
        foreach (var wrong in "0123456789X".Where(c => c != check))
            Assert.Equal(ResidentIdProblem.CheckDigit, ChineseIdentifiers.CheckResidentId(first17 + wrong));
    }

    [Theory]
    [InlineData("51010719900230003")] // 30 February
    [InlineData("51010718890307003")] // before 1900
    [InlineData("51010720991231003")] // in the future
    public void An_impossible_birth_date_is_named(string first17) =>
        Assert.Equal(ResidentIdProblem.BirthDate,
            ChineseIdentifiers.CheckResidentId(first17 + ChineseIdentifiers.ResidentIdCheckDigit(first17), new DateOnly(2026, 12, 6)));

    [Theory]
    [InlineData("5101071990030700")]
    [InlineData("51010719900307003AB")]
    [InlineData("01010719900307003X")]
    [InlineData("5101071990030700Y3")]
    public void Wrong_shapes_are_format_errors(string typed) => Assert.Equal(ResidentIdProblem.Format, ChineseIdentifiers.CheckResidentId(typed));

    [Theory]
    // The example printed in GB 32100-2015 and credit codes of the shape organizations print on their invoices.
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000MA01ABCD2")]
    public void Credit_codes_are_checked_with_the_mod_31_character(string first)
    {
        var code = first.Length == 18 ? first : first + ChineseIdentifiers.CreditCodeCheckCharacter(first);
        Assert.Equal(CreditCodeProblem.None, ChineseIdentifiers.CheckCreditCode(code));
        Assert.Equal(CreditCodeProblem.None, ChineseIdentifiers.CheckCreditCode(" " + code.ToLowerInvariant().Insert(6, " ")));
        var wrong = ChineseIdentifiers.CreditCodeAlphabet.First(c => c != code[17]);
        Assert.Equal(CreditCodeProblem.CheckDigit, ChineseIdentifiers.CheckCreditCode(code[..17] + wrong));
    }

    [Theory]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100YI3")]
    [InlineData("9135A100M000100Y43")]
    [InlineData("")]
    public void Credit_codes_of_the_wrong_shape_are_format_errors(string typed) =>
        Assert.Equal(CreditCodeProblem.Format, ChineseIdentifiers.CheckCreditCode(typed));

    [Fact]
    public void Lists_show_masked_numbers()
    {
        Assert.Equal("138****1234", ChineseIdentifiers.MaskMobile("+86 138 0000 1234"));
        Assert.Equal("1101**********002X", ChineseIdentifiers.MaskIdNumber("11010519491231002X"));
    }
}
