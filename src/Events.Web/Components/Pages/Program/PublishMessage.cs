using System.Globalization;
using Events.Infrastructure.Program;
using Microsoft.Extensions.Localization;

namespace Events.Web.Components.Pages.Program;

/// <summary>
/// The toast after publishing: the version, how many people's slots changed, how many notices wait in the outbox and who
/// got none for want of an address ("2 位嘉宾的安排有变动：1 封通知邮件已在发件箱等待审核；1 位没有邮箱地址：张三。").
/// </summary>
public static class PublishMessage
{
    public static string For(IStringLocalizer L, PublishResult result)
    {
        var culture = CultureInfo.CurrentCulture;
        var text = string.Format(culture, L["ProgramPublishedNoMail"], result.Version);
        if (result.PeopleToNotify == 0) return text;
        var parts = new List<string>();
        if (result.MailsQueued > 0) parts.Add(string.Format(culture, L["ProgramPublished.Queued"], result.MailsQueued));
        if (result.WithoutEmail.Count > 0)
        {
            parts.Add(string.Format(culture, L["ProgramPublished.NoEmail"], result.WithoutEmail.Count, string.Join(L["ListSeparator"], result.WithoutEmail)));
        }
        if (parts.Count == 0) return text;
        return text + string.Format(culture, L["ProgramPublished.Affected"], result.PeopleToNotify)
            + string.Join(L["ProgramPublished.Separator"], parts) + L["ProgramPublished.End"];
    }
}
