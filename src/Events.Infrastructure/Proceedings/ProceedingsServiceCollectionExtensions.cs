using Events.Infrastructure.LiveUpdates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Events.Infrastructure.Proceedings;

public static class ProceedingsServiceCollectionExtensions
{
    /// <summary>
    /// The volume's services and its background build worker. The web project adds the HTML side
    /// (<see cref="IVolumeDocuments"/>) and who counts as an attendee (<see cref="IProceedingsAccess"/>).
    /// </summary>
    public static IServiceCollection AddEventsProceedings(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Access.EventRights>();
        services.TryAddSingleton<ILiveUpdates, InProcessLiveUpdates>();
        services.AddSingleton<BuildProgressRegistry>();
        services.AddSingleton<BuildQueueSignal>();
        services.AddSingleton<ProceedingsService>();
        services.AddSingleton<ProceedingsDownloads>();
        services.AddSingleton<IDocumentPrinter, ChromiumDocumentPrinter>();
        services.AddSingleton<VolumeComposer>();
        services.AddHostedService<ProceedingsBuildWorker>();
        return services;
    }
}
