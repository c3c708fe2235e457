using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Dashboard;

/// <summary>
/// The dashboard aggregates of people who see every report, and the device figures and SKM follow-up share every
/// dashboard shows, computed once
/// and shared by every such request. A value
/// is tied to the report change counter it was computed at (<see cref="DataChanges.Reports"/>): after any change made
/// through this instance the next request computes anew and waits for it, so such a change always shows on the next
/// load. Without a change a value is served as is for <see cref="FreshFor"/>; after that, up to <see cref="ServeStaleFor"/>,
/// it is still served while one background computation replaces it (stale-while-revalidate), so no request waits for
/// the minute's recompute; older values are never served. Writes by another instance therefore show within about two
/// minutes. At most one computation runs at a time: requests that miss together wait for one result.
/// </summary>
public sealed class SharedDashboardFigures(
    DataChanges changes, SlaClock clock, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    ILogger<SharedDashboardFigures> logger) : IDisposable
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan ServeStaleFor = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Entry? _current;
    private int _refreshing;
    private Task _refresh = Task.CompletedTask;

    private sealed record Entry(long Version, DateTime ComputedAtUtc, DashboardAggregates Value);

    /// <summary>The background computation started last (completed when none runs); tests wait for it.</summary>
    public Task Refresh => Volatile.Read(ref _refresh);

    public async Task<DashboardAggregates> GetAsync(CancellationToken ct)
    {
        var version = changes.Reports;
        var now = clock.NowUtc;
        var entry = _current;
        if (entry is not null && entry.Version == version)
        {
            var age = now - entry.ComputedAtUtc;
            if (age >= TimeSpan.Zero && age < FreshFor) return entry.Value;
            if (age >= TimeSpan.Zero && age < ServeStaleFor)
            {
                StartRefresh(entry);
                return entry.Value;
            }
        }

        // Changed, too old or never computed: compute now. One request computes; those that missed at the same moment
        // wait for its result instead of running the same aggregates side by side.
        await _gate.WaitAsync(ct);
        try
        {
            entry = _current;
            version = changes.Reports;
            now = clock.NowUtc;
            if (entry is not null && entry.Version == version && now - entry.ComputedAtUtc >= TimeSpan.Zero
                && now - entry.ComputedAtUtc < FreshFor)
            {
                return entry.Value;
            }
            return (await ComputeAsync(version, now, ct)).Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private void StartRefresh(Entry stale)
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0) return;
        Volatile.Write(ref _refresh, Task.Run(() => RefreshAsync(stale)));
    }

    private async Task RefreshAsync(Entry stale)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await _gate.WaitAsync(ct);
            try
            {
                // A request may have computed meanwhile (after a change): then there is nothing to do.
                if (ReferenceEquals(_current, stale)) await ComputeAsync(changes.Reports, clock.NowUtc, ct);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            // The stale value stays until it is too old; the next request then computes (and fails) in the open.
            logger.LogWarning(e, "Background refresh of the dashboard figures failed");
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    /// <summary>Computes with the counter read before reading the data: a change during the computation is seen next time.</summary>
    private async Task<Entry> ComputeAsync(long version, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lists = scope.ServiceProvider.GetRequiredService<ReferenceLists>();
        var evaluation = scope.ServiceProvider.GetRequiredService<ServiceEvaluation.ServiceEvaluationService>();
        var skmYear = evaluation.CurrentPeriod.Year;
        var value = await DashboardService.AggregateAsync(db, lists, db.Reports.AsNoTracking(), seesAll: true, now, ct) with
        {
            Devices = await scope.ServiceProvider.GetRequiredService<Devices.DeviceFigures>().DashboardAsync(now, ct),
            SkmFollowUp = (skmYear, await evaluation.FollowUpShareAsync(skmYear, ct)),
        };
        var entry = new Entry(version, now, value);
        _current = entry;
        return entry;
    }
}
