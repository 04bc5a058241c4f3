using Events.Infrastructure.LiveUpdates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Events.Infrastructure.OnSite;

public static class OnSiteServiceCollectionExtensions
{
    /// <summary>Badges and check-in. Registration categories replace <see cref="IBadgeBands"/> by registering theirs first.</summary>
    public static IServiceCollection AddEventsOnSite(this IServiceCollection services)
    {
        services.TryAddSingleton<IBadgeBands, SpeakerBadgeBands>();
        services.TryAddSingleton<ILiveUpdates, InProcessLiveUpdates>();
        services.AddSingleton<BadgeService>();
        services.AddSingleton<CheckInService>();
        return services;
    }
}
