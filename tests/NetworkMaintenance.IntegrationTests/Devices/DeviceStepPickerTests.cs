using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Devices;

/// <summary>
/// The step forms pick devices from the register (issue #19 point 2): the diagnosis and the inspection record the
/// devices examined, picked from the OPD's devices or typed; the completion of a repair starts from them; the
/// replacement request and the completion of a replacement show visible pickers of the broken device and of the
/// reserved spare, and a row given only the picked ids is completed from the register. Forms posted over HTTP with
/// their antiforgery tokens.
/// </summary>
public sealed class DeviceStepPickerTests(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    public void Dispose() => _w.Dispose();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<int> RegisterAsync(string? opdShortName, string kind, string brand, string serial, string status)
    {
        var admin = await _w.As("admin");
        var form = new Form().Set("Kind", kind).Set("BrandType", brand).Set("SerialNumber", serial).Set("Status", status)
            .Set("Building", opdShortName is null ? null : "Gedung Utama").Set("Room", opdShortName is null ? null : "Ruang Server");
        if (opdShortName is not null) form.Set("OpdId", Id(await factory.OpdIdAsync(opdShortName)));
        using var response = await admin.PostFormAsync("/perangkat/baru", form);
        var target = await HttpAssert.RedirectsToAsync(response, "/perangkat/");
        return int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>The BKD's reporter files a report naming <paramref name="deviceId"/>; returns its id.</summary>
    private async Task<int> FileAsync(int deviceId)
    {
        var pelapor = await _w.As("pelapor");
        using var response = await pelapor.PostFormAsync("/laporan/baru", new Form()
            .Set("ReporterName", "Rina Marlina").Set("ReporterPhone", "0812 6000 0100")
            .Set("Location", "Gedung Utama, ruang server").Set("Category", nameof(FaultCategory.DeviceDamage))
            .Set("Description", "Switch ruang server berkedip oranye, internet putus").Set("DeviceId", Id(deviceId))
            .Set("ConfirmDuplicate", "true"));
        var target = await HttpAssert.RedirectsToAsync(response, "/laporan/");
        return int.Parse(target["/laporan/".Length..], CultureInfo.InvariantCulture);
    }

    private Task<List<ReportDevice>> LinesAsync(int reportId, DevicePurpose purpose) =>
        factory.QueryAsync(db => db.ReportDevices.AsNoTracking()
            .Where(d => d.ReportId == reportId && d.Purpose == purpose && !d.IsSuperseded).OrderBy(d => d.Id).ToListAsync());

    [Fact]
    public async Task DiagnosisAndInspectionRecordTheExaminedDevicesPickedFromTheRegisterAndTheRepairStartsFromThem()
    {
        var reported = await RegisterAsync("BKD", "Switch", "D-Link DGS-1210-28", "PICK-EXAM-1", "InService");
        var otherOpd = await RegisterAsync("Dinkes", "Router", "MikroTik hEX", "PICK-OTHER-OPD", "InService");
        var id = await FileAsync(reported);
        await _w.ToDiagnosingAsync(id);

        // The diagnosis form offers the OPD's devices, the reported one picked in the first row; not another OPD's.
        var teknisi = await _w.As("teknisi");
        var diagnosis = await teknisi.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.DiagnoseOutsideDataCenter}");
        Assert.Equal([Id(reported)], WebPageHelpers.SelectedValues(diagnosis, "Devices[0].DeviceId"));
        Assert.Equal("PICK-EXAM-1", WebPageHelpers.InputValue(diagnosis, "Devices[0].SerialNumber"));
        Assert.Contains("Perangkat yang diperiksa", WebPageHelpers.Text(diagnosis), StringComparison.Ordinal);
        Assert.DoesNotContain("PICK-OTHER-OPD", diagnosis, StringComparison.Ordinal);

        // Posted: the picked device with only its id and condition, a free-text cable, and another OPD's device
        // smuggled into a row (dropped: that row stays as typed).
        await _w.StepOkAsync("teknisi", id, WorkflowAction.DiagnoseOutsideDataCenter, ReportStatus.OnSiteInspection,
            ("FaultType", "Perangkat rusak"), ("FaultLocation", "Ruang server BKD"), ("Findings", "Switch tidak menyala stabil"),
            ("Devices[0].DeviceId", Id(reported)), ("Devices[0].Condition", "RusakRingan"),
            ("Devices[1].Name", "Kabel patch"), ("Devices[1].SerialNumber", "PICK-FREE-CABLE"), ("Devices[1].Condition", "RusakBerat"),
            ("Devices[2].Name", "Router"), ("Devices[2].DeviceId", Id(otherOpd)), ("Devices[2].Condition", "Baik"));
        var examined = await LinesAsync(id, DevicePurpose.Examined);
        Assert.Equal(
            [("Switch", "D-Link DGS-1210-28", "PICK-EXAM-1", (int?)reported), ("Kabel patch", null, "PICK-FREE-CABLE", null), ("Router", null, null, null)],
            examined.Select(l => (l.Name, l.BrandType, l.SerialNumber, l.DeviceId)));
        var timeline = (await _w.EventsAsync(id)).Last().Details ?? "";
        Assert.Contains("Perangkat diperiksa", timeline, StringComparison.Ordinal);

        // The inspection starts from the diagnosis's devices and replaces them with what it records.
        var inspection = await teknisi.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.InspectRepair}");
        Assert.Equal([Id(reported)], WebPageHelpers.SelectedValues(inspection, "Devices[0].DeviceId"));
        Assert.Equal("PICK-FREE-CABLE", WebPageHelpers.InputValue(inspection, "Devices[1].SerialNumber"));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.InspectRepair, ReportStatus.Repairing,
            ("VisitedAt", WebPageHelpers.InputValue(inspection, "VisitedAt")!), ("VisitEndedAt", WebPageHelpers.InputValue(inspection, "VisitEndedAt")!),
            ("ReporterPresent", "true"), ("Findings", "Switch perlu diatur ulang, kabel patch putus"),
            ("Devices[0].DeviceId", Id(reported)), ("Devices[0].Condition", "RusakRingan"),
            ("Devices[1].Name", "Kabel patch"), ("Devices[1].SerialNumber", "PICK-FREE-CABLE"), ("Devices[1].Condition", "RusakBerat"));
        Assert.Equal(2, (await LinesAsync(id, DevicePurpose.Examined)).Count);

        // The work report of the repair starts from the examined devices; on completion the free-text cable is registered.
        var work = await teknisi.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.CompleteWork}");
        Assert.Equal([Id(reported)], WebPageHelpers.SelectedValues(work, "Devices[0].DeviceId"));
        Assert.Equal("Kabel patch", WebPageHelpers.InputValue(work, "Devices[1].Name"));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengatur ulang switch dan mengganti konektor kabel patch"),
            ("WorkStartedAt", WebPageHelpers.InputValue(work, "WorkStartedAt")!), ("WorkFinishedAt", WebPageHelpers.InputValue(work, "WorkFinishedAt")!),
            ("Devices[0].DeviceId", Id(reported)), ("Devices[0].Condition", "Baik"),
            ("Devices[1].Name", "Kabel patch"), ("Devices[1].SerialNumber", "PICK-FREE-CABLE"), ("Devices[1].Condition", "Baik"));
        var repaired = await LinesAsync(id, DevicePurpose.Repaired);
        Assert.Equal(reported, repaired[0].DeviceId);
        Assert.NotNull(repaired[1].DeviceId);
        var cable = await factory.QueryAsync(db => db.Devices.AsNoTracking().Include(d => d.Events).SingleAsync(d => d.Id == repaired[1].DeviceId));
        Assert.Equal(("PICK-FREE-CABLE", (int?)await factory.OpdIdAsync("BKD")), (cable.SerialNumber, cable.OpdId));
        Assert.Contains(cable.Events, e => e.Kind == DeviceEventKind.Repaired && e.ReportId == id);
        Assert.Equal(1, await factory.QueryAsync(db => db.Devices.CountAsync(d => d.SerialNumber == "PICK-EXAM-1")));
    }

    [Fact]
    public async Task TheReplacementRequestAndTheCompletionShowVisiblePickersAndRowsGivenOnlyIdsAreCompletedFromTheRegister()
    {
        var broken = await RegisterAsync("BKD", "Switch", "Ruijie RG-ES224GC", "PICK-BROKEN-1", "InService");
        var spare = await RegisterAsync(null, "Switch", "Ruijie RG-ES224GC", "PICK-SPARE-1", "Spare");
        var id = await FileAsync(broken);
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);
        await _w.InspectAsync(id, replace: true);

        // The reporter's replacement request: the reported device picked in a visible select (not a hidden field).
        var pelapor = await _w.As("pelapor");
        var request = await pelapor.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.SubmitReplacementRequest}");
        Assert.Equal([Id(broken)], WebPageHelpers.SelectedValues(request, "Devices[0].DeviceId"));
        Assert.Contains("Perangkat terdaftar", WebPageHelpers.Text(request), StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"hidden\" name=\"Devices[0].DeviceId\"", request, StringComparison.Ordinal);
        await _w.StepOkAsync("pelapor", id, WorkflowAction.SubmitReplacementRequest, ReportStatus.Replacing,
            ("Devices[0].DeviceId", Id(broken)), ("Devices[0].Condition", "RusakBerat"), ("Devices[0].Notes", "Port mati semua"));
        var requested = Assert.Single(await LinesAsync(id, DevicePurpose.ReplacementRequest));
        Assert.Equal(("Switch", "Ruijie RG-ES224GC", "PICK-BROKEN-1", (int?)broken),
            (requested.Name, requested.BrandType, requested.SerialNumber, requested.DeviceId));

        var teknisi = await _w.As("teknisi");
        using (var reserve = await teknisi.SubmitFormAsync($"/laporan/{id}", $"/perangkat/{spare}/cadangkan", new Form().Set("reportId", Id(id))))
        {
            Assert.Contains("dicadangkan untuk laporan ini", await _w.FollowAsync("teknisi", reserve), StringComparison.Ordinal);
        }

        // The completion form: the broken device and the reserved spare picked in visible selects.
        var work = await teknisi.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.CompleteWork}");
        Assert.Equal([Id(broken)], WebPageHelpers.SelectedValues(work, "ReplacedDevices[0].DeviceId"));
        Assert.Equal([Id(spare)], WebPageHelpers.SelectedValues(work, "ReplacedDevices[0].NewDeviceId"));
        Assert.Contains("Perangkat pengganti", WebPageHelpers.Text(work), StringComparison.Ordinal);

        // Posted with the picks only (no JavaScript copied the values): the server completes the row from the register.
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti switch dengan perangkat cadangan"),
            ("WorkStartedAt", WebPageHelpers.InputValue(work, "WorkStartedAt")!), ("WorkFinishedAt", WebPageHelpers.InputValue(work, "WorkFinishedAt")!),
            ("ReplacedDevices[0].DeviceId", Id(broken)), ("ReplacedDevices[0].Condition", "RusakBerat"),
            ("ReplacedDevices[0].NewDeviceId", Id(spare)));
        var line = Assert.Single(await LinesAsync(id, DevicePurpose.Replaced));
        Assert.Equal(("PICK-BROKEN-1", "PICK-SPARE-1", (int?)broken, (int?)spare),
            (line.SerialNumber, line.NewSerialNumber, line.DeviceId, line.NewDeviceId));
        var installed = await factory.QueryAsync(db => db.Devices.AsNoTracking().SingleAsync(d => d.Id == spare));
        Assert.Equal((DeviceStatus.InService, (int?)await factory.OpdIdAsync("BKD")), (installed.Status, installed.OpdId));
        var workBa = await factory.QueryAsync(db => db.IssuedDocuments.SingleAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa && !d.IsSuperseded));
        var text = await pelapor.TextOfAsync(id, workBa);
        Assert.Contains("PICK-BROKEN-1", text, StringComparison.Ordinal);
        Assert.Contains("PICK-SPARE-1", text, StringComparison.Ordinal);
    }
}
