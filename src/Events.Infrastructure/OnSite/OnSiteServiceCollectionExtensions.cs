using Events.Infrastructure.LiveUpdates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Events.Infrastructure.OnSite;

public static class OnSiteServiceCollectionExtensions
{
    /// <summary>Badges (and their background builds; the web app registers the <see cref="IBadgePrinter"/>) and check-in. <see cref="IBadgeBands"/> can be replaced by registering another first.</summary>
    public static IServiceCollection AddEventsOnSite(this IServiceCollection services)
    {
        services.TryAddSingleton<IBadgeBands, SpeakerBadgeBands>();
        services.TryAddSingleton<ILiveUpdates, InProcessLiveUpdates>();
        services.AddSingleton<BadgeService>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<BadgeBuilds>();
        services.AddSingleton<BadgeBuildWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BadgeBuildWorker>());
        return services;
    }
}
