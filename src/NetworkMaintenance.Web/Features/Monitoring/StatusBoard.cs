using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;

namespace NetworkMaintenance.Web.Features.Monitoring;

/// <summary>One OPD on the status board.</summary>
/// <param name="Availability">Share of this month so far (WIB) without a firing alert, 0–1.</param>
public sealed record OpdStatus(int OpdId, string Name, string? ShortName, int OpenReports, int ActiveAlerts, DateTime? LastOutageUtc,
    double Availability, IReadOnlyList<string> ActiveAlertSummaries)
{
    /// <summary>"down" (an alert fires), "open" (reports in progress), "ok".</summary>
    public string State => ActiveAlerts > 0 ? "down" : OpenReports > 0 ? "open" : "ok";
}

public sealed record StatusBoardPage(IReadOnlyList<OpdStatus> Opds, DateTime AtUtc, int RefreshSeconds);

/// <summary>
/// The OPD status board (docs/monitoring.md): every active OPD with its open reports, firing alerts, last outage and
/// availability this month, computed from alert durations (overlapping alerts of one OPD count once).
/// </summary>
public sealed class StatusBoard(AppDbContext db, TimeProvider clock)
{
    public const int RefreshSeconds = 60;

    public async Task<StatusBoardPage> BuildAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Wib.FromUtc(now);
        var monthStart = Wib.ToUtc(new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(ct);
        var open = await db.Reports.AsNoTracking().Where(r => r.Status != ReportStatus.Closed && r.Status != ReportStatus.Rejected)
            .GroupBy(r => r.OpdId).Select(g => new { OpdId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.OpdId, g => g.Count, ct);
        var lastOutage = await db.MonitoringAlerts.AsNoTracking().GroupBy(a => a.OpdId)
            .Select(g => new { OpdId = g.Key, Last = g.Max(a => a.StartsAtUtc) }).ToDictionaryAsync(g => g.OpdId, g => g.Last, ct);
        var alerts = await db.MonitoringAlerts.AsNoTracking()
            .Where(a => a.EndsAtUtc == null || a.EndsAtUtc > monthStart)
            .Select(a => new { a.OpdId, a.StartsAtUtc, a.EndsAtUtc, a.Summary }).ToListAsync(ct);
        var byOpd = alerts.ToLookup(a => a.OpdId);

        var rows = opds.Select(o =>
        {
            var mine = byOpd[o.Id].ToList();
            var firing = mine.Where(a => a.EndsAtUtc is null).ToList();
            var down = Downtime(mine.Select(a => (a.StartsAtUtc, a.EndsAtUtc ?? now)), monthStart, now);
            var elapsed = now - monthStart;
            var availability = elapsed <= TimeSpan.Zero ? 1 : Math.Clamp(1 - down / elapsed, 0, 1);
            return new OpdStatus(o.Id, o.Name, o.ShortName, open.GetValueOrDefault(o.Id), firing.Count,
                lastOutage.TryGetValue(o.Id, out var last) ? last : null, availability,
                firing.Select(a => a.Summary).Distinct().Take(3).ToList());
        })
            .OrderByDescending(r => r.ActiveAlerts).ThenByDescending(r => r.OpenReports).ThenBy(r => r.Name)
            .ToList();
        return new StatusBoardPage(rows, now, RefreshSeconds);
    }

    /// <summary>The time within [from, to) covered by at least one of the intervals.</summary>
    public static TimeSpan Downtime(IEnumerable<(DateTime Start, DateTime End)> intervals, DateTime from, DateTime to)
    {
        var total = TimeSpan.Zero;
        DateTime? runStart = null, runEnd = null;
        foreach (var (start, end) in intervals
            .Select(i => (Start: i.Start < from ? from : i.Start, End: i.End > to ? to : i.End))
            .Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (runEnd is { } e && start <= e)
            {
                if (end > e) runEnd = end;
                continue;
            }
            if (runStart is { } s) total += runEnd!.Value - s;
            (runStart, runEnd) = (start, end);
        }
        if (runStart is { } last) total += runEnd!.Value - last;
        return total;
    }
}

[Authorize(Policy = Policies.StatusBoard)]
public sealed class StatusBoardController(StatusBoard board) : Controller
{
    [HttpGet("/papan-status")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await board.BuildAsync(ct));
}
