using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Events.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>The process-wide <see cref="PdfRenderer"/>, configured from Pdf:*; documents load assets from <paramref name="assetRoot"/>.</summary>
    public static IServiceCollection AddEventsPdf(this IServiceCollection services, IConfiguration configuration, string assetRoot)
    {
        services.AddOptions<PdfOptions>()
            .Bind(configuration.GetSection("Pdf"))
            .Configure(o =>
            {
                if (string.IsNullOrEmpty(o.AssetRoot)) o.AssetRoot = assetRoot;
            })
            .Validate(o => o.PoolSize is >= 1 and <= 16, "Pdf:PoolSize must be between 1 and 16")
            .Validate(o => o.TimeoutSeconds >= 1, "Pdf:TimeoutSeconds must be at least 1");
        // Where to look for a browser when Pdf:BrowserPath is empty; tests describe a machine without one.
        services.TryAddSingleton(BrowserSearch.ForThisMachine());
        // The container disposes it on shutdown, which closes the browser.
        services.AddSingleton<PdfRenderer>();
        return services;
    }
}
