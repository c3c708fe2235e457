using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Intake;

/// <summary>
/// SP4N-LAPOR! tracking numbers (docs/monitoring.md): typed on the report form and the complaint form or by the front
/// desk, checked for their form, shown, and found by the /laporan search and the complaint list's search.
/// </summary>
public sealed class LaporNumbers(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AReportCarriesItsLaporNumberShownAndSearchable()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Dinkes");

        using (var refused = await petugas.PostFormAsync("/laporan/baru",
                   IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Phone)).Set("LaporNumber", "LAP-12")))
        {
            Assert.Contains(LaporNumber.FormatMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(refused)), StringComparison.Ordinal);
        }
        // The form offers no monitoring channel: only alerts open those reports.
        Assert.DoesNotContain($"value=\"{nameof(ReportChannel.Monitoring)}\"", await petugas.GetPageAsync("/laporan/baru"), StringComparison.Ordinal);

        using var response = await petugas.PostFormAsync("/laporan/baru",
            IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Phone)).Set("LaporNumber", "#7712345"));
        var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(response, "/laporan/"));
        Assert.Equal("7712345", await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.LaporNumber).SingleAsync()));
        Assert.Contains("#7712345", WebPageHelpers.Text(await petugas.GetPageAsync($"/laporan/{id}")), StringComparison.Ordinal);

        var number = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        Assert.Contains(number, await petugas.GetPageAsync("/laporan?q=%237712345"), StringComparison.Ordinal);
        Assert.DoesNotContain(number, await petugas.GetPageAsync("/laporan?q=9999999"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AComplaintCarriesItsLaporNumberFromTheFormOrTheFrontDesk()
    {
        using var anonymous = WebSession.Create(factory);
        var html = await anonymous.GetPageAsync("/pengaduan");
        var token = WebPageHelpers.GetRequestVerificationToken(html, "/pengaduan");
        using (var sent = await anonymous.PostWithTokenAsync("/pengaduan",
               [
                   new("Name", "Ahmad Yani"), new("Phone", "0813 7000 1122"), new("Channel", "Web"),
                   new("Text", "Sudah melapor lewat LAPOR! juga, belum ada tindak lanjut."), new("LaporNumber", "5512873"),
                   new("FormToken", WebPageHelpers.InputValue(html, "FormToken")!),
               ], token))
        {
            await HttpAssert.RedirectsToAsync(sent, "/pengaduan/terkirim");
        }
        var complaint = await factory.QueryAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.LaporNumber == "5512873"));

        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        Assert.Contains(complaint.Number, await petugas.GetPageAsync("/pengaduan/kelola?q=5512873"), StringComparison.Ordinal);
        Assert.DoesNotContain(complaint.Number, await petugas.GetPageAsync("/pengaduan/kelola?q=1234567"), StringComparison.Ordinal);

        // The front desk corrects it; a malformed number is refused and changes nothing.
        using (var bad = await petugas.SubmitFormAsync($"/pengaduan/kelola/{complaint.Id}", $"/pengaduan/kelola/{complaint.Id}/lapor", [new("laporNumber", "12ab")]))
        {
            await HttpAssert.RedirectsToAsync(bad, $"/pengaduan/kelola/{complaint.Id}");
        }
        Assert.Equal("5512873", await factory.QueryAsync(db => db.Complaints.Where(c => c.Id == complaint.Id).Select(c => c.LaporNumber).SingleAsync()));
        using (var ok = await petugas.SubmitFormAsync($"/pengaduan/kelola/{complaint.Id}", $"/pengaduan/kelola/{complaint.Id}/lapor", [new("laporNumber", "#6612873")]))
        {
            await HttpAssert.RedirectsToAsync(ok, $"/pengaduan/kelola/{complaint.Id}");
        }
        Assert.Equal("6612873", await factory.QueryAsync(db => db.Complaints.Where(c => c.Id == complaint.Id).Select(c => c.LaporNumber).SingleAsync()));
        Assert.Contains("#6612873", WebPageHelpers.Text(await petugas.GetPageAsync($"/pengaduan/kelola/{complaint.Id}")), StringComparison.Ordinal);
    }
}
