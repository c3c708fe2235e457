using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>The outcome of reserving a spare: reserved, or refused with the message the user sees.</summary>
public abstract record ReserveOutcome
{
    public sealed record Reserved(string DeviceLabel) : ReserveOutcome;
    public sealed record Refused(string Message) : ReserveOutcome;
}

public sealed record SpareRow(int Id, DeviceKind Kind, string BrandType, string? SerialNumber, int? ReservedForReportId);

public sealed record SpareSummary(DeviceKind Kind, int OnHand, int ReorderLevel)
{
    public bool BelowReorderLevel => OnHand <= ReorderLevel;
}

/// <summary>
/// Spares for step 10 and the faults of registered devices: reserve a spare for a report when the replacement is
/// requested, record its preparation, move it into service and the broken unit to the store when the work is
/// completed, flag a device's repeated faults. The rules are the <see cref="Device"/> aggregate's; this service
/// loads, saves once, and turns the concurrency refusal (two people reserving the last spare) into a message.
/// </summary>
public sealed class SpareStock(AppDbContext db, TimeProvider clock, IOptions<DeviceOptions> options, ILogger<SpareStock> logger,
    DeviceAudit audit)
{
    /// <summary>Statuses of a report in which spares may be reserved and prepared (the request is filed).</summary>
    public static readonly IReadOnlySet<ReportStatus> ReservingStatuses =
        new HashSet<ReportStatus> { ReportStatus.AwaitingReplacementRequest, ReportStatus.Replacing };

    public async Task<ReserveOutcome> ReserveAsync(int deviceId, int reportId, DeviceViewer viewer, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.Number, r.Status }).SingleOrDefaultAsync(ct);
        if (report is null) return new ReserveOutcome.Refused("Laporan tidak ditemukan.");
        if (report.Status != ReportStatus.Replacing)
            return new ReserveOutcome.Refused("Perangkat cadangan dapat dicadangkan setelah Berita Acara pengajuan penggantian diajukan.");
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null) return new ReserveOutcome.Refused("Perangkat tidak ditemukan.");
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            device.Reserve(report.Id, report.Number, viewer.ActorName, now);
            await audit.SaveAsync(ct: ct);
        }
        catch (DomainException ex)
        {
            return new ReserveOutcome.Refused(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed (reserved) this spare between our read and our save: the version did not match.
            logger.LogInformation("Reserving device {DeviceId} for report {ReportId} lost to a concurrent change", deviceId, reportId);
            db.ChangeTracker.Clear();
            return new ReserveOutcome.Refused(DeviceMessages.ReservedByOther);
        }
        logger.LogInformation("Device {DeviceId} reserved for report {ReportId}", deviceId, reportId);
        return new ReserveOutcome.Reserved(device.Label);
    }

    /// <summary>Step 10 "menyiapkan perangkat pengganti": records the preparation of the spares reserved for the report.</summary>
    public async Task<int> PrepareAsync(int reportId, DeviceViewer viewer, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.Number, r.Status }).SingleOrDefaultAsync(ct) ?? throw new DomainException("Laporan tidak ditemukan.");
        if (report.Status != ReportStatus.Replacing)
            throw new DomainException("Persiapan perangkat pengganti dicatat saat laporan dalam tahap penggantian.");
        var spares = await db.Devices.Where(d => d.ReservedForReportId == reportId).ToListAsync(ct);
        if (spares.Count == 0) throw new DomainException("Belum ada perangkat cadangan yang dicadangkan untuk laporan ini.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var spare in spares) spare.Prepare(report.Id, report.Number, viewer.ActorName, now);
        await SaveAsync(ct);
        return spares.Count;
    }

    public async Task ReleaseAsync(int deviceId, DeviceViewer viewer, CancellationToken ct = default)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, ct) ?? throw new DomainException("Perangkat tidak ditemukan.");
        device.ReleaseReservation(viewer.ActorName, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
    }

    /// <summary>The free and reserved spares of a kind (or all kinds), for the reservation picker.</summary>
    public Task<List<SpareRow>> SparesAsync(int? reportId, CancellationToken ct = default) =>
        db.Devices.AsNoTracking()
            .Where(d => d.Status == DeviceStatus.Spare && (d.ReservedForReportId == null || d.ReservedForReportId == reportId))
            .OrderBy(d => d.Kind).ThenBy(d => d.BrandType)
            .Select(d => new SpareRow(d.Id, d.Kind, d.BrandType, d.SerialNumber, d.ReservedForReportId))
            .ToListAsync(ct);

    /// <summary>Spares on hand (free) per kind against each kind's reorder level.</summary>
    public async Task<IReadOnlyList<SpareSummary>> SummaryAsync(CancellationToken ct = default)
    {
        var onHand = await db.Devices.AsNoTracking().Where(d => d.Status == DeviceStatus.Spare && d.ReservedForReportId == null)
            .GroupBy(d => d.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var levels = await db.DeviceReorderLevels.AsNoTracking().ToListAsync(ct);
        var kinds = onHand.Select(o => o.Key).Concat(levels.Select(l => l.Kind)).Distinct().Order();
        return kinds.Select(k => new SpareSummary(k, onHand.FirstOrDefault(o => o.Key == k)?.Count ?? 0,
            levels.FirstOrDefault(l => l.Kind == k)?.Level ?? 0)).ToList();
    }

    public async Task SetReorderLevelAsync(DeviceKind kind, int level, CancellationToken ct = default)
    {
        var row = await db.DeviceReorderLevels.SingleOrDefaultAsync(l => l.Kind == kind, ct);
        if (row is null) db.DeviceReorderLevels.Add(new DeviceReorderLevel(kind, level));
        else row.Set(level);
        await SaveAsync(ct);
    }

    /// <summary>
    /// A new report names a registered device: adds the fault to the device's history and flags the device when
    /// this is its <see cref="DeviceOptions.RepeatFaultCount"/>-th fault within <see cref="DeviceOptions.RepeatFaultWindowDays"/>
    /// days (counting by the reports' receipt times). Saved with the caller's save.
    /// </summary>
    public async Task<bool> RecordFaultAsync(int deviceId, Report report, string actorName, CancellationToken ct = default)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null || device.OpdId != report.OpdId)
            throw new DomainException("Perangkat yang dipilih tidak terdaftar untuk OPD ini.");
        var now = clock.GetUtcNow().UtcDateTime;
        device.FaultReported(report.Id, report.Number, actorName, now);
        var settings = options.Value;
        var since = report.ReceivedAtUtc.AddDays(-settings.RepeatFaultWindowDays);
        var earlier = await db.Reports.AsNoTracking()
            .CountAsync(r => r.Id != report.Id && r.DeviceId == device.Id && r.ReceivedAtUtc >= since
                             && r.ReceivedAtUtc <= report.ReceivedAtUtc && r.Status != ReportStatus.Rejected, ct);
        var faults = earlier + 1;
        var flagged = faults >= settings.RepeatFaultCount
            && device.FlagRepeatFaults(report.Id, faults, settings.RepeatFaultWindowDays, actorName, now);
        audit.Stage();
        return flagged;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(ct: ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(DeviceMessages.ReservedByOther);
        }
    }
}
