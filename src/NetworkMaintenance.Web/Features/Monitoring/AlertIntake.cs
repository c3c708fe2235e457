using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Monitoring;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Monitoring;

/// <summary>What became of one alert.</summary>
public enum AlertOutcome
{
    /// <summary>A new report was opened.</summary>
    Opened,
    /// <summary>The alert's open report got a timeline note (repeat, resolved, fired again).</summary>
    Updated,
    /// <summary>Nothing to do: a resolved alert with no open report, or a repeat of a resolution already noted.</summary>
    Ignored,
}

/// <summary>
/// Turns alerts into reports (docs/monitoring.md). A firing alert without a current record opens a report on the
/// Monitoring channel, recorded by the system actor, received at the alert's start (so the 24-hour clock runs from
/// there) and then handled by the Kadis → Kabid → Kasi chain like any other. The same fingerprint again adds a timeline
/// note to that report; a resolution adds a note and lets the Kadis close the report as resolved by itself while it is
/// still untouched (<see cref="Report.CloseResolvedByItself"/>). Once the report is closed or rejected, the next firing
/// of the fingerprint opens a new report.
/// </summary>
public sealed class AlertIntake(AppDbContext db, ReportService reports, SystemActors system, IAuditLog audit, TimeProvider clock,
    ILogger<AlertIntake> logger)
{
    public async Task<AlertOutcome> ProcessAsync(MonitoringSource source, IncomingAlert alert, CancellationToken ct = default)
    {
        var actor = await system.ActorAsync(SystemActors.Monitoring, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ProcessOnceAsync(source, alert, actor, ct);
            }
            catch (DbUpdateException ex) when (attempt < 4)
            {
                // The same alert delivered twice at once (the unique current key), or the report changed meanwhile:
                // read again and apply the alert to what is there now.
                logger.LogInformation(ex, "Alert {Fingerprint} of source {Source} raced another delivery; retrying", alert.Fingerprint, source.Id);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<AlertOutcome> ProcessOnceAsync(MonitoringSource source, IncomingAlert alert, WorkflowActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = MonitoringAlert.KeyOf(source.Id, alert.Fingerprint);
        var current = await db.MonitoringAlerts.SingleOrDefaultAsync(a => a.CurrentKey == key, ct);
        var report = current?.ReportId is { } reportId ? await db.Reports.SingleAsync(r => r.Id == reportId, ct) : null;

        if (current is not null && (report is null || report.IsFinal))
        {
            // Its report is done: this alert gives its fingerprint to the next one.
            if (current.IsFiring) current.Resolve(alert.EndsAtUtc ?? now, now);
            current.Retire();
            await db.SaveChangesAsync(ct);
            current = null;
            report = null;
        }

        if (current is null)
        {
            if (!alert.Firing) return AlertOutcome.Ignored;
            await OpenAsync(source, alert, actor, now, ct);
            return AlertOutcome.Opened;
        }

        string note;
        if (alert.Firing && current.IsFiring)
        {
            current.SeenAgain(alert.Summary, alert.Severity, now);
            note = string.Create(CultureInfo.InvariantCulture, $"Peringatan pemantauan yang sama diterima lagi (ke-{current.TimesSeen}): {alert.Summary}");
        }
        else if (alert.Firing)
        {
            current.Refired(now);
            note = $"Peringatan pemantauan aktif kembali: {alert.Summary}";
        }
        else if (current.IsFiring)
        {
            var ended = alert.EndsAtUtc ?? now;
            current.Resolve(ended, now);
            note = $"Peringatan pemantauan pulih pada {IndonesianTime(current.EndsAtUtc!.Value)}: {alert.Summary}"
                + (report!.Status == ReportStatus.Submitted
                    ? ". Belum ada tindakan: Kepala Dinas dapat menutup laporan sebagai pulih dengan sendirinya."
                    : ".");
            report.RecordAlertResolved(actor, current.EndsAtUtc.Value, note, now);
            Audit(report, alert, "resolved", actor);
            source.Used(now);
            await db.SaveChangesAsync(ct);
            return AlertOutcome.Updated;
        }
        else
        {
            return AlertOutcome.Ignored;
        }
        report!.AddNote(actor, note, now);
        Audit(report, alert, alert.Firing ? "firing" : "resolved", actor);
        source.Used(now);
        await db.SaveChangesAsync(ct);
        return AlertOutcome.Updated;
    }

    private async Task OpenAsync(MonitoringSource source, IncomingAlert alert, WorkflowActor actor, DateTime now, CancellationToken ct)
    {
        var opdId = alert.OpdId ?? throw new InvalidOperationException("An alert reaches the intake with its OPD (AlertDevices).");
        var opd = await db.Opds.AsNoTracking().SingleAsync(o => o.Id == opdId, ct);
        // The clock starts when the outage started; an alert from the future (a skewed clock) starts now.
        var received = alert.StartsAtUtc > now ? now : alert.StartsAtUtc;
        var description = $"{alert.Summary}\nTingkat: {alert.Severity}. Sumber: {source.Name}"
            + (alert.Origin is null ? "" : $" ({alert.Origin})")
            + $". Mulai: {IndonesianTime(alert.StartsAtUtc)}."
            + (alert.DeviceLabel is null ? "" : $"\nPerangkat: {alert.DeviceLabel}.");
        var input = new NewReport(opd.Id, null, Truncate(actor.FullName + " (" + source.Name + ")", 150), null, null, null, null,
            ReportChannel.Monitoring, received, Truncate(alert.DeviceLabel ?? opd.Address ?? opd.Name, 300), FaultCategory.NoInternet,
            Truncate(description, 4000), DeviceId: alert.DeviceId);
        var record = new MonitoringAlert(source.Id, alert.Fingerprint, opd.Id, alert.DeviceLabel, alert.Severity, alert.Summary,
            alert.StartsAtUtc, now);
        source.Used(now);
        await reports.ReceiveAsync(input, actor, report =>
        {
            record.OpenedReport(report.Id);
            db.MonitoringAlerts.Add(record);
            return Task.CompletedTask;
        }, ct);
    }

    private void Audit(Report report, IncomingAlert alert, string status, WorkflowActor actor) =>
        audit.Add(AuditEvents.MonitoringAlertUpdated, $"Peringatan pemantauan ({status}) pada laporan {report.Number}.",
            AuditObject.Report(report.Id, report.Number), new { fingerprint = alert.Fingerprint, status, device = alert.DeviceLabel },
            new AuditActor(actor.UserId, SystemActors.Monitoring.UserName));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static string IndonesianTime(DateTime utc) =>
        Wib.FromUtc(utc).ToString("d MMMM yyyy HH.mm", CultureInfo.GetCultureInfo("id-ID")) + " WIB";
}
