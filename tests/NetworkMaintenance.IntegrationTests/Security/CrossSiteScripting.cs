using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data.Seeding;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// Script payloads typed into every free-text field people fill in come back escaped on every page that shows them,
/// and literally (as text) in the issued PDFs.
/// </summary>
public sealed class CrossSiteScripting(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    /// <summary>A script element, an attribute breakout with an event handler, and a javascript: URL.</summary>
    private const string Xss = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>javascript:alert(1)";

    private static readonly string[] Dangerous =
    [
        "<script>alert(1)",
        "<img src=x onerror",
        "href=\"javascript:",
        "src=\"javascript:",
        "<img src=x",
    ];

    /// <summary>A user name as typed at a failed sign-in: a spreadsheet formula followed by the payload.</summary>
    private const string FormulaUserName = "=HYPERLINK(\"https://contoh.invalid\",\"klik\")" + Xss;

    private const string Password = "Xss#2026Pelapor";
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task PayloadsInEveryFreeTextFieldAreEscapedOnEveryPageAndLiteralInThePdfs()
    {
        var pages = new List<(string Who, string Url, string Html)>();
        var admin = await _w.As("admin");

        // The administrator: an OPD, a unit, a user (name and jabatan), the service standard.
        using (var r = await admin.PostFormAsync("/admin/opd/baru", new Form().Set("Name", "OPD " + Xss).Set("ShortName", "X<b>S</b>S")
            .Set("Address", Xss)))
        {
            await HttpAssert.RedirectsToAsync(r, "/admin/opd");
        }
        var opdId = await factory.QueryAsync(db => db.Opds.Where(o => o.Name == "OPD " + Xss).Select(o => o.Id).SingleAsync());
        using (var r = await admin.PostFormAsync("/admin/unit/baru", new Form().Set("Name", "Seksi " + Xss).Set("Kind", "Seksi")
            .Set("ParentId", TestData.Id(await factory.UnitIdAsync(ReferenceData.BidangAplikasi))).Set("HeadUserId", "")))
        {
            await HttpAssert.RedirectsToAsync(r, "/admin/unit");
        }
        using (var r = await admin.PostFormAsync("/admin/pengguna/baru", new Form()
            .Set("UserName", "pelapor.xss").Set("FullName", "Nama " + Xss).Set("Position", "Jabatan " + Xss)
            .Set("PhoneNumber", "0812-6000-9999").Set("OpdId", TestData.Id(opdId)).AddValue("Roles", Roles.Pelapor)
            .Set("Password", Password).Set("ConfirmPassword", Password)))
        {
            await HttpAssert.RedirectsToAsync(r, "/admin/pengguna");
        }
        var standard = await admin.GetPageAsync("/admin/standar-pelayanan");
        var sectionKey = await factory.QueryAsync(db => db.ServiceStandardSections.OrderBy(s => s.Order).Select(s => s.Key).FirstAsync());
        using (var r = await admin.SubmitFormAsync("/admin/standar-pelayanan", "/admin/standar-pelayanan", new Form().Set($"Body[{sectionKey}]", "Persyaratan " + Xss)))
        {
            await HttpAssert.RedirectsToAsync(r, "/admin/standar-pelayanan");
        }
        Assert.NotNull(standard);

        // The reporter files a report with the payload everywhere.
        using var reporter = WebSession.Create(factory);
        await reporter.LoginAsAsync("pelapor.xss", Password);
        int id;
        using (var r = await reporter.PostFormAsync("/laporan/baru", new Form()
            .Set("ReporterName", "Nama " + Xss).Set("ReporterPosition", "Jabatan " + Xss).Set("ReporterPhone", "0812 6000 9999")
            .Set("Location", "Lokasi " + Xss).Set("Category", nameof(FaultCategory.NoInternet)).Set("Description", "Uraian " + Xss)
            .Set("ConfirmDuplicate", "true")))
        {
            id = IdOf(await HttpAssert.RedirectsToAsync(r, "/laporan/"));
        }

        // Every step with its notes, findings and devices.
        await _w.StepOkAsync("kadis", id, WorkflowAction.Dispose, ReportStatus.DisposedToKabid,
            ("TargetUserId", await _w.UserIdAsync("kabid")), ("Instructions", "UntukDitindaklanjuti"), ("Note", "Catatan kadis " + Xss));
        await _w.StepOkAsync("kabid", id, WorkflowAction.Verify, ReportStatus.DisposedToKasi,
            ("TargetUserId", await _w.UserIdAsync("kasi")), ("Instructions", "LaporkanHasilnya"), ("Note", "Catatan kabid " + Xss));
        var tech = await _w.UserIdAsync("teknisi");
        await _w.StepOkAsync("kasi", id, WorkflowAction.Assign, ReportStatus.Assigned,
            ("TechnicianIds", tech), ("LeadUserId", tech), ("Instructions", "Koordinasikan"), ("Note", "Catatan kasi " + Xss));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.StartDiagnosis, ReportStatus.Diagnosing);
        await _w.StepOkAsync("teknisi", id, WorkflowAction.DiagnoseInDataCenter, ReportStatus.Repairing,
            ("FaultType", "Jenis " + Xss), ("FaultLocation", "Titik " + Xss), ("Findings", "Temuan " + Xss));
        await PauseAndResumeAsync(id);
        // A form shown again with a mistake keeps the payload escaped.
        using (var again = await _w.StepAsync("teknisi", id, WorkflowAction.CompleteWork, ("ActionsTaken", ""), ("RootCause", "Sebab " + Xss),
            ("Devices[0].Name", "Perangkat " + Xss), ("Devices[0].Condition", "Baik")))
        {
            pages.Add(("teknisi", "step form shown again", await HttpAssert.OkPageAsync(again)));
        }
        await _w.StepOkAsync("teknisi", id, WorkflowAction.CompleteWork, ReportStatus.AwaitingAcknowledgement,
            ("ActionsTaken", "Tindakan " + Xss), ("RootCause", "Sebab " + Xss), ("Devices[0].Name", "Perangkat " + Xss),
            ("Devices[0].BrandType", "Merk " + Xss), ("Devices[0].SerialNumber", "SN" + Xss), ("Devices[0].Condition", "RusakRingan"),
            ("Devices[0].Notes", "Ket " + Xss));
        using (var r = await reporter.SubmitFormAsync($"/laporan/{id}/langkah/{WorkflowAction.Acknowledge}",
            $"/laporan/{id}/langkah/{WorkflowAction.Acknowledge}", new Form().Set("Note", "Setuju " + Xss)
                .Set("Version", await VersionAsync(id))))
        {
            await HttpAssert.RedirectsToAsync(r, $"/laporan/{id}");
        }
        await _w.StepOkAsync("kasi", id, WorkflowAction.Approve, ReportStatus.KabidReview, ("Note", "Tinjau kasi " + Xss));
        await _w.StepOkAsync("kabid", id, WorkflowAction.Approve, ReportStatus.KadisReview, ("Note", "Tinjau kabid " + Xss));
        await _w.StepOkAsync("kadis", id, WorkflowAction.Approve, ReportStatus.Closed, ("Note", "Tinjau kadis " + Xss));
        var surveyForm = new Form().Set("Suggestion", "Saran " + Xss);
        for (var i = 0; i < SatisfactionElements; i++) surveyForm.AddValue("Scores", "4");
        using (var r = await reporter.PostFormAsync($"/laporan/{id}/survei", surveyForm))
        {
            await HttpAssert.RedirectsToAsync(r, $"/laporan/{id}");
        }

        // The front desk: a walk-in with its guest book entry, a complaint and its answer; an official's Plh.
        var petugas = await _w.As("petugas");
        using (var r = await petugas.PostFormAsync("/laporan/baru", Intake.IntakeHelpers.FrontDeskReport(opdId, nameof(ReportChannel.WalkIn), "Uraian " + Xss)
            .Set("ReporterName", "Tamu " + Xss).Set("Location", "Lokasi " + Xss)
            .Set("GuestName", "Tamu " + Xss).Set("GuestIdentityType", "Ktp").Set("GuestIdentityNumber", "KTP<script>alert(1)</script>")
            .Set("GuestInstitution", "Instansi " + Xss).Set("GuestPurpose", "Keperluan " + Xss).Set("GuestTimeIn", WorkflowDriver.NowWib(factory.Clock))))
        {
            await HttpAssert.RedirectsToAsync(r, "/laporan/");
        }
        using var anonymous = WebSession.Create(factory);
        var complaintPage = await anonymous.GetPageAsync("/pengaduan");
        using (var r = await anonymous.PostWithTokenAsync("/pengaduan", new Form().Set("Name", "Pengadu " + Xss).Set("Phone", "0813 7000 1122")
            .Set("Channel", "Web").Set("Text", "Keluhan " + Xss).Set("FormToken", WebPageHelpers.InputValue(complaintPage, "FormToken")),
            WebPageHelpers.GetRequestVerificationToken(complaintPage, "/pengaduan")))
        {
            await HttpAssert.RedirectsToAsync(r, "/pengaduan/terkirim");
        }
        var complaint = await factory.QueryAsync(db => db.Complaints.AsNoTracking().SingleAsync());
        using (var r = await petugas.SubmitFormAsync($"/pengaduan/kelola/{complaint.Id}", $"/pengaduan/kelola/{complaint.Id}/jawab",
            new Form().Set("answer", "Jawaban " + Xss)))
        {
            await HttpAssert.RedirectsToAsync(r, $"/pengaduan/kelola/{complaint.Id}");
        }
        using (var r = await (await _w.As("kadis")).PostFormAsync("/plh", new Form().Set("ActingUserId", await _w.UserIdAsync("kabid.ikp"))
            .Set("StartDate", PlhDate(0)).Set("EndDate", PlhDate(1)).Set("Reason", "Alasan " + Xss)))
        {
            await HttpAssert.RedirectsToAsync(r, "/plh");
        }

        // A failed sign-in with the payload (and a spreadsheet formula) as the user name: the audit log keeps the typed name.
        using (var r = await anonymous.TryLoginAsync(FormulaUserName, "Keliru#2026abcdef"))
        {
            Assert.Contains(Web.Features.Account.AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(r)));
        }

        // Walk every page that shows them.
        var report = await factory.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));
        var walk = new (string Who, string Url)[]
        {
            ("kadis", "/"), ("kadis", "/laporan"), ("kadis", $"/laporan/{id}"), ("kadis", $"/laporan/{id}/tanda-terima"),
            ("kadis", "/skm"), ("kadis", "/plh"), ("kadis", "/notifikasi"), ("kabid.ikp", "/plh"), ("kabid.ikp", "/notifikasi"),
            ("kasi", "/tugas"), ("kasi", $"/laporan/{id}"), ("teknisi", $"/laporan/{id}"), ("teknisi", "/"),
            ("petugas", "/laporan"), ("petugas", "/buku-tamu"), ("petugas", "/pengaduan/kelola"),
            ("petugas", $"/pengaduan/kelola/{complaint.Id}"), ("petugas", "/laporan/baru"),
            ("admin", "/admin/pengguna"), ("admin", "/admin/pengguna?q=xss"), ("admin", "/admin/opd"), ("admin", "/admin/unit"),
            ("admin", $"/admin/opd/{opdId}/ubah"), ("admin", $"/admin/pengguna/{await _w.UserIdAsync("pelapor.xss")}/ubah"),
            ("admin", "/admin/standar-pelayanan"), ("admin", "/"),
            ("admin", "/admin/audit"), ("admin", "/admin/audit?pelaku=" + Uri.EscapeDataString(FormulaUserName)),
            ("admin", "/admin/audit?q=" + Uri.EscapeDataString(Xss)),
        };
        foreach (var (who, url) in walk) pages.Add((who, url, await (await _w.As(who)).GetPageAsync(url)));
        foreach (var url in new[] { "/", "/laporan", $"/laporan/{id}", "/notifikasi", "/laporan/baru", $"/laporan/{id}/tanda-terima" })
        {
            pages.Add(("pelapor.xss", url, await reporter.GetPageAsync(url)));
        }
        pages.Add(("anonymous", "/standar-pelayanan", await anonymous.GetPageAsync("/standar-pelayanan")));
        using (var r = await anonymous.PostFormAsync("/lacak", new Form().Set("Nomor", report.Number).Set("Kode", report.TrackingCode)))
        {
            pages.Add(("anonymous", "/lacak report", await HttpAssert.OkPageAsync(r)));
        }
        using (var r = await anonymous.PostFormAsync("/lacak", new Form().Set("Nomor", complaint.Number).Set("Kode", complaint.TrackingCode)))
        {
            pages.Add(("anonymous", "/lacak complaint", await HttpAssert.OkPageAsync(r)));
        }
        var documents = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Where(d => d.ReportId == id).ToListAsync());
        pages.Add(("anonymous", "/verifikasi/{kode}", await anonymous.GetPageAsync("/verifikasi/" + documents[0].VerificationCode)));

        foreach (var (who, url, html) in pages)
        {
            foreach (var bad in Dangerous)
            {
                Assert.False(html.Contains(bad, StringComparison.OrdinalIgnoreCase), $"{who} {url} contains unescaped \"{bad}\"");
            }
        }
        // The payload was shown (escaped), not dropped: the report page reads it as text.
        Assert.Contains("Uraian " + Xss, WebPageHelpers.Text(pages.Single(p => p.Who == "kadis" && p.Url == $"/laporan/{id}").Html), StringComparison.Ordinal);
        Assert.Contains("Nama " + Xss, WebPageHelpers.Text(pages.Single(p => p.Url == "/admin/pengguna").Html), StringComparison.Ordinal);
        Assert.Contains("Jawaban " + Xss, WebPageHelpers.Text(pages.Single(p => p.Url == "/lacak complaint").Html), StringComparison.Ordinal);
        var audit = WebPageHelpers.Text(pages.Single(p => p.Url == "/admin/audit").Html);
        // The summary quotes the typed name shortened to 100 characters; the actor column shows it whole.
        Assert.Contains($"Masuk gagal sebagai \"{FormulaUserName[..100]}\"", audit, StringComparison.Ordinal);
        Assert.Contains("Nama " + Xss, audit, StringComparison.Ordinal); // the new user's details
        Assert.Contains(FormulaUserName, WebPageHelpers.Text(pages.Single(p => p.Url.StartsWith("/admin/audit?pelaku=", StringComparison.Ordinal)).Html),
            StringComparison.Ordinal);

        // The audit export is a CSV download (never rendered as a page) whose cells cannot start a formula.
        using (var csv = await admin.GetAsync("/admin/audit/ekspor.csv?pelaku=" + Uri.EscapeDataString(FormulaUserName)))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", string.Join(",", csv.Headers.GetValues("X-Content-Type-Options")));
            var rows = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var failed = Assert.Single(rows, row => row.Contains(Core.Domain.Audit.AuditEvents.LoginFailed, StringComparison.Ordinal));
            // The typed name is its own cell, quoted (every cell is) and neutralised with a leading apostrophe.
            Assert.Contains(";\"'" + SpreadsheetCsv.Neutralise(FormulaUserName)[1..].Replace("\"", "\"\"", StringComparison.Ordinal) + "\";", failed, StringComparison.Ordinal);
            Assert.DoesNotMatch(";\"?[=+\\-@]", failed);
        }

        // Every issued PDF opens and carries the payload as text.
        Assert.Contains(documents, d => d.Type == Core.Domain.Documents.DocumentType.WorkBa);
        var kadis = await _w.As("kadis");
        foreach (var document in documents)
        {
            var text = await kadis.TextOfAsync(id, document);
            Assert.True(text.Contains("<script>alert(1)</script>", StringComparison.Ordinal),
                $"{document.Type} v{document.Version} does not show the payload literally: {text[..Math.Min(400, text.Length)]}");
        }
    }

    private const int SatisfactionElements = Core.Domain.Quality.SatisfactionSurvey.ElementCount;

    private async Task PauseAndResumeAsync(int id)
    {
        var teknisi = await _w.As("teknisi");
        using (var r = await teknisi.SubmitFormAsync($"/laporan/{id}", $"/laporan/{id}/jeda", new Form()
            .Set("Reason", "WaitingForDevice").Set("Note", "Jeda " + Xss).Set("Version", await VersionAsync(id))))
        {
            await HttpAssert.RedirectsToAsync(r, $"/laporan/{id}");
        }
        using (var r = await teknisi.SubmitFormAsync($"/laporan/{id}", $"/laporan/{id}/lanjutkan", new Form().Set("Version", await VersionAsync(id))))
        {
            await HttpAssert.RedirectsToAsync(r, $"/laporan/{id}");
        }
        Assert.Equal(1, await factory.QueryAsync(db => db.ReportPauses.CountAsync(p => p.ReportId == id && p.ResumedAtUtc != null)));
    }

    private Task<string> VersionAsync(int id) =>
        factory.QueryAsync(async db => (await db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync()).ToString());

    private static int IdOf(string location) => int.Parse(location["/laporan/".Length..], System.Globalization.CultureInfo.InvariantCulture);

    // Today and tomorrow on the app's clock: the appointment is accepted (its end is not past) even when midnight WIB
    // passes between reading the date and posting the form.
    private string PlhDate(int days) =>
        factory.Clock.TodayWib.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _w.Dispose();
}
