using Microsoft.AspNetCore.Identity;

namespace Events.Infrastructure.Identity;

public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
