using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The report as the pages that only show it need it (the report page, its step forms, the receipt): an immutable
/// <see cref="ReportView"/> made from the report loaded untracked with its OPD, technicians, devices, pauses and
/// timeline. A step loads its own tracked copy (<see cref="StepService"/>).
/// </summary>
/// <remarks>
/// <para>
/// A loaded report is kept in memory (<see cref="Store"/>) under its id with its <see cref="Report.Version"/>, and
/// when a copy is kept, a call first reads the report's current version from the database (one indexed lookup by
/// primary key); the kept copy is used only when the versions match. With no kept copy (first sight) the report is
/// loaded at once, without the version lookup. Every change to the aggregate goes through the domain, and every
/// domain change (each workflow step, pausing and resuming the clock) gives the report a new version in the same
/// save, so a change is shown on the very next request, whichever instance made it. A report that no longer exists
/// (or never did) is never served from memory either.
/// </para>
/// <para>
/// The copy also holds the report's OPD (name, address), which is reference data edited by administrators without
/// touching the report: the kept copy holds the <see cref="DataChanges.Reference"/> it was read under, so an edit through this instance applies
/// on the next request; an edit through another instance on the same database applies within
/// <see cref="MaxAge"/>. Entries expire after <see cref="Idle"/> without use, and at most <c>Caches:ReportPages</c>
/// reports are kept (a crawl over many reports fills no memory; beyond that, reports are read as before).
/// </para>
/// <para>
/// A kept report is shared by concurrent requests: it is a value (<see cref="ReportView"/>, records all the way down),
/// never an EF entity, so no request can change what another one reads (steps load their own tracked copy).
/// </para>
/// </remarks>
public sealed class ReportSnapshots(AppDbContext db, ReportSnapshots.Store store, DataChanges changes)
{
    /// <summary>
    /// The kept reports, shared by all requests (a singleton); each entry counts one towards the capacity
    /// (<c>Caches:ReportPages</c>, default 100; 0 keeps none).
    /// </summary>
    public sealed class Store(Microsoft.Extensions.Options.IOptions<CacheOptions> options) : IDisposable
    {
        public int Capacity { get; } = options.Value.ReportPages;

        internal MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = options.Value.ReportPages });

        public void Dispose() => Cache.Dispose();
    }

    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private static readonly Func<AppDbContext, int, CancellationToken, Task<Guid?>> CurrentVersion =
        EF.CompileAsyncQuery((AppDbContext db, int id, CancellationToken ct) =>
            db.Reports.TagWith(SqlitePreparedStatements.Tag).Where(r => r.Id == id).Select(r => (Guid?)r.Version).SingleOrDefault());

    /// <summary>
    /// The report row with its OPD, then each collection by its report id: five plain statements, cheaper for SQLite to
    /// compile and run than a split include's (which repeats the report's lookup, join and order in each), and read without
    /// EF's split-include machinery. Compiled, as they run on every miss; tagged, so that their prepared statements can be
    /// reused (<see cref="SqlitePreparedStatements"/>), as can the version lookup's.
    /// </summary>
    private static readonly Func<AppDbContext, int, CancellationToken, Task<Report?>> LoadReport =
        EF.CompileAsyncQuery((AppDbContext db, int id, CancellationToken ct) =>
            db.Reports.TagWith(SqlitePreparedStatements.Tag).AsNoTracking().Include(r => r.Opd).FirstOrDefault(r => r.Id == id));

    // The timeline in its order, as the aggregate holds it when loaded whole (a rule may read its events in order).
    private static readonly Func<AppDbContext, int, IAsyncEnumerable<ReportEvent>> EventsOf =
        EF.CompileAsyncQuery<AppDbContext, int, ReportEvent>((db, id) => db.ReportEvents.TagWith(SqlitePreparedStatements.Tag)
            .AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<ReportAssignment>> TechniciansOf =
        EF.CompileAsyncQuery((AppDbContext db, int id) => db.ReportAssignments.TagWith(SqlitePreparedStatements.Tag).AsNoTracking().Where(t => t.ReportId == id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<ReportDevice>> DevicesOf =
        EF.CompileAsyncQuery((AppDbContext db, int id) => db.ReportDevices.TagWith(SqlitePreparedStatements.Tag).AsNoTracking().Where(d => d.ReportId == id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<ReportPause>> PausesOf =
        EF.CompileAsyncQuery((AppDbContext db, int id) => db.ReportPauses.TagWith(SqlitePreparedStatements.Tag).AsNoTracking().Where(p => p.ReportId == id));

    private static async Task<Report?> Load(AppDbContext db, int id, CancellationToken ct)
    {
        var report = await LoadReport(db, id, ct);
        if (report is null) return null;
        report.CompleteReadCopy(await ListAsync(EventsOf(db, id), ct), await ListAsync(TechniciansOf(db, id), ct),
            await ListAsync(DevicesOf(db, id), ct), await ListAsync(PausesOf(db, id), ct));
        return report;
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }

    // The reports this request was given from a kept copy.
    private HashSet<int>? _seenAgain;

    /// <summary>
    /// Whether this request was given report <paramref name="id"/> from a kept copy (<see cref="FindAsync"/>): someone saw
    /// it within <see cref="Idle"/>, so it is likely to be seen again, and what a page renders from it is worth keeping
    /// too (the timeline's <c>&lt;cache&gt;</c>). A report on first sight, as an official going through the inbox or a
    /// crawl over many reports sees most, is rendered without filling that cache.
    /// </summary>
    public bool SeenAgain(int id) => _seenAgain?.Contains(id) == true;

    /// <summary>A kept report and the reference change count it was read under.</summary>
    private sealed record Kept(ReportView View, long Reference);

    /// <summary>The current state of the report, or null when there is no such report.</summary>
    public async Task<ReportView?> FindAsync(int id, CancellationToken ct = default)
    {
        // The reference counter is read before the report: an OPD edited meanwhile is never kept under the new count.
        var reference = changes.Reference;
        // The version is read only when a copy is kept (first sight loads the report at once: one statement fewer).
        if (store.Cache.TryGetValue(id, out Kept? kept) && kept is not null && kept.Reference == reference)
        {
            var version = await CurrentVersion(db, id, ct);
            if (version is not { } current)
            {
                store.Cache.Remove(id);
                return null;
            }
            if (current == kept.View.Version)
            {
                (_seenAgain ??= []).Add(id);
                return kept.View;
            }
        }

        var loaded = await Load(db, id, ct);
        if (loaded is null) return null;
        var report = ReportView.From(loaded);
        if (store.Capacity == 0) return report;
        // Kept with the version it was read with (a step saved after the load gives the report a newer one, so the
        // next view reads it again).
        store.Cache.Set(id, new Kept(report, reference),
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle, AbsoluteExpirationRelativeToNow = MaxAge });
        return report;
    }
}
