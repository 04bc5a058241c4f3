using Microsoft.AspNetCore.Identity;

namespace Events.Infrastructure.Identity;

public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The UI language the user last chose; their mail is written in it.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(16)]
    public string? PreferredCulture { get; set; }

    /// <summary>The secret in the user's private agenda feed URL; replaced to revoke an old link.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string? AgendaFeedToken { get; set; }
}
