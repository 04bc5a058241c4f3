using MudBlazor;

namespace Events.Web.Localization;

public static class LocalizationServiceCollectionExtensions
{
    /// <summary>Our resources, MudBlazor's own texts and the program exports' words taken from them.</summary>
    public static IServiceCollection AddEventsLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudLocalizer, AppMudLocalizer>();
        services.AddScoped<ExportWordings>();
        return services;
    }
}
