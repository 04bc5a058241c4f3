using Microsoft.AspNetCore.Identity;

namespace Events.Infrastructure.Identity;

public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The UI language the user last chose; their mail is written in it.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(16)]
    public string? PreferredCulture { get; set; }
}
