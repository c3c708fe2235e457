using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Devices;

/// <summary>
/// Issue #19 point 6 over HTTP: devices repaired and replaced this month in two OPDs (every step posted through the
/// workflow's forms), spares and stock items against their reorder levels and the devices with most faults, read back
/// from the monthly recap PDF page by page, from <c>/perangkat/angka</c> (with an OPD's reporter seeing only their OPD)
/// and from the dashboard's reorder warning.
/// </summary>
public sealed partial class DeviceFiguresTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Bkd = "Badan Kepegawaian Daerah";
    private const string Dinkes = "Dinas Kesehatan";

    // xunit makes a new instance per test; the world is made once per fixture (its database).
    private static readonly ConditionalWeakTable<AppFactory, WorkflowDriver> Worlds = new();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string Month => factory.Clock.NowWib.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// This month: in the BKD the switch FIG-SW-BKD is repaired twice (two reports naming it) and the router FIG-RTR-BKD
    /// replaced with a new unit; in the Dinkes the access point FIG-AP-DINKES is repaired once. One free router spare
    /// against a reorder level of 2, a stock item below its level and one above.
    /// </summary>
    private async Task<WorkflowDriver> WorldAsync()
    {
        if (Worlds.TryGetValue(factory, out var made)) return made;
        var w = new WorkflowDriver(factory);
        var sw = await RegisterAsync(w, "BKD", "Switch", "Cisco SG350-28", "FIG-SW-BKD", "InService");
        var router = await RegisterAsync(w, "BKD", "Router", "MikroTik RB4011", "FIG-RTR-BKD", "InService");
        var ap = await RegisterAsync(w, "Dinkes", "AccessPoint", "Ubiquiti UniFi AC Lite", "FIG-AP-DINKES", "InService");
        await RegisterAsync(w, null, "Router", "MikroTik RB4011", "FIG-RTR-SPARE", "Spare");

        await RepairAsync(w, "pelapor", sw, "Switch", "Cisco SG350-28", "FIG-SW-BKD", "Switch lantai 2 mati (1)");
        await RepairAsync(w, "pelapor", sw, "Switch", "Cisco SG350-28", "FIG-SW-BKD", "Switch lantai 2 mati (2)");
        await RepairAsync(w, "pelapor.dinkes", ap, "Access point", "Ubiquiti UniFi AC Lite", "FIG-AP-DINKES", "Wi-Fi ruang rapat mati");

        var replaced = await ReportAsync(w, "pelapor", router, "Router terbakar tersambar petir");
        await w.ToDiagnosingAsync(replaced);
        await w.DiagnoseAsync(replaced, inDataCenter: false);
        await w.InspectAsync(replaced, replace: true);
        await w.StepOkAsync("pelapor", replaced, WorkflowAction.SubmitReplacementRequest, ReportStatus.Replacing,
            ("Devices[0].Name", "Router"), ("Devices[0].BrandType", "MikroTik RB4011"), ("Devices[0].DeviceId", Id(router)),
            ("Devices[0].SerialNumber", "FIG-RTR-BKD"), ("Devices[0].Condition", "RusakBerat"), ("Devices[0].Notes", "Terbakar"));
        await w.StepOkAsync("teknisi", replaced, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti router yang terbakar"),
            ("ReplacedDevices[0].Name", "Router"), ("ReplacedDevices[0].BrandType", "MikroTik RB4011"),
            ("ReplacedDevices[0].SerialNumber", "FIG-RTR-BKD"), ("ReplacedDevices[0].Condition", "RusakBerat"),
            ("ReplacedDevices[0].DeviceId", Id(router)),
            ("ReplacedDevices[0].NewBrandType", "MikroTik RB5009"), ("ReplacedDevices[0].NewSerialNumber", "FIG-RTR-NEW"));

        var kasi = await w.As("kasi");
        using (var level = await kasi.SubmitFormAsync("/perangkat", "/perangkat/batas-stok", new Form().Set("kind", "Router").Set("level", "2")))
        {
            await HttpAssert.RedirectsToAsync(level, "/perangkat");
        }
        await AddStockAsync(w, "Konektor RJ45 Cat6", 50, 100);
        await AddStockAsync(w, "Kabel UTP Cat6", 300, 100);
        Worlds.Add(factory, w);
        return w;
    }

    private async Task<int> RegisterAsync(WorkflowDriver w, string? opd, string kind, string brand, string serial, string status)
    {
        var admin = await w.As("admin");
        var form = new Form().Set("Kind", kind).Set("BrandType", brand).Set("SerialNumber", serial).Set("Status", status)
            .Set("Building", "Gedung Utama");
        if (opd is not null) form.Set("OpdId", Id(await OpdIdAsync(opd)));
        using var response = await admin.PostFormAsync("/perangkat/baru", form);
        var target = await HttpAssert.RedirectsToAsync(response, "/perangkat/");
        return int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);
    }

    private Task<int> OpdIdAsync(string shortName) => factory.OpdIdAsync(shortName);

    /// <summary>The OPD's reporter files a report naming the device (its fault), through the form.</summary>
    private static async Task<int> ReportAsync(WorkflowDriver w, string reporter, int deviceId, string description)
    {
        var session = await w.As(reporter);
        var page = $"/laporan/baru?perangkat={Id(deviceId)}";
        var html = await session.GetPageAsync(page);
        using var response = await session.SubmitFormAsync(page, "/laporan/baru", new Form()
            .Set("FormToken", WebPageHelpers.InputValue(html, "FormToken"))
            .Set("ReporterName", "Pelapor Uji").Set("ReporterPhone", "0812 6000 0100").Set("DeviceId", Id(deviceId))
            .Set("Location", "Gedung Utama").Set("Category", nameof(FaultCategory.DeviceDamage))
            .Set("Description", description).Set("ConfirmDuplicate", "true"));
        var target = await HttpAssert.RedirectsToAsync(response, "/laporan/");
        return int.Parse(target["/laporan/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>A report naming the device, diagnosed in the data center and completed as a repair of that device.</summary>
    private static async Task RepairAsync(WorkflowDriver w, string reporter, int deviceId, string name, string brand, string serial, string description)
    {
        var id = await ReportAsync(w, reporter, deviceId, description);
        await w.ToDiagnosingAsync(id);
        await w.DiagnoseAsync(id, inDataCenter: true);
        await w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Mengganti adaptor daya dan memulai ulang perangkat"), ("RootCause", "Adaptor daya rusak"),
            ("Devices[0].Name", name), ("Devices[0].BrandType", brand), ("Devices[0].SerialNumber", serial),
            ("Devices[0].DeviceId", Id(deviceId)), ("Devices[0].Condition", "RusakRingan"));
    }

    private static async Task AddStockAsync(WorkflowDriver w, string name, int quantity, int reorderLevel)
    {
        var kasi = await w.As("kasi");
        using var response = await kasi.SubmitFormAsync("/perangkat/stok/baru", "/perangkat/stok/baru", new Form()
            .Set("Name", name).Set("Unit", "buah").Set("Quantity", Id(quantity)).Set("ReorderLevel", Id(reorderLevel)));
        await HttpAssert.RedirectsToAsync(response, "/perangkat/stok");
    }

    [Fact]
    public async Task TheMonthlyRecapPrintsDevicesPerOpdSparesAgainstReorderLevelsAndTheMostFaultyDevices()
    {
        var w = await WorldAsync();
        var kadis = await w.As("kadis");
        using var response = await kadis.GetAsync($"/laporan/rekap?bulan={Month}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pages = PdfReader.PageLines(await response.Content.ReadAsByteArrayAsync());

        // The section's lines in reading order across pages (its tables may break across a page).
        var lines = pages.SelectMany(p => p).ToList();
        var start = lines.FindIndex(l => l == "F. Perangkat Jaringan");
        var end = lines.FindIndex(l => l.StartsWith("G. Laporan Melewati Target", StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, string.Join("\n", lines));
        var section = lines[start..end];

        Assert.Contains("1. Perangkat diperbaiki dan diganti per OPD", section);
        Assert.Contains("No OPD Diperbaiki Diganti", section);
        Assert.Contains($"1 {Bkd} 2 1", section);
        Assert.Contains($"2 {Dinkes} 1 0", section);
        Assert.Contains("Jumlah 3 1", section);
        Assert.Contains("Jumlah perangkat yang diganti: 1 perangkat.", section);

        // Spares per kind and stock items: the router spare (1 against 2) and the connectors are marked.
        Assert.Contains(section, l => l.StartsWith("3. Persediaan perangkat cadangan dan stok barang (per ", StringComparison.Ordinal));
        Assert.Contains("1 Router (cadangan) 1 unit 2 unit Perlu pesan ulang", section);
        Assert.Contains("2 Kabel UTP Cat6 300 buah 100 buah Cukup", section);
        Assert.Contains("3 Konektor RJ45 Cat6 50 buah 100 buah Perlu pesan ulang", section);

        // Most faults over the 12 months: the BKD switch (two reports) first, then the two devices reported once.
        Assert.Contains(section, l => l.StartsWith("4. Perangkat dengan gangguan terbanyak (12 bulan sampai ", StringComparison.Ordinal));
        Assert.Contains("No Perangkat OPD Nomor Seri Gangguan", section);
        Assert.Contains("No Jenis / barang Tersedia Batas pesan ulang Keterangan", section);
        Assert.Contains($"1 Switch Cisco SG350-28 {Bkd} FIG-SW-BKD 2", section);
        // Equal counts: the latest fault first (the router was reported after the access point).
        Assert.Contains($"2 Router MikroTik RB4011 {Bkd} FIG-RTR-BKD 1", section);
        // (the long device name wraps in its cell; the row's first line carries the figures)
        Assert.Contains(section, l => l.StartsWith("3 Access point Ubiquiti", StringComparison.Ordinal) && l.EndsWith($"{Dinkes} FIG-AP-DINKES 1", StringComparison.Ordinal));

        // Limited to the Dinkes: its own work and faults only, no store-wide stock.
        using var limited = await kadis.GetAsync($"/laporan/rekap?bulan={Month}&opd={Id(await OpdIdAsync("Dinkes"))}");
        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        var dinkes = PdfReader.PageLines(await limited.Content.ReadAsByteArrayAsync()).SelectMany(p => p).ToList();
        Assert.Contains($"1 {Dinkes} 1 0", dinkes);
        Assert.DoesNotContain(dinkes, l => l.Contains(Bkd, StringComparison.Ordinal));
        Assert.DoesNotContain(dinkes, l => l.Contains("Persediaan", StringComparison.Ordinal));
        Assert.Contains(dinkes, l => l.StartsWith("1 Access point Ubiquiti", StringComparison.Ordinal) && l.EndsWith($"{Dinkes} FIG-AP-DINKES 1", StringComparison.Ordinal));
        Assert.DoesNotContain(dinkes, l => l.Contains("FIG-SW-BKD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheFiguresPageShowsTwelveMonthsAndThisMonthPerOpdAndAnOpdsReporterOnlyTheirOpd()
    {
        var w = await WorldAsync();
        var kasi = await (await w.As("kasi")).GetPageAsync($"/perangkat/angka?bulan={Month}");
        Assert.Equal(new Dictionary<string, (int, int)> { [Bkd] = (2, 1), [Dinkes] = (1, 0) }, Rows(kasi, "data-opd"));
        var months = Rows(kasi, "data-month");
        Assert.Equal(12, months.Count);
        Assert.Equal(Month, months.Keys.Last());
        Assert.Equal((3, 1), months[Month]);
        Assert.All(months.Keys.SkipLast(1), m => Assert.Equal((0, 0), months[m]));

        var pelapor = await (await w.As("pelapor")).GetPageAsync("/perangkat/angka");
        Assert.Equal(new Dictionary<string, (int, int)> { [Bkd] = (2, 1) }, Rows(pelapor, "data-opd"));
        Assert.Equal((2, 1), Rows(pelapor, "data-month")[Month]);
        Assert.DoesNotContain(Dinkes, pelapor, StringComparison.Ordinal);

        var dinkes = await (await w.As("pelapor.dinkes")).GetPageAsync("/perangkat/angka");
        Assert.Equal(new Dictionary<string, (int, int)> { [Dinkes] = (1, 0) }, Rows(dinkes, "data-opd"));
        Assert.DoesNotContain(Bkd, dinkes, StringComparison.Ordinal);

        using var bad = await (await w.As("kasi")).GetAsync("/perangkat/angka?bulan=2999-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task TheDashboardCountsThisMonthsWorkAndWarnsOfSparesAndStockItemsAtTheirReorderLevel()
    {
        var w = await WorldAsync();
        var html = await (await w.As("kasi")).GetPageAsync("/");
        Assert.Matches("data-figure=\"repaired\">3<", html);
        Assert.Matches("data-figure=\"replaced\">1<", html);
        var warning = WarningRegex().Match(html);
        Assert.True(warning.Success, html);
        var text = WebPageHelpers.Text(warning.Value);
        Assert.Contains("Router (1/2 unit)", text, StringComparison.Ordinal);
        Assert.Contains("Konektor RJ45 Cat6 (50/100 buah)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kabel UTP", text, StringComparison.Ordinal);
    }

    /// <summary>The rows of a figures table keyed by their <paramref name="attribute"/>: (repaired, replaced).</summary>
    private static Dictionary<string, (int, int)> Rows(string html, string attribute) =>
        new Regex($"<tr {attribute}=\"(?<key>[^\"]+)\">.*?data-col=\"repaired\">(?<a>\\d+)<.*?data-col=\"replaced\">(?<b>\\d+)<")
            .Matches(html)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["key"].Value),
                m => (int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture)));

    [GeneratedRegex("<div[^>]*data-testid=\"dashboard-reorder-warning\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex WarningRegex();
}
