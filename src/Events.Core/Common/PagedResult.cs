namespace Events.Core.Common;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

/// <summary>A page request as list pages send it to the server.</summary>
public sealed record PageRequest(int Page, int PageSize, string? Search = null)
{
    public const int MaxPageSize = 100;
    public int Skip => (int)Math.Min(int.MaxValue, (long)Math.Max(0, Page) * Take);
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
    public string? Term => string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
}
