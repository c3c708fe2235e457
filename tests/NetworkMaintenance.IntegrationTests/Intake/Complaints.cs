using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Intake;

/// <summary>A complaint from the public: number and code, handled by the front desk, followed through /lacak.</summary>
public sealed class Complaints(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ComplaintLifecycleFromFormToAnswerReadThroughTracking()
    {
        using var anonymous = WebSession.Create(factory);
        var html = await anonymous.GetPageAsync("/pengaduan");
        var token = WebPageHelpers.GetRequestVerificationToken(html, "/pengaduan");
        var formToken = WebPageHelpers.InputValue(html, "FormToken")!;
        KeyValuePair<string, string>[] fields =
        [
            new("Name", "Ahmad Yani"), new("Phone", "0813 7000 1122"), new("Channel", "Web"),
            new("Text", "Teknisi belum datang padahal sudah lewat satu hari."), new("ReportNumber", "gj-2026-000001"),
            new("FormToken", formToken),
        ];
        using var first = await anonymous.PostWithTokenAsync("/pengaduan", fields, token);
        await HttpAssert.RedirectsToAsync(first, "/pengaduan/terkirim");
        var sent = WebPageHelpers.Text(await anonymous.GetPageAsync("/pengaduan/terkirim"));
        Assert.Matches(@"PGD-\d{4}-000001", sent);

        // The same form posted again (back button, double click) creates nothing new.
        using var again = await anonymous.PostWithTokenAsync("/pengaduan", fields, token);
        await HttpAssert.RedirectsToAsync(again, "/pengaduan/terkirim");
        var complaint = await factory.QueryAsync(db => db.Complaints.AsNoTracking().SingleAsync());
        Assert.Equal("GJ-2026-000001", complaint.ReportNumber);
        Assert.Equal("+6281370001122", complaint.Phone);

        // The front desk takes it up and answers.
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        Assert.Contains(complaint.Number, await petugas.GetPageAsync("/pengaduan/kelola"));
        using (var r = await petugas.SubmitFormAsync($"/pengaduan/kelola/{complaint.Id}", $"/pengaduan/kelola/{complaint.Id}/proses", []))
        {
            await HttpAssert.RedirectsToAsync(r, $"/pengaduan/kelola/{complaint.Id}");
        }
        Assert.Equal(ComplaintStatus.InProgress, await StatusAsync(complaint.Id));
        using (var r = await petugas.SubmitFormAsync($"/pengaduan/kelola/{complaint.Id}", $"/pengaduan/kelola/{complaint.Id}/jawab",
            [new("answer", "Mohon maaf, teknisi kami datang hari ini pukul 10.00 WIB.")]))
        {
            await HttpAssert.RedirectsToAsync(r, $"/pengaduan/kelola/{complaint.Id}");
        }
        Assert.Equal(ComplaintStatus.Answered, await StatusAsync(complaint.Id));

        // The complainant reads the answer with number + code; a wrong code reveals nothing.
        using var track = await anonymous.PostFormAsync("/lacak", [new("Nomor", complaint.Number), new("Kode", complaint.TrackingCode)]);
        var tracked = WebPageHelpers.Text(await HttpAssert.OkPageAsync(track));
        Assert.Contains("Sudah dijawab", tracked);
        Assert.Contains("teknisi kami datang hari ini", tracked);
        using var wrong = await anonymous.PostFormAsync("/lacak", [new("Nomor", complaint.Number), new("Kode", "AAAAAAAA")]);
        Assert.DoesNotContain("teknisi kami datang", WebPageHelpers.Text(await HttpAssert.OkPageAsync(wrong)));
    }

    [Fact]
    public async Task AComplaintWithoutContactIsRefusedInIndonesian()
    {
        using var anonymous = WebSession.Create(factory);
        using var response = await anonymous.PostFormAsync("/pengaduan", [new("Name", "Tanpa Kontak"), new("Text", "Pelayanan lambat sekali."),
            new("FormToken", new string('A', 32))]);
        Assert.Contains("Cantumkan nomor telepon atau email", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
    }

    [Fact]
    public async Task ComplaintManagementIsForTheFrontDesk()
    {
        using var pelapor = await WebSession.SignedInAsync(factory, "pelapor");
        using var response = await pelapor.GetAsync("/pengaduan/kelola");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<ComplaintStatus> StatusAsync(int id) =>
        factory.QueryAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}

/// <summary>The public forms are rate-limited per client: the eleventh post in a minute gets 429 and the Indonesian page.</summary>
public sealed class PublicRateLimit(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheEleventhTrackingPostInAMinuteIsRefusedWith429()
    {
        using var anonymous = WebSession.Create(factory);
        var html = await anonymous.GetPageAsync("/lacak");
        var token = WebPageHelpers.GetRequestVerificationToken(html, "/lacak");
        for (var i = 0; i < 10; i++)
        {
            using var ok = await anonymous.PostWithTokenAsync("/lacak", [new("Nomor", "GJ-2026-000001"), new("Kode", "ABCDEFGH")], token);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var refused = await anonymous.PostWithTokenAsync("/lacak", [new("Nomor", "GJ-2026-000001"), new("Kode", "ABCDEFGH")], token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Terlalu banyak permintaan", WebPageHelpers.Text(await refused.Content.ReadAsStringAsync()));
    }
}
