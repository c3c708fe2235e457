using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>
/// Issue #13 point 6 over HTTP: nothing wrong is frozen into an issued document. With an incomplete kop surat every
/// step that issues a document is refused with an Indonesian message and the administrator sees a banner until it is
/// fixed; the verification address in the QR code comes from configuration, never from the request's Host header.
/// </summary>
public sealed class IssuingReadiness : IClassFixture<AppFactory>, IDisposable
{
    private const string PublicBaseUrl = "https://gangguan.tebingtinggikota.go.id";
    private const string Page = "/admin/dokumen";
    private readonly AppFactory _factory;
    private readonly WorkflowDriver _w;

    public IssuingReadiness(AppFactory factory)
    {
        // Before the class's first request builds the host.
        _factory = factory.WithSetting("Documents:PublicBaseUrl", PublicBaseUrl + "/");
        _w = new WorkflowDriver(_factory);
    }

    [Fact]
    public async Task AForgedHostHeaderCannotChangeTheQrUrl()
    {
        using var forged = WebSession.Create(_factory, new Uri("http://evil.example/"));
        await forged.LoginAsAsync("pelapor");
        using var submitted = await forged.PostFormAsync("/laporan/baru",
        [
            new("ReporterName", "Rina Marlina"),
            new("ReporterPhone", "0812 6000 0100"),
            new("Location", "Gedung utama lantai 2"),
            new("Category", nameof(FaultCategory.NoInternet)),
            new("Description", "Internet mati sejak pagi"),
            new("ConfirmDuplicate", "true"),
        ]);
        var target = await HttpAssert.RedirectsToAsync(submitted, "/laporan/");
        var id = int.Parse(target["/laporan/".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var receipt = await _factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.ReportId == id));
        var text = PdfReader.Text(receipt.Pdf);
        Assert.Contains($"{PublicBaseUrl}/verifikasi/{receipt.VerificationCode}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", receipt.SnapshotJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuingIsRefusedWithAnIncompleteKopAndTheAdministratorSeesABannerUntilItIsFixed()
    {
        var id = await _w.SubmitAsync();
        await _w.DisposeAsync(id);
        await _w.VerifyAsync(id);
        var admin = await _w.As("admin");
        Assert.DoesNotContain("Penerbitan dokumen resmi terhenti", WebPageHelpers.Text(await admin.GetPageAsync("/")), StringComparison.Ordinal);

        // The administrator clears the telephone number.
        using (var saved = await admin.SubmitMultipartAsync(Page, Page, Fields(await admin.GetPageAsync(Page), ("Phone", ""))))
        {
            await HttpAssert.RedirectsToAsync(saved, Page);
        }

        // The Kasi's assignment would issue the lembar disposisi: refused, nothing recorded, the reason in Indonesian.
        var tech = await _w.UserIdAsync("teknisi");
        using var refused = await _w.StepAsync("kasi", id, WorkflowAction.Assign,
            ("TechnicianIds", tech), ("LeadUserId", tech), ("Instructions", "Koordinasikan"));
        var page = WebPageHelpers.Text(await HttpAssert.OkPageAsync(refused));
        Assert.Contains("Dokumen resmi belum dapat diterbitkan karena kop surat belum lengkap: nomor telepon belum diisi.", page,
            StringComparison.Ordinal);
        Assert.Contains("Langkah ini belum disimpan.", page, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.DisposedToKasi, await _w.StatusAsync(id));
        Assert.Empty(await _factory.QueryAsync(db => db.IssuedDocuments.Where(d => d.ReportId == id && d.Type == DocumentType.DispositionSheet).ToListAsync()));

        // A new report would issue its receipt: refused too, and no report number is used.
        var before = await _factory.QueryAsync(db => db.Reports.CountAsync());
        using var submitted = await (await _w.As("pelapor")).PostFormAsync("/laporan/baru",
        [
            new("ReporterName", "Rina Marlina"),
            new("ReporterPhone", "0812 6000 0100"),
            new("Location", "Gedung utama lantai 2"),
            new("Category", nameof(FaultCategory.NoInternet)),
            new("Description", "Internet mati sejak pagi"),
            new("ConfirmDuplicate", "true"),
        ]);
        Assert.Contains("kop surat belum lengkap", WebPageHelpers.Text(await HttpAssert.OkPageAsync(submitted)), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.QueryAsync(db => db.Reports.CountAsync()));

        // The administrator sees the banner on every page, with what is missing and where to fix it.
        foreach (var url in new[] { "/", "/admin/pengguna" })
        {
            var adminPage = await admin.GetPageAsync(url);
            Assert.Contains("Penerbitan dokumen resmi terhenti", WebPageHelpers.Text(adminPage), StringComparison.Ordinal);
            Assert.Contains("nomor telepon belum diisi", WebPageHelpers.Text(adminPage), StringComparison.Ordinal);
            Assert.Contains("href=\"/admin/dokumen\"", adminPage, StringComparison.Ordinal);
        }
        // Not a matter for the other staff.
        Assert.DoesNotContain("Penerbitan dokumen resmi terhenti", WebPageHelpers.Text(await (await _w.As("kasi")).GetPageAsync("/")),
            StringComparison.Ordinal);

        // Fixed: the banner goes, the step goes through.
        using (var fixedKop = await admin.SubmitMultipartAsync(Page, Page, Fields(await admin.GetPageAsync(Page), ("Phone", "(0621) 325203"))))
        {
            await HttpAssert.RedirectsToAsync(fixedKop, Page);
        }
        Assert.DoesNotContain("Penerbitan dokumen resmi terhenti", WebPageHelpers.Text(await admin.GetPageAsync("/")), StringComparison.Ordinal);
        await _w.StepOkAsync("kasi", id, WorkflowAction.Assign, ReportStatus.Assigned,
            ("TechnicianIds", tech), ("LeadUserId", tech), ("Instructions", "Koordinasikan"));
    }

    /// <summary>The kop surat form's current values with <paramref name="changes"/> applied.</summary>
    private static List<KeyValuePair<string, string>> Fields(string html, params (string Name, string Value)[] changes)
    {
        string[] names = ["Government", "AgencyName", "Address", "Phone", "Email", "Website", "City",
            "ReplacementRequestBaPattern", "WorkBaPattern", "WorkReportPattern"];
        var fields = names.ToDictionary(n => n, n => WebPageHelpers.InputValue(html, n) ?? "");
        foreach (var (name, value) in changes) fields[name] = value;
        return [.. fields];
    }

    public void Dispose() => _w.Dispose();
}
