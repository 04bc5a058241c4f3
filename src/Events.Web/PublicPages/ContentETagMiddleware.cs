using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Events.Web.PublicPages;

/// <summary>
/// Gives output-cached responses an ETag made from their bytes, so the output cache can answer a matching
/// If-None-Match with 304 from then on. Runs inside the output cache: only on a miss, once per cached entry.
/// </summary>
/// <remarks>
/// Blazor issues an antiforgery cookie with every page it renders, even a page with no form to post, and a response
/// that sets a cookie is never cached. A page without a form field for the token has no use for that cookie, so it is
/// dropped here, and with it the no-store header the antiforgery system adds; browsers revalidate with the ETag instead.
/// </remarks>
public sealed class ContentETagMiddleware(RequestDelegate next, IOptions<AntiforgeryOptions> antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (!HttpMethods.IsGet(context.Request.Method)
            || endpoint?.Metadata.GetMetadata<OutputCacheAttribute>() is null && endpoint?.Metadata.GetMetadata<IOutputCachePolicy>() is null)
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK && !context.Response.HasStarted)
        {
            DropUnusedAntiforgeryCookie(context.Response, buffer);
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..16])}\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private void DropUnusedAntiforgeryCookie(HttpResponse response, MemoryStream body)
    {
        var cookieName = antiforgery.Value.Cookie.Name!;
        var cookies = response.Headers.SetCookie;
        if (!cookies.Any(c => c is not null && c.StartsWith(cookieName + "=", StringComparison.Ordinal))) return;
        var field = Encoding.UTF8.GetBytes($"name=\"{antiforgery.Value.FormFieldName}\"");
        if (body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf(field) >= 0) return;
        response.Headers.SetCookie = new StringValues(cookies.Where(c => c is null || !c.StartsWith(cookieName + "=", StringComparison.Ordinal)).ToArray());
        response.Headers.CacheControl = "no-cache";
        response.Headers.Remove(HeaderNames.Pragma);
    }
}
