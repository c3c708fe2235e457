using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Intake;

/// <summary>The front desk records a report from every channel of the service standard.</summary>
public sealed class FrontDeskChannels(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(nameof(ReportChannel.Email))]
    [InlineData(nameof(ReportChannel.Sms))]
    [InlineData(nameof(ReportChannel.WhatsApp))]
    [InlineData(nameof(ReportChannel.Phone))]
    public async Task RecordsAReportWithItsChannel(string channel)
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Dinkes");
        using var response = await petugas.PostFormAsync("/laporan/baru", IntakeHelpers.FrontDeskReport(opd, channel));
        var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(response, "/laporan/"));

        var report = await factory.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(Enum.Parse<ReportChannel>(channel), report.Channel);
        var page = WebPageHelpers.Text(await petugas.GetPageAsync($"/laporan/{id}"));
        Assert.Contains(Labels.Of(report.Channel), page);
        Assert.Contains(report.TrackingCode, page);
    }

    [Fact]
    public async Task RecordsALetterWithNumberDateAndTheScannedLetter()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Dishub");
        var fields = IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Letter))
            .Set("LetterNumber", "000.8.3.3/15/Dishub/2026").Set("LetterDate", "2026-11-27");
        using var response = await petugas.PostMultipartAsync("/laporan/baru", "/laporan/baru", fields,
            new UploadFile("Attachment", "surat.pdf", IntakeHelpers.Pdf, "application/pdf"));
        var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(response, "/laporan/"));

        var report = await factory.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ReportChannel.Letter, report.Channel);
        Assert.Equal("000.8.3.3/15/Dishub/2026", report.LetterNumber);
        Assert.Equal(new DateOnly(2026, 11, 27), report.LetterDate);
        var attachment = await factory.QueryAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.ReportId == id));
        Assert.Equal("surat.pdf", attachment.OriginalName);
        Assert.Equal("application/pdf", attachment.ContentType);
    }

    [Fact]
    public async Task TheLembarDisposisiOfALetterIsIdentifiedByTheNomorAgendaOfTheIncomingLetter()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Dishub");
        var fields = IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Letter))
            .Set("LetterNumber", "000.8.3.3/16/Dishub/2026").Set("LetterDate", "2026-11-27").Set("LetterAgendaNumber", "AG-0412/2026");
        using var response = await petugas.PostFormAsync("/laporan/baru", fields);
        var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(response, "/laporan/"));
        var report = await factory.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal("AG-0412/2026", report.LetterAgendaNumber);
        Assert.Contains("nomor agenda AG-0412/2026", WebPageHelpers.Text(await petugas.GetPageAsync($"/laporan/{id}")));

        using var w = new WorkflowDriver(factory);
        await w.DisposeAsync(id);
        await w.VerifyAsync(id);
        await w.AssignAsync(id);
        var sheet = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .SingleAsync(d => d.ReportId == id && d.Type == Core.Domain.Documents.DocumentType.DispositionSheet));
        var text = await petugas.TextOfAsync(id, sheet);
        Assert.Contains("Nomor agenda : AG-0412/2026", text, StringComparison.Ordinal);
        Assert.Contains("000.8.3.3/16/Dishub/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nomor agenda : " + report.Number, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANomorAgendaIsKeptOnlyForALetterAndHasALimit()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Dishub");
        // A phone report with a leftover agenda number (the form without JavaScript shows every channel's fields).
        using (var phone = await petugas.PostFormAsync("/laporan/baru",
            IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Phone)).Set("LetterAgendaNumber", "AG-1")))
        {
            var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(phone, "/laporan/"));
            Assert.Null(await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.LetterAgendaNumber).SingleAsync()));
        }
        var tooLong = IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Letter))
            .Set("LetterNumber", "000.8.3.3/17/Dishub/2026").Set("LetterDate", "2026-11-27").Set("LetterAgendaNumber", new string('7', 51));
        using var refused = await petugas.PostFormAsync("/laporan/baru", tooLong);
        Assert.Contains("Nomor agenda surat maksimal 50 karakter.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(refused)));
    }

    [Fact]
    public async Task ALetterWithoutNumberIsRefused()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Dishub");
        using var response = await petugas.PostFormAsync("/laporan/baru", IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Letter)));
        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains("Nomor surat permohonan wajib diisi", WebPageHelpers.Text(html));
    }

    [Fact]
    public async Task RecordsAWalkInWithItsGuestBookEntry()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Disdukcapil");
        var fields = IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.WalkIn))
            .Set("GuestName", "Siti Aminah").Set("GuestIdentityType", "KtaAsn").Set("GuestIdentityNumber", "KTA-12345")
            .Set("GuestInstitution", "Disdukcapil").Set("GuestPurpose", "Melaporkan gangguan jaringan")
            .Set("GuestTimeIn", "2026-11-29T09:00");
        using var response = await petugas.PostFormAsync("/laporan/baru", fields);
        var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(response, "/laporan/"));

        var report = await factory.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ReportChannel.WalkIn, report.Channel);
        var entry = await factory.QueryAsync(db => db.GuestBookEntries.AsNoTracking().SingleAsync(g => g.ReportId == id));
        Assert.Equal("Siti Aminah", entry.VisitorName);
        Assert.Null(entry.TimeOutUtc);

        // The guest book lists the visitor, exports CSV, and records the time out.
        var book = await petugas.GetPageAsync("/buku-tamu?q=Aminah");
        Assert.Contains("Siti Aminah", book);
        using var csv = await petugas.GetAsync("/buku-tamu/csv?q=Aminah");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"Siti Aminah\";\"KTA ASN\";\"KTA-12345\"", await csv.Content.ReadAsStringAsync());
        using var outResponse = await petugas.SubmitFormAsync("/buku-tamu?q=Aminah", $"/buku-tamu/{entry.Id}/keluar", []);
        await HttpAssert.RedirectsToAsync(outResponse, "/buku-tamu");
        Assert.NotNull(await factory.QueryAsync(db => db.GuestBookEntries.Where(g => g.Id == entry.Id).Select(g => g.TimeOutUtc).SingleAsync()));
        var filtered = await petugas.GetPageAsync("/buku-tamu?from=2001-01-01&to=2001-01-02");
        Assert.DoesNotContain("Siti Aminah", filtered[filtered.IndexOf("data-testid=\"guest-book\"", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task AReceivedTimeOrATimeOutOfYearOneGetsAnIndonesianMessageNotAServerError()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Disdukcapil");
        var before = await factory.QueryAsync(db => db.Reports.CountAsync());
        using (var refused = await petugas.PostFormAsync("/laporan/baru",
            IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Phone)).Set("ReceivedAt", "0001-01-01T00:00")))
        {
            Assert.Contains("Tanggal di luar rentang yang didukung", WebPageHelpers.Text(await HttpAssert.OkPageAsync(refused)));
        }
        Assert.Equal(before, await factory.QueryAsync(db => db.Reports.CountAsync()));

        var fields = IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.WalkIn))
            .Set("GuestName", "Budi Santoso").Set("GuestIdentityType", "KtaAsn").Set("GuestIdentityNumber", "KTA-67890")
            .Set("GuestInstitution", "Disdukcapil").Set("GuestPurpose", "Melaporkan gangguan jaringan")
            .Set("GuestTimeIn", "2026-11-29T09:00");
        using var filed = await petugas.PostFormAsync("/laporan/baru", fields);
        var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(filed, "/laporan/"));
        var entry = await factory.QueryAsync(db => db.GuestBookEntries.AsNoTracking().SingleAsync(g => g.ReportId == id));
        using var outResponse = await petugas.SubmitFormAsync("/buku-tamu?q=Budi", $"/buku-tamu/{entry.Id}/keluar",
            [new("timeOut", "0001-01-01T00:00")]);
        await HttpAssert.RedirectsToAsync(outResponse, "/buku-tamu");
        Assert.Contains("Jam keluar Budi Santoso tidak tercatat", WebPageHelpers.Text(await petugas.GetPageAsync("/buku-tamu?q=Budi")));
        Assert.Null(await factory.QueryAsync(db => db.GuestBookEntries.Where(g => g.Id == entry.Id).Select(g => g.TimeOutUtc).SingleAsync()));
    }

    [Fact]
    public async Task AWalkInWithoutAGuestBookEntryIsRefused()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("DLH");
        var before = await factory.QueryAsync(db => db.Reports.CountAsync());
        using var response = await petugas.PostFormAsync("/laporan/baru", IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.WalkIn)));
        var text = WebPageHelpers.Text(await HttpAssert.OkPageAsync(response));
        Assert.Contains("wajib dicatat di buku tamu", text);
        Assert.Equal(before, await factory.QueryAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task TheGuestBookIsForTheFrontDeskOnly()
    {
        using var pelapor = await WebSession.SignedInAsync(factory, "pelapor");
        using var response = await pelapor.GetAsync("/buku-tamu");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ThePossibleDuplicateIsShownAndSentOnlyAfterConfirmation()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Satpol PP");
        var first = IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.Phone)).Set("ConfirmDuplicate", null).Set("Category", "WifiProblem");
        using (var response = await petugas.PostFormAsync("/laporan/baru", first))
        {
            await HttpAssert.RedirectsToAsync(response, "/laporan/");
        }

        var count = await factory.QueryAsync(db => db.Reports.CountAsync(r => r.OpdId == opd));
        using (var response = await petugas.PostFormAsync("/laporan/baru", first))
        {
            var html = await HttpAssert.OkPageAsync(response);
            Assert.Contains("data-testid=\"duplicate-warning\"", html);
            Assert.Contains("Tetap kirim", html);
        }
        Assert.Equal(count, await factory.QueryAsync(db => db.Reports.CountAsync(r => r.OpdId == opd)));

        using (var response = await petugas.PostFormAsync("/laporan/baru", first.Set("ConfirmDuplicate", "true")))
        {
            await HttpAssert.RedirectsToAsync(response, "/laporan/");
        }
        Assert.Equal(count + 1, await factory.QueryAsync(db => db.Reports.CountAsync(r => r.OpdId == opd)));
    }

    [Fact]
    public async Task TheReportPageOffersTheReceiptAndAWhatsAppLinkWithNumberAndCode()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Dinsos");
        using var response = await petugas.PostFormAsync("/laporan/baru", IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.WhatsApp)));
        var id = IntakeHelpers.IdFrom(await HttpAssert.RedirectsToAsync(response, "/laporan/"));
        var report = await factory.QueryAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));

        var html = await petugas.GetPageAsync($"/laporan/{id}");
        Assert.Contains($"/laporan/{id}/tanda-terima", html);
        var wa = System.Text.RegularExpressions.Regex.Match(html, "href=\"(https://wa.me/6281261112233\\?text=[^\"]+)\"").Groups[1].Value;
        var text = Uri.UnescapeDataString(System.Net.WebUtility.HtmlDecode(wa));
        Assert.Contains(report.Number, text);
        Assert.Contains(report.TrackingCode, text);
        Assert.Contains("/lacak?nomor=", text);

        var receipt = WebPageHelpers.Text(await petugas.GetPageAsync($"/laporan/{id}/tanda-terima"));
        Assert.Contains("TANDA TERIMA", receipt);
        Assert.Contains(report.Number, receipt);
        Assert.Contains(report.TrackingCode, receipt);
    }
}
