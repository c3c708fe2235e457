using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Devices;

/// <summary>
/// Every device change is an audit entry (issue #19): created, edited, moved, status changed, imported, reserved,
/// released, prepared, installed and replaced on completion, repeat fault decided; stock movements too. The entries
/// name the device and appear on its page ("Jejak audit"); an OPD's reporter does not see them.
/// </summary>
public sealed class DeviceAuditTests(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    public void Dispose() => _w.Dispose();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<List<string>> CodesAsync(int deviceId) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ObjectType == "Device" && a.ObjectId == Id(deviceId)).OrderBy(a => a.Id).Select(a => a.EventType).ToListAsync());

    private async Task<int> CreateAsync(string? opd, string serial, string status)
    {
        var kasi = await _w.As("kasi");
        var form = new Form().Set("Kind", "Switch").Set("BrandType", "HPE 1820-24G").Set("SerialNumber", serial).Set("Status", status)
            .Set("Building", "Gedung Utama").Set("Room", "Ruang Server");
        if (opd is not null) form.Set("OpdId", Id(await factory.OpdIdAsync(opd)));
        using var response = await kasi.PostFormAsync("/perangkat/baru", form);
        var target = await HttpAssert.RedirectsToAsync(response, "/perangkat/");
        return int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task CreatingEditingMovingAndChangingTheStatusOfADeviceAreAuditedAndShownOnItsPage()
    {
        var id = await CreateAsync("BKD", "AUDIT-DEV-1", "InService");
        var kasi = await _w.As("kasi");
        var bkd = Id(await factory.OpdIdAsync("BKD"));
        var dinkes = Id(await factory.OpdIdAsync("Dinkes"));
        Form Edit(string opd, string room, string status) => new Form().Set("OpdId", opd).Set("Kind", "Switch").Set("BrandType", "HPE 1820-24G")
            .Set("SerialNumber", "AUDIT-DEV-1").Set("Building", "Gedung Utama").Set("Room", room).Set("Status", status);
        using (var edited = await kasi.SubmitFormAsync($"/perangkat/{id}/ubah", $"/perangkat/{id}/ubah", Edit(bkd, "Ruang Server", "UnderRepair")))
        {
            await HttpAssert.RedirectsToAsync(edited, $"/perangkat/{id}");
        }
        using (var moved = await kasi.SubmitFormAsync($"/perangkat/{id}/ubah", $"/perangkat/{id}/ubah", Edit(dinkes, "Ruang Rapat", "UnderRepair")))
        {
            await HttpAssert.RedirectsToAsync(moved, $"/perangkat/{id}");
        }

        Assert.Equal(["device.registered", "device.edited", "device.status_changed", "device.moved"], await CodesAsync(id));
        var entry = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ObjectType == "Device" && a.ObjectId == Id(id) && a.EventType == "device.moved").SingleAsync());
        Assert.Equal(("kasi", "Switch HPE 1820-24G (SN AUDIT-DEV-1)"), (entry.ActorUserName, entry.ObjectNumber));
        Assert.Contains("Dipindahkan ke", entry.Summary, StringComparison.Ordinal);

        var page = await kasi.GetPageAsync($"/perangkat/{id}");
        var trail = WebPageHelpers.Text(page);
        Assert.Contains("Jejak audit", trail, StringComparison.Ordinal);
        Assert.Contains(AuditEvents.Label("device.moved"), trail, StringComparison.Ordinal);
        Assert.Contains(AuditEvents.Label("device.status_changed"), trail, StringComparison.Ordinal);
        // The administrator's audit log filters on the new codes.
        var admin = await _w.As("admin");
        Assert.Contains("AUDIT-DEV-1", WebPageHelpers.Text(await admin.GetPageAsync("/admin/audit?EventType=device.moved")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportReservationReleasePreparationReplacementAndTheRepeatFaultDecisionAreAudited()
    {
        var admin = await _w.As("admin");
        var csv = "OPD;Jenis;Merek/Tipe;Nomor Seri;Status\r\nBKD;Switch;Aruba 2530;AUDIT-IMP-1;Terpasang\r\n;Switch;Aruba 2530;AUDIT-IMP-2;Cadangan\r\n";
        using (var imported = await admin.SubmitMultipartAsync("/perangkat/impor", "/perangkat/impor", [],
                   new UploadFile("file", "perangkat.csv", "text/csv", Encoding.UTF8.GetBytes(csv))))
        {
            await HttpAssert.RedirectsToAsync(imported, "/perangkat");
        }
        var ids = await factory.QueryAsync(db => db.Devices.Where(d => d.SerialNumber!.StartsWith("AUDIT-IMP-"))
            .OrderBy(d => d.SerialNumber).Select(d => d.Id).ToListAsync());
        var (broken, spare) = (ids[0], ids[1]);
        Assert.Equal(["device.imported"], await CodesAsync(broken));

        // A report naming the broken switch, to replacement; the spare reserved, released, reserved again, prepared.
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);
        await _w.InspectAsync(id, replace: true);
        await _w.StepOkAsync("pelapor", id, WorkflowAction.SubmitReplacementRequest, ReportStatus.Replacing,
            ("Devices[0].DeviceId", Id(broken)), ("Devices[0].Condition", "RusakBerat"));
        var teknisi = await _w.As("teknisi");
        foreach (var path in new[] { $"/perangkat/{spare}/cadangkan", $"/perangkat/{spare}/lepas", $"/perangkat/{spare}/cadangkan" })
        {
            using var response = await teknisi.SubmitFormAsync($"/laporan/{id}", path, new Form().Set("reportId", Id(id)));
            await HttpAssert.RedirectsToAsync(response, $"/laporan/{id}");
        }
        using (var prepare = await teknisi.SubmitFormAsync($"/laporan/{id}", $"/perangkat/laporan/{id}/siapkan", new Form()))
        {
            await HttpAssert.RedirectsToAsync(prepare, $"/laporan/{id}");
        }
        var work = await teknisi.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.CompleteWork}");
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti switch"), ("WorkStartedAt", WebPageHelpers.InputValue(work, "WorkStartedAt")!),
            ("WorkFinishedAt", WebPageHelpers.InputValue(work, "WorkFinishedAt")!),
            ("ReplacedDevices[0].DeviceId", Id(broken)), ("ReplacedDevices[0].Condition", "RusakBerat"),
            ("ReplacedDevices[0].NewDeviceId", Id(spare)));

        Assert.Equal(["device.imported", "device.reserved", "device.reservation_released", "device.reserved", "device.prepared",
            "device.installed_as_replacement"], await CodesAsync(spare));
        Assert.Equal(["device.imported", "device.replaced_broken"], await CodesAsync(broken));

        // The repeat-fault decision: flagged by three reports, decided by the Kasi.
        var watched = await CreateAsync("BKD", "AUDIT-REPEAT-1", "InService");
        var pelapor = await _w.As("pelapor");
        for (var i = 0; i < 3; i++)
        {
            using var filed = await pelapor.PostFormAsync("/laporan/baru", new Form()
                .Set("ReporterName", "Rina Marlina").Set("ReporterPhone", "0812 6000 0100").Set("Location", "Ruang Server")
                .Set("Category", nameof(FaultCategory.DeviceDamage)).Set("Description", $"Switch mati lagi ({i + 1})")
                .Set("DeviceId", Id(watched)).Set("ConfirmDuplicate", "true"));
            await HttpAssert.RedirectsToAsync(filed, "/laporan/");
        }
        var kasi = await _w.As("kasi");
        using (var decided = await kasi.SubmitFormAsync($"/perangkat/{watched}", $"/perangkat/{watched}/keputusan",
                   new Form().Set("decision", "KeepAndWatch").Set("note", "Dipantau sebulan")))
        {
            await HttpAssert.RedirectsToAsync(decided, $"/perangkat/{watched}");
        }
        Assert.Equal(["device.registered", "device.reported", "device.reported", "device.reported", "device.repeat_fault_flagged",
            "device.repeat_fault_decided"], await CodesAsync(watched));

        // An OPD's reporter sees the device but not its audit trail.
        var own = WebPageHelpers.Text(await pelapor.GetPageAsync($"/perangkat/{watched}"));
        Assert.Contains("AUDIT-REPEAT-1", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Jejak audit", own, StringComparison.Ordinal);
    }
}
