using MudBlazor;

namespace Events.Web.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>Our resources, and MudBlazor's own texts taken from them.</summary>
    public static IServiceCollection AddEventsLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudLocalizer, AppMudLocalizer>();
        return services;
    }
}
