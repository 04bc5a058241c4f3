using System.Globalization;
using Events.Core.Attendees.Fees;
using Events.Infrastructure.Exports;

namespace Events.Infrastructure.Attendees;

/// <summary>
/// The fee list in the shape university fee platforms (统一缴费平台, 财务处 batch import of 代收会议费) take in: one sheet
/// 缴费名单, one row per active registration, text cells only (so a taxpayer number or a reference never turns into a
/// number), amounts with two decimals and no currency sign. Columns, in order:
/// <list type="number">
/// <item>序号 — running number</item>
/// <item>姓名, 单位, 电子邮箱 — the payer as registered</item>
/// <item>缴费项目 — the event's title, then the category (会议注册费（正式代表）)</item>
/// <item>应缴金额 — the category fee owed at registration (blank when the event has none)</item>
/// <item>实缴金额 — the amount recorded by the organizer</item>
/// <item>缴费状态 — 未缴 / 已缴 / 免缴 / 退费</item>
/// <item>缴费方式, 交易流水号 — method and reference as recorded</item>
/// <item>发票类型 (普票/专票), 发票抬头, 纳税人识别号, 发票接收邮箱 — the registrant's invoice request, blank when none</item>
/// </list>
/// </summary>
public static class FeeWorkbook
{
    public const string SheetName = "缴费名单";

    public static readonly IReadOnlyList<string> Headers =
        ["序号", "姓名", "单位", "电子邮箱", "缴费项目", "应缴金额", "实缴金额", "缴费状态", "缴费方式", "交易流水号", "发票类型", "发票抬头", "纳税人识别号", "发票接收邮箱"];

    private static readonly double[] Widths = [6, 12, 30, 26, 30, 10, 10, 8, 12, 24, 8, 30, 22, 26];

    public static string StateName(PaymentState s) => s switch
    {
        PaymentState.Paid => "已缴",
        PaymentState.Waived => "免缴",
        PaymentState.Refunded => "退费",
        _ => "未缴",
    };

    public static string MethodName(PaymentMethod? m) => m switch
    {
        PaymentMethod.BankTransfer => "银行转账",
        PaymentMethod.FeePlatform => "缴费平台",
        PaymentMethod.Card => "刷卡",
        PaymentMethod.WeChat => "微信",
        PaymentMethod.Alipay => "支付宝",
        PaymentMethod.Cash => "现金",
        PaymentMethod.Other => "其他",
        _ => "",
    };

    public static byte[] Write(string eventTitle, IReadOnlyList<FeeLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rows = lines.Select((l, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), l.Name, l.Organization, l.Email,
            l.Category is null ? $"{eventTitle}会议注册费" : $"{eventTitle}会议注册费（{l.Category}）",
            Money(l.Owed), Money(l.Amount), StateName(l.State), MethodName(l.Method), l.Reference ?? "",
            l.InvoiceKind switch { InvoiceKind.Ordinary => "普票", InvoiceKind.Special => "专票", _ => "" },
            l.InvoiceTitle ?? "", l.InvoiceTaxId ?? "", l.InvoiceEmail ?? "",
        ]);
        return SheetWorkbook.Write(SheetName, Headers, Widths, rows);
    }

    private static string Money(decimal? amount) => amount is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "";

    public static string FileName(string slug) => $"{slug}-fees.xlsx";
}
