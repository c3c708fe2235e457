using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NetworkMaintenance.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Features;

/// <summary>
/// A report walks the replacement path of the service standard from submission to Closed, each step clicked in
/// Chromium by the person whose turn it is.
/// </summary>
[Collection(WorkflowBrowserCollectionDefinition.Name)]
public sealed partial class ReportWorkflow(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private string _reportUrl = "";

    [Fact]
    public Task TheReplacementPathFromSubmissionToClosedByEveryRole() => RunAsync(async () =>
    {
        // Step 1: the OPD reporter files the report; the form is prefilled from the profile.
        await SignInAsync("pelapor");
        await Page.GetByTestId("nav").GetByRole(AriaRole.Button, new() { Name = "Laporan", Exact = true }).ClickAsync();
        await Page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "Laporan baru" }).ClickAsync();
        await Expect(Page.GetByLabel("Nama pelapor")).ToHaveValueAsync("Rina Marlina");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);
        await Page.GetByLabel("Kategori gangguan").SelectOptionAsync(new SelectOptionValue { Label = "Kerusakan perangkat jaringan" });
        await Page.GetByLabel("Lokasi gangguan").FillAsync("Gedung BKD lantai 2, ruang arsip");
        await Page.GetByLabel("Uraian gangguan").FillAsync("Semua komputer di ruang arsip tidak dapat terhubung ke internet.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await Expect(Page.GetByTestId("status")).ToHaveTextAsync("Diajukan");
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Laporan diterima dengan nomor GJ-");
        _reportUrl = new Uri(Page.Url).AbsolutePath;
        Assert.Matches(ReportPath(), _reportUrl);

        // Step 2: the Kepala Dinas finds it in the inbox and disposes it to the Kabid.
        await SwitchToAsync("kadis");
        await Page.GetByTestId("nav").GetByRole(AriaRole.Link, new() { Name = "Menunggu tindakan saya" }).ClickAsync();
        await Page.Locator($"a[href='{_reportUrl}']").ClickAsync();
        await StepAsync("Disposisi ke Kepala Bidang", async () =>
        {
            await Page.GetByLabel("Diteruskan kepada Kepala Bidang").SelectOptionAsync(new SelectOptionValue { Label = "Hendra Gunawan, S.Kom., M.M — Kepala Bidang Aplikasi Informatika" });
            await Page.GetByLabel("Untuk ditindaklanjuti").CheckAsync();
            await Page.GetByLabel("Segera selesaikan").CheckAsync();
        }, "Disposisi ke Kabid");

        // Step 3: the Kabid verifies and disposes to the Kasi.
        await SwitchToAsync("kabid");
        await StepAsync("Verifikasi dan disposisi ke Kepala Seksi", async () =>
        {
            await Page.GetByLabel("Diteruskan kepada Kepala Seksi").SelectOptionAsync(new SelectOptionValue { Label = "Rudi Hartono, S.T — Kepala Seksi Infrastruktur dan Jaringan" });
            await Page.GetByLabel("Laporkan hasilnya").CheckAsync();
        }, "Disposisi ke Kasi");

        // Step 4: the Kasi assigns the data-center team with a lead.
        await SwitchToAsync("kasi");
        await StepAsync("Tugaskan staf/tim Data Center", async () =>
        {
            await Page.GetByLabel("Bayu Pratama, A.Md — Teknisi Jaringan").CheckAsync();
            await Page.GetByLabel("Fajar Nugroho — Tenaga Teknis Data Center").CheckAsync();
            await Page.Locator("input[name=LeadUserId]").First.CheckAsync();
            await Page.GetByLabel("Koordinasikan").CheckAsync();
        }, "Ditugaskan");

        // Steps 5–8: the technician checks the network, finds the fault outside the data center, inspects on site.
        await SwitchToAsync("teknisi");
        await StepAsync("Mulai pemeriksaan jaringan", () => Task.CompletedTask, "Pemeriksaan jaringan");
        await StepAsync("Gangguan di luar Data Center: periksa ke lokasi", async () =>
        {
            await Page.GetByLabel("Jenis gangguan").FillAsync("Switch akses mati");
            await Page.GetByLabel("Lokasi gangguan").FillAsync("Rak jaringan lantai 2 BKD");
            await Page.GetByLabel("Temuan pemeriksaan").FillAsync("Uplink dari Data Center normal, switch lantai 2 tidak menyala.");
        }, "Pemeriksaan di lokasi");
        await StepAsync("Hasil pemeriksaan lokasi: perangkat harus diganti", async () =>
        {
            await Page.GetByLabel("Temuan pemeriksaan").FillAsync("Adaptor dan board switch terbakar, harus diganti.");
        }, "Menunggu BA pengajuan penggantian");

        // Step 9: the reporter files the replacement-request Berita Acara.
        await SwitchToAsync("pelapor");
        await StepAsync("Ajukan Berita Acara penggantian perangkat", async () =>
        {
            await Page.GetByLabel("Nama perangkat baris 1").FillAsync("Switch 24 port");
            await Page.GetByLabel("Merek/tipe baris 1").FillAsync("TP-Link TL-SG1024D");
            await Page.GetByLabel("Nomor seri baris 1").FillAsync("2219481000123");
            await Page.GetByLabel("Kondisi baris 1").SelectOptionAsync(new SelectOptionValue { Label = "Rusak Berat" });
        }, "Penggantian perangkat");

        // Steps 10–11: the technician replaces the device and completes the work.
        await SwitchToAsync("teknisi");
        await StepAsync("Selesaikan penggantian dan buat Berita Acara", async () =>
        {
            await Page.GetByLabel("Tindakan yang dilakukan").FillAsync("Mengganti switch 24 port dan menguji koneksi semua komputer.");
            await Expect(Page.Locator("input[name='ReplacedDevices[0].Name']")).ToHaveValueAsync("Switch 24 port");
            await Page.Locator("input[name='ReplacedDevices[0].NewSerialNumber']").FillAsync("2231190004567");
        }, "Menunggu persetujuan BA pekerjaan");

        // The on-site signature pad works under the Content-Security-Policy: a stroke drawn with the pointer
        // becomes a PNG data URL in the form (the step is not submitted: the reporter acknowledges below).
        await Page.GetByTestId("actions").GetByRole(AriaRole.Link, new() { Name = "Tanda tangan pelapor di lokasi", Exact = true }).ClickAsync();
        var pad = Page.Locator("canvas[data-signature-pad]");
        await Expect(pad).ToBeVisibleAsync();
        // The pad is painted before site.js (at the end of the body) has run and listens to the pointer: drawn only once
        // site.js has marked it ready (the load event could wait on any other resource of the page).
        await Expect(Page.Locator("canvas[data-signature-pad][data-signature-ready]")).ToBeAttachedAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(box.X + 20, box.Y + 40);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(box.X + 120, box.Y + 90, new() { Steps = 5 });
        await Page.Mouse.MoveAsync(box.X + 220, box.Y + 50, new() { Steps = 5 });
        await Page.Mouse.UpAsync();
        await Expect(Page.Locator("input[data-signature-value]")).ToHaveValueAsync(new Regex("^data:image/png;base64,"));
        await Page.GotoAsync(_reportUrl);

        // Step 11: the reporter acknowledges the work.
        await SwitchToAsync("pelapor");
        await StepAsync("Setujui Berita Acara pekerjaan", () => Task.CompletedTask, "Pemeriksaan laporan oleh Kasi");

        // Steps 12–14: Kasi, Kabid and Kadis review and approve.
        await SwitchToAsync("kasi");
        await StepAsync("Setujui dan teruskan ke Kepala Bidang", () => Task.CompletedTask, "Pemeriksaan laporan oleh Kabid");
        await SwitchToAsync("kabid");
        await StepAsync("Setujui dan teruskan ke Kepala Dinas", () => Task.CompletedTask, "Review Kepala Dinas");
        await SwitchToAsync("kadis");
        await StepAsync("Setujui dan tutup laporan", () => Task.CompletedTask, "Selesai");

        // The whole life is on the timeline, and the report page passes an accessibility scan.
        await Expect(Page.GetByTestId("timeline").Locator("li")).ToHaveCountAsync(13);
        await Expect(Page.GetByTestId("devices")).ToContainTextAsync("2231190004567");
        // The "reporter present" box was ticked by default on the inspection page, and that is what was recorded.
        await Expect(Page.GetByTestId("timeline")).ToContainTextAsync("pelapor hadir");
        await AxeScan.AssertNoSeriousViolationsAsync(Page, Output);

        // With a closed report the Kepala Dinas's dashboard draws its charts (Chart.js, no inline script or style).
        await Page.GotoAsync("/");
        await Expect(Page.Locator("canvas[data-chart]:not([hidden])").First).ToBeVisibleAsync();
        Assert.Empty(PolicyViolations);
    });

    private async Task SwitchToAsync(string userName)
    {
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(userName);
        await Expect(Page.GetByTestId("user-menu")).ToBeVisibleAsync();
        await Page.GotoAsync(_reportUrl);
    }

    /// <summary>Clicks the step's button on the report page, fills its page, submits, and checks the new status.</summary>
    private async Task StepAsync(string label, Func<Task> fill, string expectedStatus)
    {
        await Page.GetByTestId("actions").GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(label);
        await fill();
        await Page.Locator("form[data-step-form]").GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("status")).ToHaveTextAsync(expectedStatus);
    }

    [GeneratedRegex(@"^/laporan/\d+$")]
    private static partial Regex ReportPath();
}
