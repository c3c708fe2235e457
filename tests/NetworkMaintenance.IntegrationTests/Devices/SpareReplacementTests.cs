using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Devices;

/// <summary>Step 10 with the register: reserve a spare, record its preparation, issue it on completion (issue #19 point 3).</summary>
public sealed class SpareReplacementTests(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    public void Dispose() => _w.Dispose();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<int> RegisterAsync(string? opdShortName, string brand, string serial, string status)
    {
        var admin = await _w.As("admin");
        var form = new Form().Set("Kind", "Switch").Set("BrandType", brand).Set("SerialNumber", serial).Set("Status", status)
            .Set("Building", opdShortName is null ? null : "Gedung Utama").Set("Room", opdShortName is null ? null : "Ruang Kepegawaian");
        if (opdShortName is not null) form.Set("OpdId", Id(await factory.OpdIdAsync(opdShortName)));
        using var response = await admin.PostFormAsync("/perangkat/baru", form);
        var target = await HttpAssert.RedirectsToAsync(response, "/perangkat/");
        return int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>A report of the BKD waiting for the replacement of <paramref name="brokenId"/> (status Replacing).</summary>
    private async Task<int> ReplacingAsync(int brokenId, string brokenSerial)
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);
        await _w.InspectAsync(id, replace: true);
        await _w.StepOkAsync("pelapor", id, WorkflowAction.SubmitReplacementRequest, ReportStatus.Replacing,
            ("Devices[0].Name", "Switch"), ("Devices[0].BrandType", "TP-Link TL-SG1024"), ("Devices[0].DeviceId", Id(brokenId)),
            ("Devices[0].SerialNumber", brokenSerial), ("Devices[0].Condition", "RusakBerat"), ("Devices[0].Notes", "Terbakar"));
        return id;
    }

    private Task<Device> DeviceAsync(int id) =>
        factory.QueryAsync(db => db.Devices.AsNoTracking().Include(d => d.Events).SingleAsync(d => d.Id == id));

    [Fact]
    public async Task ASpareIsReservedPreparedAndIssuedAndTheBeritaAcaraPrintsBothSerials()
    {
        var broken = await RegisterAsync("BKD", "TP-Link TL-SG1024", "OLD-SN-0001", "InService");
        var spare = await RegisterAsync(null, "TP-Link TL-SG1024", "NEW-SN-0002", "Spare");
        var id = await ReplacingAsync(broken, "OLD-SN-0001");

        var teknisi = await _w.As("teknisi");
        using (var reserve = await teknisi.SubmitFormAsync($"/laporan/{id}", $"/perangkat/{spare}/cadangkan", new Form().Set("reportId", Id(id))))
        {
            Assert.Contains("dicadangkan untuk laporan ini", await _w.FollowAsync("teknisi", reserve), StringComparison.Ordinal);
        }
        Assert.Equal(id, (await DeviceAsync(spare)).ReservedForReportId);
        using (var prepare = await teknisi.SubmitFormAsync($"/laporan/{id}", $"/perangkat/laporan/{id}/siapkan", new Form()))
        {
            Assert.Contains("1 perangkat pengganti dicatat telah disiapkan.", await _w.FollowAsync("teknisi", prepare), StringComparison.Ordinal);
        }

        // The completion form offers the reserved spare as the new device.
        var page = await teknisi.GetPageAsync($"/laporan/{id}/langkah/CompleteWork");
        Assert.Equal("NEW-SN-0002", WebPageHelpers.InputValue(page, "ReplacedDevices[0].NewSerialNumber"));
        Assert.Equal([Id(spare)], WebPageHelpers.SelectedValues(page, "ReplacedDevices[0].NewDeviceId"));
        Assert.Equal([Id(broken)], WebPageHelpers.SelectedValues(page, "ReplacedDevices[0].DeviceId"));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti switch yang terbakar dengan cadangan"),
            ("ReplacedDevices[0].Name", "Switch"), ("ReplacedDevices[0].BrandType", "TP-Link TL-SG1024"),
            ("ReplacedDevices[0].SerialNumber", "OLD-SN-0001"), ("ReplacedDevices[0].Condition", "RusakBerat"),
            ("ReplacedDevices[0].DeviceId", Id(broken)), ("ReplacedDevices[0].NewDeviceId", Id(spare)),
            ("ReplacedDevices[0].NewBrandType", "TP-Link TL-SG1024"), ("ReplacedDevices[0].NewSerialNumber", "NEW-SN-0002"));

        var issued = await DeviceAsync(spare);
        var bkd = await factory.OpdIdAsync("BKD");
        Assert.Equal((DeviceStatus.InService, (int?)bkd, "Ruang Kepegawaian", (int?)null),
            (issued.Status, issued.OpdId, issued.Room, issued.ReservedForReportId));
        Assert.Equal([DeviceEventKind.Registered, DeviceEventKind.Reserved, DeviceEventKind.Prepared, DeviceEventKind.InstalledAsReplacement],
            issued.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        var old = await DeviceAsync(broken);
        Assert.Equal((DeviceStatus.Broken, (int?)null, Device.DataCenterStore), (old.Status, old.OpdId, old.Building));
        Assert.Contains(old.Events, e => e.Kind == DeviceEventKind.ReplacedBroken && e.ReportId == id);

        var line = await factory.QueryAsync(db => db.ReportDevices.SingleAsync(d => d.ReportId == id && d.Purpose == DevicePurpose.Replaced));
        Assert.Equal(((int?)broken, (int?)spare), (line.DeviceId, line.NewDeviceId));
        var workBa = await factory.QueryAsync(db => db.IssuedDocuments.SingleAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa && !d.IsSuperseded));
        var text = await (await _w.As("pelapor")).TextOfAsync(id, workBa);
        Assert.Contains("OLD-SN-0001", text, StringComparison.Ordinal);
        Assert.Contains("NEW-SN-0002", text, StringComparison.Ordinal);

        // Both ways: the device pages list the report, the history names it.
        var devicePage = WebPageHelpers.Text(await teknisi.GetPageAsync($"/perangkat/{spare}"));
        var number = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        Assert.Contains(number, devicePage, StringComparison.Ordinal);
        Assert.Contains("Perangkat pengganti", devicePage, StringComparison.Ordinal);
        Assert.Contains("Diganti", WebPageHelpers.Text(await teknisi.GetPageAsync($"/perangkat/{broken}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoTechniciansReservingTheLastSpareAtOnceOneGetsItTheOtherAClearMessage()
    {
        var brokenA = await RegisterAsync("BKD", "Ruijie RG-S1924", "RACE-OLD-A", "InService");
        var brokenB = await RegisterAsync("BKD", "Ruijie RG-S1924", "RACE-OLD-B", "InService");
        var last = await RegisterAsync(null, "Ruijie RG-S1924", "RACE-LAST-SPARE", "Spare");
        var reportA = await ReplacingAsync(brokenA, "RACE-OLD-A");
        var reportB = await ReplacingAsync(brokenB, "RACE-OLD-B");
        var teknisi = await _w.As("teknisi");
        var teknisi2 = await _w.As("teknisi2");

        // Both technicians have the report page open with the spare on offer, then press "Cadangkan" at once.
        var tokenA = WebPageHelpers.GetRequestVerificationToken(await teknisi.GetPageAsync($"/laporan/{reportA}"), $"/perangkat/{last}/cadangkan");
        var tokenB = WebPageHelpers.GetRequestVerificationToken(await teknisi2.GetPageAsync($"/laporan/{reportB}"), $"/perangkat/{last}/cadangkan");
        var responses = await Task.WhenAll(
            teknisi.PostWithTokenAsync($"/perangkat/{last}/cadangkan", new Form().Set("reportId", Id(reportA)), tokenA),
            teknisi2.PostWithTokenAsync($"/perangkat/{last}/cadangkan", new Form().Set("reportId", Id(reportB)), tokenB));

        var messages = new[]
        {
            await _w.FollowAsync("teknisi", responses[0]),
            await _w.FollowAsync("teknisi2", responses[1]),
        };
        foreach (var r in responses) r.Dispose();
        var device = await DeviceAsync(last);
        Assert.Contains(device.ReservedForReportId, new int?[] { reportA, reportB });
        Assert.Single(device.Events, e => e.Kind == DeviceEventKind.Reserved);
        var winner = device.ReservedForReportId == reportA ? 0 : 1;
        Assert.Contains("dicadangkan untuk laporan ini", messages[winner], StringComparison.Ordinal);
        var loser = messages[1 - winner];
        Assert.True(loser.Contains(DeviceMessages.ReservedByOther, StringComparison.Ordinal)
            || loser.Contains("sudah dicadangkan untuk laporan lain", StringComparison.Ordinal), loser);
    }
}
