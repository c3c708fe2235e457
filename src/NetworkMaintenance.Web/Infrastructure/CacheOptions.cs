namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The <c>Caches</c> section: the bound of every in-process cache, so that memory stays within the budget of
/// docs/performance.md whatever the data size (docs/operations.md, "In-process caches and their bounds").
/// </summary>
public sealed class CacheOptions
{
    public const string Section = "Caches";

    /// <summary>Reports kept for the report page and its step forms (<c>ReportSnapshots</c>).</summary>
    public int ReportPages { get; set; } = 100;

    /// <summary>Rendered page fragments (<c>&lt;cache&gt;</c> tag helper: the report timelines), in megabytes.</summary>
    public int RenderedFragmentsMegabytes { get; set; } = 4;

    /// <summary>Entries of the shared memory cache (signed-in users' actors, menu counts, reference lists).</summary>
    public int SharedEntries { get; set; } = 10_000;

    /// <summary>Decoded images (letterhead logos, signatures) kept across PDF renders.</summary>
    public int DocumentImages { get; set; } = 32;

    /// <summary>
    /// Every how many seconds the memory the C library's allocator holds free is handed back to the operating system
    /// (<c>NativeMemoryTrim</c>, Linux with glibc); 0 never.
    /// </summary>
    public int NativeMemoryTrimSeconds { get; set; } = 2;

    /// <summary>Compute the officials' dashboard figures in the background right after start, before anyone asks.</summary>
    public bool WarmDashboardAtStart { get; set; } = true;

    /// <summary>
    /// How many times that warm-up builds and renders the dashboard (for at most 10 s): well past the runtime's call
    /// count for recompiling a method optimised (30), so the page's code is optimised before the first officials open it.
    /// </summary>
    public int DashboardWarmUpRounds { get; set; } = 100;
}

public sealed class CacheOptionsValidator : SettingsValidator<CacheOptions>
{
    public override IEnumerable<string> Check(CacheOptions options)
    {
        if (options.ReportPages < 0) yield return $"Caches:ReportPages must be 0 or more (it is {options.ReportPages}).";
        if (options.RenderedFragmentsMegabytes < 1) yield return Positive("Caches:RenderedFragmentsMegabytes", options.RenderedFragmentsMegabytes);
        if (options.SharedEntries < 100) yield return $"Caches:SharedEntries must be at least 100 (it is {options.SharedEntries}).";
        if (options.DocumentImages < 1) yield return Positive("Caches:DocumentImages", options.DocumentImages);
        if (options.NativeMemoryTrimSeconds is < 0 or > 3600)
            yield return $"Caches:NativeMemoryTrimSeconds must be between 0 and 3600 (it is {options.NativeMemoryTrimSeconds}).";
        if (options.DashboardWarmUpRounds is < 1 or > 1000)
            yield return $"Caches:DashboardWarmUpRounds must be between 1 and 1000 (it is {options.DashboardWarmUpRounds}).";
    }
}
