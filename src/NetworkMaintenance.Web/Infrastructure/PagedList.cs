namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>One page of a longer list, with what a pager needs.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
    public int FirstItem => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int LastItem => Math.Min(Page * PageSize, TotalCount);
}

public static class Paging
{
    /// <summary>Clamps a requested page number to 1..the last page.</summary>
    public static int ClampPage(int page, int totalCount, int pageSize) =>
        Math.Clamp(page, 1, Math.Max(1, (totalCount + pageSize - 1) / pageSize));
}
