using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Features.Dashboard;

namespace NetworkMaintenance.Web.Features.Sla;

/// <summary>
/// Escalates reports whose clock reaches the warning threshold or the deadline to their Kasi and Kabid, each kind
/// exactly once per report: the <see cref="SlaEscalation"/> row (unique on report and kind) is the record.
/// </summary>
public sealed class SlaMonitor(AppDbContext db, SlaClock sla, Mail.MailOutbox mail, ILogger<SlaMonitor> logger)
{
    public const int BatchSize = 200;

    /// <summary>One pass; returns how many escalations were recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = sla.NowUtc;
        var final = DashboardService.FinalStates;
        var warningBefore = sla.WarningIfStartedBefore(now);
        var breachedBefore = sla.BreachedIfStartedBefore(now);
        var due = await db.Reports.AsNoTracking()
            .Where(r => !final.Contains(r.Status) && r.WorkCompletedAtUtc == null && r.SlaPausedSinceUtc == null
                && r.SlaClockStartUtc < warningBefore
                && (!db.SlaEscalations.Any(e => e.ReportId == r.Id && e.Kind == SlaEscalationKind.Warning)
                    || (r.SlaClockStartUtc < breachedBefore && !db.SlaEscalations.Any(e => e.ReportId == r.Id && e.Kind == SlaEscalationKind.Breach))))
            .OrderBy(r => r.SlaClockStartUtc).Take(BatchSize)
            .Select(r => new
            {
                r.Id, r.Number, r.SlaClockStartUtc, r.KasiUserId, r.KabidUserId,
                HasWarning = db.SlaEscalations.Any(e => e.ReportId == r.Id && e.Kind == SlaEscalationKind.Warning),
                HasBreach = db.SlaEscalations.Any(e => e.ReportId == r.Id && e.Kind == SlaEscalationKind.Breach),
            })
            .ToListAsync(ct);

        var recorded = 0;
        foreach (var r in due)
        {
            var breached = r.SlaClockStartUtc < breachedBefore;
            // A report found already past the deadline gets the breach only: the warning would be stale.
            var kind = breached ? SlaEscalationKind.Breach : SlaEscalationKind.Warning;
            if ((kind == SlaEscalationKind.Breach && r.HasBreach) || (kind == SlaEscalationKind.Warning && r.HasWarning)) continue;
            var deadline = r.SlaClockStartUtc + sla.Options.Target;
            var message = kind == SlaEscalationKind.Breach
                ? $"Laporan {r.Number} melewati batas waktu layanan {sla.Options.TargetHours:0.#} jam (batas {Infrastructure.Display.DateTime(deadline)})."
                : $"Laporan {r.Number} mendekati batas waktu layanan: batas {Infrastructure.Display.DateTime(deadline)}.";
            db.SlaEscalations.Add(new SlaEscalation(r.Id, kind, now));
            var recipients = new[] { r.KasiUserId, r.KabidUserId }.OfType<string>().Distinct().ToDictionary(id => id, _ => message);
            foreach (var userId in recipients.Keys)
            {
                db.Notifications.Add(new Notification(userId, message, r.Id, now));
            }
            await mail.EnqueueAsync(recipients, r.Id, r.Number, now, ct);
            recorded++;
        }
        if (recorded == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another instance escalated the same report at the same moment: the unique index kept it to one.
            logger.LogWarning(ex, "SLA escalation raced with another sender; skipped this pass");
            db.ChangeTracker.Clear();
            return 0;
        }
        logger.LogInformation("SLA monitor escalated {Count} report(s)", recorded);
        return recorded;
    }
}

/// <summary>
/// Runs the <see cref="SlaMonitor"/> every minute, the first time one minute after start: a pass at once would compete
/// with the start-up and the first requests for the CPU (its query reads every open report).
/// </summary>
public sealed class SlaMonitorService(IServiceScopeFactory scopes, TimeProvider time, Infrastructure.InstanceIdentity instance,
    IConfiguration configuration, ILogger<SlaMonitorService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Sla:MonitorIntervalSeconds (default 60) lets a test of several instances see passes within seconds.
        var seconds = configuration.GetValue("Sla:MonitorIntervalSeconds", Interval.TotalSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, seconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Several instances on one database: only the holder of the lease runs the pass (docs/operations.md).
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (!await Infrastructure.JobLeases.TryAcquireAsync(db, Infrastructure.JobLeases.SlaMonitor, instance.Id,
                        time.GetUtcNow().UtcDateTime, stoppingToken)) continue;
                await scope.ServiceProvider.GetRequiredService<SlaMonitor>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "SLA monitor pass failed");
            }
        }
    }
}
