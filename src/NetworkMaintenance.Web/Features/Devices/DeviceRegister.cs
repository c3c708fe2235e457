using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

public sealed record DeviceListRow(int Id, DeviceKind Kind, string BrandType, string? SerialNumber, string? OpdName,
    string? Building, string? Room, DeviceStatus Status, string? KodeBarang, string? Nup, string? IpAddress,
    int? ReservedForReportId, bool Flagged);

/// <summary>A registered device as a picker offers it: its label, location and what a form row copies from it.</summary>
public sealed record DevicePick(int Id, string Label, string Location, string Name, string? BrandType, string? SerialNumber)
{
    public string Text => Label + (Location.Length > 0 ? $" — {Location}" : "");

    public static DevicePick Of(Device d) =>
        new(d.Id, d.Label, d.LocationText, DeviceLabels.Of(d.Kind), d.BrandType, d.SerialNumber);
}

public sealed record DeviceHistoryRow(DateTime AtUtc, DeviceEventKind Kind, string Description, string ActorName,
    int? ReportId, string? ReportNumber);

public sealed record DeviceReportRow(int Id, string Number, DateTime ReceivedAtUtc, ReportStatus Status, string How);

public sealed record DevicePage(Device Device, string? OpdName, IReadOnlyList<DeviceHistoryRow> History,
    IReadOnlyList<DeviceReportRow> Reports, string? ReservedForReportNumber, DeviceViewer Viewer, string ScanUrl)
{
    /// <summary>The audit entries of the device (staff only; empty for an OPD's reporter).</summary>
    public IReadOnlyList<DeviceAuditRow> Audit { get; init; } = [];
}

public sealed record DeviceAuditRow(DateTime AtUtc, string EventType, string Summary, string? ActorUserName);

/// <summary>
/// The device register (issue #19 point 1): list with search and filters, the device page with its history and
/// reports, create and edit. Every read is limited by the <see cref="DeviceViewer"/> (an OPD's reporter sees only
/// their OPD's devices); managing is for the administrator and the Kasi (policy <c>DeviceManager</c>).
/// </summary>
public sealed class DeviceRegister(AppDbContext db, TimeProvider clock, IValidator<DeviceInput> validator, DeviceAudit audit)
{
    public const int PageSize = 50;

    public IQueryable<Device> VisibleTo(DeviceViewer viewer)
    {
        var query = db.Devices.AsNoTracking();
        return viewer.OnlyOpdId is { } opd ? query.Where(d => d.OpdId == opd) : query;
    }

    public Task<PagedList<DeviceListRow>> ListAsync(DeviceFilter filter, DeviceViewer viewer, CancellationToken ct = default) =>
        ListAsync(filter, viewer, PageSize, ct);

    /// <summary>The list with a page size of the caller's (the API's <c>pageSize</c>, 1–100).</summary>
    public async Task<PagedList<DeviceListRow>> ListAsync(DeviceFilter filter, DeviceViewer viewer, int pageSize, CancellationToken ct = default)
    {
        var query = VisibleTo(viewer);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var p = SearchPattern.Contains(filter.Q);
            query = query.Where(d => EF.Functions.Like(d.BrandType, p, SearchPattern.Escape)
                || (d.SerialNumber != null && EF.Functions.Like(d.SerialNumber, p, SearchPattern.Escape))
                || (d.KodeBarang != null && EF.Functions.Like(d.KodeBarang, p, SearchPattern.Escape))
                || (d.IpAddress != null && EF.Functions.Like(d.IpAddress, p, SearchPattern.Escape))
                || (d.MacAddress != null && EF.Functions.Like(d.MacAddress, p, SearchPattern.Escape))
                || (d.Building != null && EF.Functions.Like(d.Building, p, SearchPattern.Escape))
                || (d.Room != null && EF.Functions.Like(d.Room, p, SearchPattern.Escape)));
        }
        if (filter.OpdId is { } opdId) query = opdId == 0 ? query.Where(d => d.OpdId == null) : query.Where(d => d.OpdId == opdId);
        if (filter.Kind is { } kind) query = query.Where(d => d.Kind == kind);
        if (filter.Status is { } status) query = query.Where(d => d.Status == status);
        if (filter.Flagged) query = query.Where(d => d.RepeatFaultFlaggedAtUtc != null && d.RepeatFaultDecision == null);
        var total = await query.CountAsync(ct);
        var page = Paging.ClampPage(filter.Page, total, pageSize);
        var rows = await query
            .OrderBy(d => d.Opd == null ? "" : d.Opd.Name).ThenBy(d => d.Kind).ThenBy(d => d.BrandType).ThenBy(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new DeviceListRow(d.Id, d.Kind, d.BrandType, d.SerialNumber, d.Opd == null ? null : d.Opd.Name,
                d.Building, d.Room, d.Status, d.KodeBarang, d.Nup, d.IpAddress, d.ReservedForReportId,
                d.RepeatFaultFlaggedAtUtc != null && d.RepeatFaultDecision == null))
            .ToListAsync(ct);
        return new PagedList<DeviceListRow>(rows, page, pageSize, total);
    }

    /// <summary>The device page; null when it does not exist or the viewer may not see it (both answer 404).</summary>
    public async Task<DevicePage?> PageAsync(int id, DeviceViewer viewer, string scanUrl, CancellationToken ct = default)
    {
        var device = await db.Devices.AsNoTracking().Include(d => d.Opd).Include(d => d.Events)
            .SingleOrDefaultAsync(d => d.Id == id, ct);
        if (device is null || !viewer.MaySee(device.OpdId)) return null;
        var reportIds = device.Events.Where(e => e.ReportId != null).Select(e => e.ReportId!.Value).ToList();
        var numbers = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Number }).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
        var history = device.Events.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new DeviceHistoryRow(e.AtUtc, e.Kind, e.Description, e.ActorName, e.ReportId,
                e.ReportId is { } r ? numbers.GetValueOrDefault(r) : null))
            .ToList();
        var reports = await ReportsOfAsync(id, viewer, ct);
        string? reservedFor = device.ReservedForReportId is { } rid
            ? await db.Reports.Where(r => r.Id == rid).Select(r => r.Number).SingleOrDefaultAsync(ct) : null;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var trail = viewer.OnlyOpdId is not null ? [] : await db.AuditEntries.AsNoTracking()
            .Where(a => a.ObjectType == DeviceAudit.TargetType && a.ObjectId == key)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(100)
            .Select(a => new DeviceAuditRow(a.AtUtc, a.EventType, a.Summary, a.ActorUserName)).ToListAsync(ct);
        return new DevicePage(device, device.Opd?.Name, history, reports, reservedFor, viewer, scanUrl) { Audit = trail };
    }

    /// <summary>The reports that name the device: as the reporter's affected device or on a device line.</summary>
    public async Task<IReadOnlyList<DeviceReportRow>> ReportsOfAsync(int deviceId, DeviceViewer viewer, CancellationToken ct = default)
    {
        var reports = db.Reports.AsNoTracking();
        if (viewer.OnlyOpdId is { } opd) reports = reports.Where(r => r.OpdId == opd);
        var named = await reports.Where(r => r.DeviceId == deviceId)
            .Select(r => new DeviceReportRow(r.Id, r.Number, r.ReceivedAtUtc, r.Status, "Dilaporkan")).ToListAsync(ct);
        var lines = await db.ReportDevices.AsNoTracking()
            .Where(d => !d.IsSuperseded && (d.DeviceId == deviceId || d.NewDeviceId == deviceId))
            .Join(reports, d => d.ReportId, r => r.Id,
                (d, r) => new { r.Id, r.Number, r.ReceivedAtUtc, r.Status, d.Purpose, New = d.NewDeviceId == deviceId })
            .ToListAsync(ct);
        return named.Concat(lines.Select(l => new DeviceReportRow(l.Id, l.Number, l.ReceivedAtUtc, l.Status,
                l.New ? "Perangkat pengganti" : l.Purpose switch
                {
                    DevicePurpose.Repaired => "Diperbaiki",
                    DevicePurpose.Replaced => "Diganti",
                DevicePurpose.Examined => "Diperiksa",
                    _ => "Diajukan penggantian",
                })))
            .OrderByDescending(r => r.ReceivedAtUtc).ToList();
    }

    public async Task<int> CreateAsync(DeviceInput input, DeviceViewer viewer, CancellationToken ct = default)
    {
        await CheckAsync(input, null, ct);
        var device = new Device(input.ToDetails(), input.Status, viewer.ActorName, clock.GetUtcNow().UtcDateTime);
        db.Devices.Add(device);
        await SaveAsync(ct);
        return device.Id;
    }

    public async Task UpdateAsync(int id, DeviceInput input, DeviceViewer viewer, CancellationToken ct = default)
    {
        var device = await db.Devices.Include(d => d.Opd).SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException($"Device {id}");
        await CheckAsync(input, id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        device.Edit(input.ToDetails(), viewer.ActorName, now);
        device.ChangeStatus(input.Status, viewer.ActorName, now);
        await SaveAsync(ct);
    }

    public async Task DecideRepeatFaultsAsync(int id, RepeatFaultDecision decision, string? note, DeviceViewer viewer,
        CancellationToken ct = default)
    {
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException($"Device {id}");
        device.DecideRepeatFaults(decision, note, viewer.ActorName, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
    }

    /// <summary>The QR labels of one device or of the devices the filter finds (at most 240: ten sheets).</summary>
    public async Task<IReadOnlyList<Core.Documents.Templates.DeviceLabel>> LabelsAsync(int? id, DeviceFilter filter,
        DeviceViewer viewer, Func<int, string> scanUrl, CancellationToken ct = default)
    {
        List<int> ids;
        if (id is { } one) ids = [one];
        else
        {
            filter.Page = 1;
            ids = (await ListAsync(filter, viewer, ct)).Items.Select(r => r.Id).ToList();
        }
        var devices = await VisibleTo(viewer).Include(d => d.Opd).Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).Take(240).ToListAsync(ct);
        return devices.Select(d => new Core.Documents.Templates.DeviceLabel(scanUrl(d.Id), $"{DeviceLabels.Of(d.Kind)} {d.BrandType}",
            d.SerialNumber, string.Join(" · ", new[] { d.Opd?.DisplayName ?? Device.DataCenterStore, d.LocationText }.Where(s => s.Length > 0))))
            .ToList();
    }

    /// <summary>The devices of an OPD for the report form's picker ("tidak tahu" is the empty choice).</summary>
    public async Task<IReadOnlyList<Reports.OptionItem>> OptionsForOpdAsync(int opdId, CancellationToken ct = default) =>
        (await PicksForOpdAsync(opdId, ct)).Select(d => new Reports.OptionItem(
            d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Text)).ToList();

    /// <summary>The devices of an OPD (not disposed) as the pickers of the report form and the step forms show them.</summary>
    public async Task<IReadOnlyList<DevicePick>> PicksForOpdAsync(int opdId, CancellationToken ct = default)
    {
        var devices = await db.Devices.AsNoTracking().Where(d => d.OpdId == opdId && d.Status != DeviceStatus.Disposed)
            .OrderBy(d => d.Kind).ThenBy(d => d.BrandType).ToListAsync(ct);
        return devices.Select(DevicePick.Of).ToList();
    }

    /// <summary>The spares reserved for a report: the completion rows' picker of the new device.</summary>
    public async Task<IReadOnlyList<DevicePick>> SparesReservedForAsync(int reportId, CancellationToken ct = default) =>
        (await db.Devices.AsNoTracking().Where(d => d.ReservedForReportId == reportId).OrderBy(d => d.Id).ToListAsync(ct))
            .Select(DevicePick.Of).ToList();

    /// <summary>Field rules plus the one the database also enforces: a serial number is registered once.</summary>
    private async Task CheckAsync(DeviceInput input, int? exceptId, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        if (!result.IsValid)
            throw new FormErrorException(result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
        if (input.OpdId is { } opd && !await db.Opds.AnyAsync(o => o.Id == opd, ct))
            throw new FormErrorException(nameof(DeviceInput.OpdId), "OPD tidak ditemukan.");
        if (!string.IsNullOrWhiteSpace(input.SerialNumber))
        {
            var serial = input.SerialNumber.Trim();
            if (await db.Devices.AnyAsync(d => d.SerialNumber == serial && d.Id != exceptId, ct))
                throw new FormErrorException(nameof(DeviceInput.SerialNumber), DeviceMessages.SerialTaken);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(ct: ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Data perangkat ini baru saja diubah oleh orang lain. Muat ulang halaman dan coba lagi.");
        }
        catch (DbUpdateException)
        {
            throw new FormErrorException(nameof(DeviceInput.SerialNumber), DeviceMessages.SerialTaken);
        }
    }
}
