using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Devices;

/// <summary>The device register at /perangkat: create, edit, search, import all-or-nothing, who sees what (issue #19 point 1).</summary>
public sealed class DeviceRegisterTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<int> CreateAsync(WebSession session, string opdShortName, string brand, string serial,
        string kind = "Switch", string status = "InService")
    {
        var opd = await factory.OpdIdAsync(opdShortName);
        using var response = await session.PostFormAsync("/perangkat/baru", new Form()
            .Set("OpdId", Id(opd)).Set("Building", "Gedung Utama").Set("Room", "Ruang Server")
            .Set("Kind", kind).Set("BrandType", brand).Set("SerialNumber", serial).Set("KodeBarang", "3.10.02.03.002")
            .Set("Nup", "7").Set("IpAddress", "192.168.10.2").Set("MacAddress", "00:1a:2b:3c:4d:5e")
            .Set("InstalledOn", "2024-03-01").Set("WarrantyEndsOn", "2027-03-01").Set("Status", status));
        var target = await HttpAssert.RedirectsToAsync(response, "/perangkat/");
        return int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TheKasiRegistersEditsAndFindsADeviceAndItsHistoryShowsTheMove()
    {
        using var kasi = await WebSession.SignedInAsync(factory, "kasi");
        var id = await CreateAsync(kasi, "BKD", "Cisco SG350-28", "FOC-REG-001");

        var device = await factory.QueryAsync(db => db.Devices.Include(d => d.Events).SingleAsync(d => d.Id == id));
        Assert.Equal(("Cisco SG350-28", "FOC-REG-001", "00:1A:2B:3C:4D:5E", DeviceStatus.InService),
            (device.BrandType, device.SerialNumber, device.MacAddress, device.Status));
        Assert.Equal(new DateOnly(2027, 3, 1), device.WarrantyEndsOn);

        var dinkes = await factory.OpdIdAsync("Dinkes");
        using (var response = await kasi.PostFormAsync($"/perangkat/{id}/ubah", new Form().Set("OpdId", Id(dinkes))
                   .Set("Building", "Puskesmas Rantau Laban").Set("Kind", "Switch").Set("BrandType", "Cisco SG350-28")
                   .Set("SerialNumber", "FOC-REG-001").Set("Status", "InService")))
        {
            await HttpAssert.RedirectsToAsync(response, $"/perangkat/{id}");
        }

        var page = WebPageHelpers.Text(await kasi.GetPageAsync($"/perangkat/{id}"));
        Assert.Contains("Dipindahkan ke", page, StringComparison.Ordinal);
        Assert.Contains("Puskesmas Rantau Laban", page, StringComparison.Ordinal);
        Assert.Contains("Didaftarkan dengan status Terpasang", page, StringComparison.Ordinal);

        var found = WebPageHelpers.Text(await kasi.GetPageAsync("/perangkat?q=FOC-REG-001"));
        Assert.Contains("1 perangkat ditemukan.", found, StringComparison.Ordinal);
        var filtered = WebPageHelpers.Text(await kasi.GetPageAsync($"/perangkat?q=FOC-REG-001&opdId={Id(await factory.OpdIdAsync("BKD"))}"));
        Assert.Contains("0 perangkat ditemukan.", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASerialNumberIsRegisteredOnceWithAnIndonesianMessage()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        await CreateAsync(admin, "BKD", "MikroTik RB4011", "MT-DUP-001", kind: "Router");

        var opd = await factory.OpdIdAsync("BKD");
        using var response = await admin.PostFormAsync("/perangkat/baru", new Form().Set("OpdId", Id(opd))
            .Set("Kind", "Router").Set("BrandType", "MikroTik lain").Set("SerialNumber", "MT-DUP-001")
            .Set("IpAddress", "999.1.1.1").Set("Status", "InService"));
        var html = await HttpAssert.OkPageAsync(response);
        var text = WebPageHelpers.Text(html);
        Assert.Contains("Alamat IP tidak valid", text, StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.Devices.CountAsync(d => d.SerialNumber == "MT-DUP-001")));

        using var again = await admin.PostFormAsync("/perangkat/baru", new Form().Set("OpdId", Id(opd))
            .Set("Kind", "Router").Set("BrandType", "MikroTik lain").Set("SerialNumber", "MT-DUP-001").Set("Status", "InService"));
        Assert.Contains(DeviceMessages.SerialTaken, WebPageHelpers.Text(await HttpAssert.OkPageAsync(again)), StringComparison.Ordinal);
    }

    private static UploadFile Csv(string text) =>
        new("file", "perangkat.csv", "text/csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public async Task ImportsAGoodCsvFileOfTheCity()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var csv = "OPD;Gedung;Ruang;Jenis;Merek/Tipe;Nomor Seri;Kode Barang;NUP;IP;MAC;Tanggal Pasang;Akhir Garansi;Status\r\n"
            + "BKD;Gedung Utama;Ruang Server;Switch;TP-Link TL-SG1024;IMP-GOOD-1;3.10.02.03.002;1;192.168.1.2;;2024-01-15;2026-01-15;Terpasang\r\n"
            + "Dinas Kesehatan;Gedung B;Lantai 2;Access point;Ubiquiti UniFi U6;IMP-GOOD-2;;;;;15/02/2024;;\r\n"
            + ";;;Switch;TP-Link TL-SG1024;IMP-GOOD-3;;;;;;;Cadangan\r\n";

        using var response = await admin.SubmitMultipartAsync("/perangkat/impor", "/perangkat/impor", [], Csv(csv));
        await HttpAssert.RedirectsToAsync(response, "/perangkat");

        var imported = await factory.QueryAsync(db => db.Devices.AsNoTracking().Include(d => d.Opd)
            .Where(d => d.SerialNumber!.StartsWith("IMP-GOOD-")).OrderBy(d => d.SerialNumber).ToListAsync());
        Assert.Equal(3, imported.Count);
        Assert.Equal(("BKD", DeviceKind.Switch, DeviceStatus.InService), (imported[0].Opd!.ShortName, imported[0].Kind, imported[0].Status));
        Assert.Equal((DeviceKind.AccessPoint, new DateOnly(2024, 2, 15)), (imported[1].Kind, imported[1].InstalledOn!.Value));
        Assert.Equal((null, DeviceStatus.Spare), (imported[2].OpdId, imported[2].Status));
        Assert.Contains("3 perangkat berhasil diimpor.", WebPageHelpers.Text(await admin.GetPageAsync("/perangkat")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportsAnExcelFile()
    {
        using var kasi = await WebSession.SignedInAsync(factory, "kasi");
        var xlsx = await SpreadsheetXlsx.WriteAsync("Perangkat", ["OPD", "Jenis", "Merek/Tipe", "Nomor Seri", "Status"],
        [
            ["BKD", "Router", "MikroTik RB4011", "XLSX-1", "Terpasang"],
            ["", "UPS", "APC Back-UPS 1200", "XLSX-2", "Spare"],
        ]);
        using var response = await kasi.SubmitMultipartAsync("/perangkat/impor", "/perangkat/impor", [],
            new UploadFile("file", "perangkat.xlsx", SpreadsheetXlsx.ContentType, xlsx));
        await HttpAssert.RedirectsToAsync(response, "/perangkat");
        var kinds = await factory.QueryAsync(db => db.Devices.Where(d => d.SerialNumber!.StartsWith("XLSX-"))
            .OrderBy(d => d.SerialNumber).Select(d => d.Kind).ToListAsync());
        Assert.Equal([DeviceKind.Router, DeviceKind.Ups], kinds);
    }

    [Fact]
    public async Task AFileWithBadRowsImportsNothingAndListsTheErrorsByRow()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        await CreateAsync(admin, "BKD", "Existing", "IMP-TAKEN");
        var csv = "OPD,Jenis,Merek/Tipe,Nomor Seri,IP,Tanggal Pasang\r\n"
            + "BKD,Switch,Good row,IMP-BAD-1,,\r\n"
            + "Dinas Antah Berantah,Switch,Unknown OPD,IMP-BAD-2,,\r\n"
            + "BKD,Kulkas,Unknown kind,IMP-BAD-3,,\r\n"
            + "BKD,Router,,IMP-BAD-4,10.0.0.300,kemarin\r\n"
            + "BKD,Switch,Duplicate in file,IMP-BAD-1,,\r\n"
            + "BKD,Switch,Taken,IMP-TAKEN,,\r\n";

        using var response = await admin.SubmitMultipartAsync("/perangkat/impor", "/perangkat/impor", [], Csv(csv));

        var html = await HttpAssert.OkPageAsync(response);
        var text = WebPageHelpers.Text(html);
        Assert.Contains("Impor dibatalkan: tidak ada perangkat yang diimpor.", text, StringComparison.Ordinal);
        Assert.Contains("3 OPD \"Dinas Antah Berantah\" tidak dikenal.", text, StringComparison.Ordinal);
        Assert.Contains("4 Jenis perangkat \"Kulkas\" tidak dikenal.", text, StringComparison.Ordinal);
        Assert.Contains("5 " + DeviceMessages.BrandTypeRequired, text, StringComparison.Ordinal);
        Assert.Contains("5 Tanggal pasang \"kemarin\" bukan tanggal", text, StringComparison.Ordinal);
        Assert.Contains("5 Alamat IP tidak valid", text, StringComparison.Ordinal);
        Assert.Contains("6 Nomor seri IMP-BAD-1 sama dengan baris 2.", text, StringComparison.Ordinal);
        Assert.Contains("7 Nomor seri IMP-TAKEN sudah terdaftar.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n2 ", text, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Devices.CountAsync(d => d.SerialNumber!.StartsWith("IMP-BAD-"))));
    }

    [Fact]
    public async Task AnOpdsReporterSeesOnlyTheirOpdsDevicesAndOnlyManagersManage()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var bkdDevice = await CreateAsync(admin, "BKD", "Switch BKD visible", "AUTH-BKD-1");
        var dinkesDevice = await CreateAsync(admin, "Dinkes", "Switch Dinkes hidden", "AUTH-DINKES-1");

        using var pelapor = await WebSession.SignedInAsync(factory, "pelapor");
        var list = WebPageHelpers.Text(await pelapor.GetPageAsync("/perangkat?q=AUTH-"));
        Assert.Contains("Switch BKD visible", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Switch Dinkes hidden", list, StringComparison.Ordinal);
        Assert.Contains("Switch BKD visible", WebPageHelpers.Text(await pelapor.GetPageAsync($"/perangkat/{bkdDevice}")), StringComparison.Ordinal);
        using (var hidden = await pelapor.GetAsync($"/perangkat/{dinkesDevice}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using (var hiddenScan = await pelapor.GetAsync($"/perangkat/{dinkesDevice}/pindai"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hiddenScan.StatusCode);
        }

        using var dinkes = await WebSession.SignedInAsync(factory, "pelapor.dinkes");
        var dinkesList = WebPageHelpers.Text(await dinkes.GetPageAsync("/perangkat?q=AUTH-"));
        Assert.Contains("Switch Dinkes hidden", dinkesList, StringComparison.Ordinal);
        Assert.DoesNotContain("Switch BKD visible", dinkesList, StringComparison.Ordinal);

        // Staff read everything but do not manage; the Kasi and the administrator do.
        using var teknisi = await WebSession.SignedInAsync(factory, "teknisi");
        var all = WebPageHelpers.Text(await teknisi.GetPageAsync("/perangkat?q=AUTH-"));
        Assert.Contains("Switch Dinkes hidden", all, StringComparison.Ordinal);
        Assert.Contains("Switch BKD visible", all, StringComparison.Ordinal);
        using var edit = await teknisi.GetAsync($"/perangkat/{bkdDevice}/ubah");
        await HttpAssert.RedirectsToAsync(edit, "/akses-ditolak");
    }
}

