using Events.Infrastructure.OnSite;
using Events.Web.Endpoints;

namespace Events.Web.Components.Documents;

/// <summary>Prints badge sheets through <see cref="BadgeDocument"/> and the shared Chromium, in parts (<see cref="OnSiteEndpoints.BadgePdfAsync"/>).</summary>
public sealed class BadgePrinter(DocumentPdf pdf) : IBadgePrinter
{
    public Task<byte[]> PrintAsync(BadgeSheet sheet, IProgress<int>? progress, CancellationToken ct = default) =>
        OnSiteEndpoints.BadgePdfAsync(pdf, sheet, ct, progress);
}
