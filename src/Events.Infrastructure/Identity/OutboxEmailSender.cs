using Events.Core.Mail;
using Events.Infrastructure.Data;
using Events.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Identity;

/// <summary>Account mail (confirmation, password reset) through the outbox like every other mail.</summary>
public sealed class OutboxEmailSender(IDbContextFactory<EventsDbContext> factory, Outbox outbox) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        SendAsync(MailTemplateKeys.ConfirmAccount, user, email, confirmationLink);

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        SendAsync(MailTemplateKeys.ResetPassword, user, email, resetLink);

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        throw new NotSupportedException("Password reset goes by link; the app never asks for a bare code.");

    private async Task SendAsync(string template, AppUser user, string email, string link)
    {
        await using var db = await factory.CreateDbContextAsync();
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName;
        await outbox.EnqueueAsync(db, template, new MailRecipient(email, user.DisplayName, user.PreferredCulture ?? "zh-CN"),
            new Dictionary<string, string> { ["name"] = name, ["link"] = link }, relatedEntity: $"User:{user.Id}");
        await db.SaveChangesAsync();
    }
}
