using System.Diagnostics;
using Events.Core.Access;
using Events.Core.Mail;
using Events.Core.Validation;
using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Events.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Events.Web.Access;

public sealed record RegisterRequest(string? DisplayName, string? Email, string? Password, string? ConfirmPassword);

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Unknown address, wrong password or a locked account: one answer, so the form tells nobody which.</summary>
    Failed,
    /// <summary>The right password for an account whose address is not confirmed yet; only the password holder learns this.</summary>
    NeedsConfirmation,
}

/// <summary>
/// Registration, sign-in and password reset, written so that their answers and timings do not tell whether an address
/// has an account (see docs/security.md, "User enumeration"), and so that an unconfirmed registration of someone
/// else's address never blocks its owner: registering it again mails the owner a link that sets the password and
/// confirms the address.
/// </summary>
public sealed class AccountFlows(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IEmailSender<AppUser> accountMail,
    IDbContextFactory<EventsDbContext> factory,
    Outbox outbox,
    AccountLinks links)
{
    /// <summary>
    /// Register, forgot-password and a failed sign-in take at least this long, whichever branch they take: creating an
    /// account hashes a password and writes a row while an existing address only queues a mail, and a wrong password
    /// writes the failure count while an unknown address writes nothing.
    /// </summary>
    public static readonly TimeSpan ResponseFloor = TimeSpan.FromMilliseconds(600);

    /// <summary>A hash to verify against when there is no user, so an unknown address costs what a known one does.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    /// <summary>Validation messages (resource keys or Identity codes) when the form is wrong; empty when the user is told to check their mailbox.</summary>
    public async Task<IReadOnlyList<string>> RegisterAsync(RegisterRequest input, string culture)
    {
        var errors = Validate(input);
        if (errors.Count > 0) return errors;
        // The password rules depend on the password alone, so checking them first says nothing about the address.
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), input.Password);
            errors.AddRange(result.Errors.Select(e => $"Identity.{e.Code}"));
        }
        if (errors.Count > 0) return errors;

        var started = Stopwatch.StartNew();
        var email = input.Email!.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? null : input.DisplayName.Trim(),
                PreferredCulture = culture,
            };
            var created = await users.CreateAsync(user, input.Password!);
            if (created.Succeeded)
            {
                await users.AddToRolesAsync(user, [Roles.Attendee, Roles.Author]);
                var token = await users.GenerateEmailConfirmationTokenAsync(user);
                await accountMail.SendConfirmationLinkAsync(user, email, links.Confirm(user.Id, token));
            }
            else if (!created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                return created.Errors.Select(e => $"Identity.{e.Code}").ToList();
            }
            // A duplicate here is a registration that raced this one: the address has its owner's mail already.
        }
        else
        {
            _ = new PasswordHasher<AppUser>().HashPassword(existing, input.Password!);
            await MailAccountExistsAsync(existing);
        }
        await PadAsync(started);
        return [];
    }

    /// <summary>
    /// Signs in with a confirmed account. Every failure looks the same, costs one password hash and takes at least
    /// <see cref="ResponseFloor"/> (a wrong password also writes the failure count, which an unknown address cannot).
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember)
    {
        var started = Stopwatch.StartNew();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.Value, password);
            await PadAsync(started);
            return SignInOutcome.Failed;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            await PadAsync(started);
            return SignInOutcome.Failed;
        }
        if (!user.EmailConfirmed)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await accountMail.SendConfirmationLinkAsync(user, user.Email!, links.Confirm(user.Id, token));
            return SignInOutcome.NeedsConfirmation;
        }
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, remember);
        return SignInOutcome.SignedIn;
    }

    /// <summary>
    /// Mails a reset link to an account's address, confirmed or not (resetting proves the mailbox, and so confirms it).
    /// The caller answers the same either way.
    /// </summary>
    public async Task ForgotPasswordAsync(string email)
    {
        var started = Stopwatch.StartNew();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.Email is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await accountMail.SendPasswordResetLinkAsync(user, user.Email, links.Reset(user.Email, token));
        }
        await PadAsync(started);
    }

    /// <summary>Signing out changes the security stamp, so a copy of the cookie stops working at its next request.</summary>
    public async Task SignOutAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }

    public static List<string> Validate(RegisterRequest input)
    {
        var errors = new List<string>();
        if (!EmailRules.IsBareAddress(input.Email) || input.Email!.Trim().Length > FieldLimits.Email) errors.Add("Validation.EmailFormat");
        if ((input.DisplayName?.Trim().Length ?? 0) > FieldLimits.PersonName) errors.Add("DisplayNameTooLong");
        if (string.IsNullOrEmpty(input.Password)) errors.Add("Identity.PasswordTooShort");
        else if (input.Password.Length > FieldLimits.Password) errors.Add("PasswordTooLong");
        if (input.Password != input.ConfirmPassword) errors.Add("PasswordsDiffer");
        return errors;
    }

    /// <summary>Someone (perhaps the owner, perhaps not) registered an address that has an account: its owner hears of it, with a way in.</summary>
    private async Task MailAccountExistsAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await using var db = await factory.CreateDbContextAsync();
        await outbox.EnqueueAsync(db, MailTemplateKeys.AccountExists,
            new MailRecipient(user.Email!, user.DisplayName, user.PreferredCulture ?? "zh-CN"),
            new Dictionary<string, string>
            {
                ["name"] = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email! : user.DisplayName,
                ["link"] = links.Reset(user.Email!, token),
            },
            relatedEntity: $"User:{user.Id}");
        await db.SaveChangesAsync();
    }

    private static Task PadAsync(Stopwatch started)
    {
        var remaining = ResponseFloor - started.Elapsed;
        return remaining > TimeSpan.Zero ? Task.Delay(remaining) : Task.CompletedTask;
    }
}
