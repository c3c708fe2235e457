using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Features.Dashboard;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Sla;

/// <summary>
/// Escalates reports whose clock reaches the warning threshold or the deadline to their Kasi and Kabid, each kind
/// exactly once per report: the <see cref="SlaEscalation"/> row (unique on report and kind) is the record.
/// </summary>
public sealed class SlaMonitor(AppDbContext db, SlaClock sla, Mail.MailOutbox mail, Webhooks.WebhookOutbox webhooks,
    ILogger<SlaMonitor> logger)
{
    public const int BatchSize = 200;

    /// <summary>One pass; returns how many escalations were recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        using var activity = Infrastructure.AppTelemetry.SlaSource.StartActivity("sla monitor pass");
        Infrastructure.AppTelemetry.SlaPasses.Add(1);
        var recorded = await EscalateDueAsync(ct);
        activity?.SetTag("nm.sla.escalations", recorded);
        return recorded;
    }

    private async Task<int> EscalateDueAsync(CancellationToken ct)
    {
        var now = sla.NowUtc;
        var warningBefore = sla.WarningIfStartedBefore(now);
        var breachedBefore = sla.BreachedIfStartedBefore(now);
        var due = await db.Reports.AsNoTracking()
            .Where(ReportQueries.StatusNotIn(DashboardService.FinalStates))
            .Where(r => r.WorkCompletedAtUtc == null && r.SlaPausedSinceUtc == null
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
        var kinds = new List<SlaEscalationKind>();
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
            kinds.Add(kind);
            var recipients = new[] { r.KasiUserId, r.KabidUserId }.OfType<string>().Distinct().ToDictionary(id => id, _ => message);
            foreach (var userId in recipients.Keys)
            {
                db.Notifications.Add(new Notification(userId, message, r.Id, now));
            }
            await mail.EnqueueAsync(recipients, r.Id, r.Number, now, ct);
            if (kind == SlaEscalationKind.Breach)
            {
                // Saved with the escalation below, or not at all.
                await webhooks.StageAsync(Core.Domain.Integration.WebhookEvents.SlaBreached, r.Id,
                    new { reportId = r.Id, number = r.Number, slaClockStartUtc = r.SlaClockStartUtc, deadlineUtc = deadline }, now, ct);
            }
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
        foreach (var kind in kinds)
        {
            Infrastructure.AppTelemetry.SlaEscalations.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
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
    Microsoft.Extensions.Options.IOptions<SlaMonitorOptions> options, ILogger<SlaMonitorService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MonitorEnabled) return;
        // Sla:MonitorIntervalSeconds (default 60) lets a test of several instances see passes within seconds.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.MonitorIntervalSeconds), time);
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

/// <summary>The monitor's settings in the <c>Sla</c> section (the clock's own are <c>Core.Domain.Sla.SlaOptions</c>).</summary>
public sealed class SlaMonitorOptions
{
    public const string Section = "Sla";

    /// <summary>Run the monitor on this instance (<c>Sla:MonitorEnabled</c>, default true).</summary>
    public bool MonitorEnabled { get; set; } = true;

    /// <summary>Seconds between passes (<c>Sla:MonitorIntervalSeconds</c>, default 60).</summary>
    public double MonitorIntervalSeconds { get; set; } = SlaMonitorService.Interval.TotalSeconds;
}

public sealed class SlaMonitorOptionsValidator : Infrastructure.SettingsValidator<SlaMonitorOptions>
{
    public override IEnumerable<string> Check(SlaMonitorOptions options)
    {
        if (!(options.MonitorIntervalSeconds >= 1 && options.MonitorIntervalSeconds <= 86_400))
            yield return $"Sla:MonitorIntervalSeconds must be between 1 and 86400 (it is {options.MonitorIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
    }
}
