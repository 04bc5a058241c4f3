using Events.Infrastructure.Notices;

namespace Events.Web.Components.Documents;

/// <summary>Prints a notice through <see cref="NoticeDocument"/> and the shared Chromium, for its page's PDF and its mails.</summary>
public sealed class NoticePrinter(DocumentPdf pdf) : INoticePrinter
{
    public Task<byte[]> PrintAsync(NoticeView notice, CancellationToken ct = default) =>
        pdf.RenderAsync<NoticeDocument>(new Dictionary<string, object?> { [nameof(NoticeDocument.Model)] = notice }, ct: ct);
}
