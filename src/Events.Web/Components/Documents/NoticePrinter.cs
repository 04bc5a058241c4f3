using System.Security.Cryptography;
using System.Text;
using Events.Infrastructure.Notices;
using Microsoft.Extensions.Caching.Memory;

namespace Events.Web.Components.Documents;

/// <summary>
/// Prints a notice through <see cref="NoticeDocument"/> and the shared Chromium, for its page's PDF and its mails. A
/// released notice's PDF is public: it is printed once per content (the notice is frozen; the key also holds the event's
/// title and host units, so an edit there prints anew) and kept a while, so anonymous requests, however many and with
/// whatever query string, never keep Chromium busy. A draft's preview is printed each time.
/// </summary>
public sealed class NoticePrinter(DocumentPdf pdf, IMemoryCache cache) : INoticePrinter
{
    /// <summary>How long a released notice's PDF is kept after it was printed.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);

    public Task<byte[]> PrintAsync(NoticeView notice, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (!notice.Released) return RenderAsync(notice, ct);
        var key = Key(notice);
        // One print for all who ask at once: the first request's Lazy prints, the others await the same task.
        var print = cache.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = Kept;
            return new Lazy<Task<byte[]>>(() =>
            {
                var printing = RenderAsync(notice, CancellationToken.None);
                // A failed print is not kept: the next request tries again. Watched once, by the request that prints.
                _ = printing.ContinueWith(_ => cache.Remove(key), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
                return printing;
            });
        })!.Value;
        return print.WaitAsync(ct);
    }

    private Task<byte[]> RenderAsync(NoticeView notice, CancellationToken ct) =>
        pdf.RenderAsync<NoticeDocument>(new Dictionary<string, object?> { [nameof(NoticeDocument.Model)] = notice }, ct: ct);

    /// <summary>Everything the PDF prints, hashed: the same content shares one print.</summary>
    private static string Key(NoticeView n)
    {
        var text = string.Join('\u001f', [n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), n.EventSlug, n.EventTitle,
            n.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Title, n.NoticeDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture), n.Body,
            .. n.Organizers]);
        return "notice-pdf:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
