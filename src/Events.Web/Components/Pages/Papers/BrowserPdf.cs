using Events.Infrastructure.Papers;
using Microsoft.AspNetCore.Components.Forms;

namespace Events.Web.Components.Pages.Papers;

/// <summary>Hands a picked file to the services as a stream. The size the browser declares is only a first check; the server counts the bytes.</summary>
public static class BrowserPdf
{
    /// <summary>Null when the declared size is already over the limit, so nothing is sent over the circuit for nothing.</summary>
    public static PaperUpload? Open(IBrowserFile file, long maxBytes) =>
        file.Size > maxBytes ? null : new PaperUpload(file.Name, file.OpenReadStream(maxBytes));
}
