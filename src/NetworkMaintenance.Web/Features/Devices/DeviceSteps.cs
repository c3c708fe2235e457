using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>
/// What the workflow's steps do to the register (issue #19 points 2 and 3). The step forms are prefilled with the
/// report's device and its reserved spares; when the work is completed (step 10/11) the report's device lines are
/// tied to registered devices (free-text devices are registered), repaired devices get a history line, and each
/// reserved spare goes into service where the broken unit was while the broken unit goes to the data-center store.
/// Runs inside the step's one save (<see cref="StepService"/>); the rules are <see cref="Device"/>'s.
/// </summary>
public sealed class DeviceSteps(AppDbContext db, DeviceAudit audit)
{
    public async Task PrefillAsync(ReportView report, WorkflowAction action, StepInputForm form, CancellationToken ct = default)
    {
        if (action is WorkflowAction.DiagnoseInDataCenter or WorkflowAction.DiagnoseOutsideDataCenter
                or WorkflowAction.InspectRepair or WorkflowAction.InspectReplace
            && report.DeviceId is { } reported && form.Devices.All(d => d.IsEmpty))
        {
            // The device the reporter named (or scanned) is the first one to examine; its condition is the technician's to state.
            var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == reported, ct);
            if (device is not null)
            {
                form.Devices.Insert(0, new DeviceRow
                {
                    Name = DeviceLabels.Of(device.Kind), BrandType = device.BrandType, SerialNumber = device.SerialNumber, DeviceId = device.Id,
                });
            }
        }
        if (action == WorkflowAction.SubmitReplacementRequest)
        {
            var deviceId = await db.Reports.Where(r => r.Id == report.Id).Select(r => r.DeviceId).SingleAsync(ct);
            var device = deviceId is null ? null : await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, ct);
            if (device is not null && form.Devices.Count > 0 && form.Devices[0].IsEmpty)
            {
                form.Devices[0] = new DeviceRow
                {
                    Name = DeviceLabels.Of(device.Kind), BrandType = device.BrandType, SerialNumber = device.SerialNumber,
                    Condition = DeviceCondition.RusakBerat, DeviceId = device.Id,
                };
            }
        }
        if (action == WorkflowAction.CompleteWork && report.Status == ReportStatus.Replacing)
        {
            var requested = await db.ReportDevices.AsNoTracking()
                .Where(d => d.ReportId == report.Id && d.Purpose == DevicePurpose.ReplacementRequest && !d.IsSuperseded)
                .OrderBy(d => d.Id).Select(d => d.DeviceId).ToListAsync(ct);
            var spares = await db.Devices.AsNoTracking().Where(d => d.ReservedForReportId == report.Id).OrderBy(d => d.Id).ToListAsync(ct);
            for (var i = 0; i < form.ReplacedDevices.Count; i++)
            {
                var row = form.ReplacedDevices[i];
                if (i < requested.Count) row.DeviceId ??= requested[i];
                if (i < spares.Count && string.IsNullOrWhiteSpace(row.NewSerialNumber))
                {
                    row.NewDeviceId = spares[i].Id;
                    row.NewBrandType = spares[i].BrandType;
                    row.NewSerialNumber = spares[i].SerialNumber;
                }
            }
        }
    }

    /// <summary>
    /// Before the posted form is validated: a row whose device was picked from the register takes the device's name,
    /// brand/type and serial number where they were left empty, and a replaced row's picked spare its brand/type and
    /// serial number. Only devices of the report's OPD (or already named on the report) and spares reserved for the
    /// report may be picked; any other id posted is dropped, leaving the row as typed.
    /// </summary>
    public async Task CompleteRowsAsync(Report report, StepInputForm form, CancellationToken ct = default)
    {
        var rows = form.Devices.Concat(form.ReplacedDevices).ToList();
        var ids = rows.SelectMany(r => new[] { r.DeviceId, r.NewDeviceId }).OfType<int>().Distinct().ToList();
        if (ids.Count == 0) return;
        var devices = await db.Devices.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var named = report.Devices.SelectMany(l => new[] { l.DeviceId, l.NewDeviceId }).Append(report.DeviceId).OfType<int>().ToHashSet();
        foreach (var row in rows)
        {
            if (row.DeviceId is { } id)
            {
                if (devices.GetValueOrDefault(id) is { } d && (d.OpdId == report.OpdId || named.Contains(id)))
                {
                    if (string.IsNullOrWhiteSpace(row.Name)) row.Name = DeviceLabels.Of(d.Kind);
                    if (string.IsNullOrWhiteSpace(row.BrandType)) row.BrandType = d.BrandType;
                    if (string.IsNullOrWhiteSpace(row.SerialNumber)) row.SerialNumber = d.SerialNumber;
                }
                else row.DeviceId = null;
            }
            if (row.NewDeviceId is { } spareId)
            {
                if (devices.GetValueOrDefault(spareId) is { } s && (s.ReservedForReportId == report.Id || named.Contains(spareId)))
                {
                    if (string.IsNullOrWhiteSpace(row.NewBrandType)) row.NewBrandType = s.BrandType;
                    if (string.IsNullOrWhiteSpace(row.NewSerialNumber)) row.NewSerialNumber = s.SerialNumber;
                }
                else row.NewDeviceId = null;
            }
        }
    }

    /// <summary>After the report's method, before the step's save: the register follows the completed work.</summary>
    public async Task ApplyAsync(Report report, ReportEvent ev, string actorName, DateTime now, CancellationToken ct = default)
    {
        if (ev.Action != WorkflowAction.CompleteWork) return;
        foreach (var line in report.CurrentDevices(DevicePurpose.Repaired).Where(l => l.RecordedAtUtc == now))
        {
            var device = await FindOrRegisterAsync(report, line.DeviceId, line.Name, line.BrandType, line.SerialNumber,
                DeviceStatus.InService, actorName, now, ct);
            line.LinkDevice(device);
            device.Repaired(report.Id, report.Number, actorName, now);
        }
        foreach (var line in report.CurrentDevices(DevicePurpose.Replaced).Where(l => l.RecordedAtUtc == now))
        {
            var broken = await FindOrRegisterAsync(report, line.DeviceId, line.Name, line.BrandType, line.SerialNumber,
                DeviceStatus.InService, actorName, now, ct);
            line.LinkDevice(broken);
            if (broken.Status == DeviceStatus.Broken && broken.OpdId is null) continue; // a revision of work already applied
            var spare = line.NewDeviceId is { } spareId
                ? await db.Devices.SingleAsync(d => d.Id == spareId, ct)
                : await FindOrRegisterAsync(report, null, line.Name, line.NewBrandType ?? line.BrandType, line.NewSerialNumber,
                    DeviceStatus.Spare, actorName, now, ct);
            line.LinkNewDevice(spare);
            if (spare.Status == DeviceStatus.InService && spare.OpdId == broken.OpdId) continue;
            // A spare typed as free text (not reserved beforehand) is reserved now, in the same save.
            spare.Reserve(report.Id, report.Number, actorName, now);
            spare.InstallAsReplacement(report.Id, report.Number, broken, actorName, now);
        }
        audit.Stage();
    }

    private async Task<Device> FindOrRegisterAsync(Report report, int? id, string name, string? brandType, string? serial,
        DeviceStatus status, string actorName, DateTime now, CancellationToken ct)
    {
        if (id is { } known) return await db.Devices.Include(d => d.Opd).SingleAsync(d => d.Id == known, ct);
        if (!string.IsNullOrWhiteSpace(serial))
        {
            var s = serial.Trim();
            var tracked = db.Devices.Local.FirstOrDefault(d => d.SerialNumber == s);
            if (tracked is not null) return tracked;
            var bySerial = await db.Devices.Include(d => d.Opd).SingleOrDefaultAsync(d => d.SerialNumber == s, ct);
            if (bySerial is not null) return bySerial;
        }
        var kind = DeviceLabels.TryParseKind(name, out var k) ? k : DeviceKind.Other;
        var device = new Device(new DeviceDetails(status == DeviceStatus.Spare ? null : report.OpdId,
                status == DeviceStatus.Spare ? Device.DataCenterStore : report.Location, null, kind,
                string.IsNullOrWhiteSpace(brandType) ? name : brandType, serial, null, null, null, null, null, null),
            status, actorName, now);
        db.Devices.Add(device);
        return device;
    }
}
