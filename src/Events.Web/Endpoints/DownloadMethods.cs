namespace Events.Web.Endpoints;

/// <summary>
/// Public documents answer HEAD as well as GET, so download managers and link checkers learn the size, type and ETag
/// without fetching the file (Kestrel sends no body for HEAD).
/// </summary>
internal static class DownloadMethods
{
    public static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];
}
