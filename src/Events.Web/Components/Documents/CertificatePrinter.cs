using Events.Infrastructure.Certificates;

namespace Events.Web.Components.Documents;

/// <summary>Prints certificates through <see cref="CertificateDocument"/> and the shared Chromium.</summary>
public sealed class CertificatePrinter(DocumentPdf pdf) : ICertificatePrinter
{
    public Task<byte[]> PrintAsync(IReadOnlyList<CertificatePrint> certificates, CancellationToken ct = default) =>
        pdf.RenderAsync<CertificateDocument>(new Dictionary<string, object?> { [nameof(CertificateDocument.Certificates)] = certificates }, ct: ct);
}
