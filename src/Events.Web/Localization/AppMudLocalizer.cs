using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Events.Web.Localization;

/// <summary>
/// Gives MudBlazor's built-in texts (the required-field message, pager and picker labels) from our resources,
/// under keys "Mud.{MudBlazor key}", so they follow the user's language like everything else.
/// </summary>
internal sealed class AppMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var value = localizer["Mud." + key];
            return value.ResourceNotFound ? base[key] : new LocalizedString(key, value.Value);
        }
    }
}
