using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Intake;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.PersonalData;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// UU 27/2022, requests of a data subject (/admin/data-pribadi): an administrator finds one person across the guest
/// book, the complaints, the reports filed without an account and the staff accounts, downloads what is stored as CSV,
/// and erases the guest-book and complaint data with a reason, recorded in the audit log without the person's data;
/// reports and staff accounts stay (official records). Nobody else may use it.
/// </summary>
public sealed class PersonalDataOnRequest(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string PageUrl = "/admin/data-pribadi";
    private const string EraseUrl = PageUrl + "/hapus";

    private sealed record Person(string Name, int GuestId, int ReportId, string ReportNumber, int ComplaintId, string ComplaintNumber, int NamesakeGuestId);

    private async Task<Person> ArrangeAsync()
    {
        var name = "Rina Marlina " + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var identity = "3271" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        using var driver = new WorkflowDriver(factory);
        var petugas = await driver.As("petugas");
        var opd = await factory.OpdIdAsync("Disdukcapil");
        // A walk-in at the front desk: a guest-book line and a report whose reporter has no account.
        using (var response = await petugas.PostFormAsync("/laporan/baru", IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.WalkIn))
            .Set("ReporterName", name).Set("ReporterPhone", "0812 6111 2233")
            .Set("GuestName", name).Set("GuestIdentityType", "Ktp").Set("GuestIdentityNumber", identity)
            .Set("GuestInstitution", "Kelurahan Sukamaju").Set("GuestPurpose", "Melaporkan gangguan jaringan")
            .Set("GuestTimeIn", WorkflowDriver.NowWib(factory.Clock))))
        {
            await HttpAssert.RedirectsToAsync(response, "/laporan/");
        }
        var recordedBy = await factory.UserIdAsync("petugas");
        return await factory.QueryAsync(async db =>
        {
            var guest = await db.GuestBookEntries.SingleAsync(g => g.VisitorName == name);
            var report = await db.Reports.SingleAsync(r => r.ReporterName == name);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var sequence = Random.Shared.NextInt64(100_000, 999_999);
            var complaint = Complaint.Receive(new NewComplaint(name, "+6281261112233", null, ReportChannel.Web,
                "Petugas belum datang.", report.Number, Guid.NewGuid().ToString("N")), 2026, sequence,
                "PD" + sequence.ToString(CultureInfo.InvariantCulture), now);
            // Someone whose name merely contains the person's: never found, never erased.
            var namesake = GuestBookEntry.Record(new GuestVisit(name + "wati", IdentityType.Ktp, "9999000011112222", null,
                "Rapat", now.AddHours(-1), null), recordedBy, now);
            db.AddRange(complaint, namesake);
            await db.SaveChangesAsync();
            return new Person(name, guest.Id, report.Id, report.Number, complaint.Id, complaint.Number, namesake.Id);
        });
    }

    [Fact]
    public async Task AnAdministratorFindsExportsAndErasesOnePersonWithAReasonAndTheAuditLogKeepsNoPersonalData()
    {
        var person = await ArrangeAsync();
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        // Found by the name (any case) and by the phone number typed differently.
        var byName = WebPageHelpers.Text(await admin.GetPageAsync(PageUrl + "?q=" + Uri.EscapeDataString(person.Name.ToLowerInvariant())));
        Assert.Contains("3 catatan ditemukan, 2 dapat dihapus.", byName, StringComparison.Ordinal);
        Assert.Contains(person.ReportNumber, byName, StringComparison.Ordinal);
        Assert.Contains(person.ComplaintNumber, byName, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Name + "wati", byName, StringComparison.Ordinal);
        var byPhone = WebPageHelpers.Text(await admin.GetPageAsync(PageUrl + "?q=" + Uri.EscapeDataString("0812-6111 2233")));
        Assert.Contains(person.ComplaintNumber, byPhone, StringComparison.Ordinal);
        Assert.Contains(person.ReportNumber, byPhone, StringComparison.Ordinal);

        // The CSV export holds every record about the person, and its audit entry none of the person's data.
        using (var export = await admin.GetAsync(PageUrl + "/ekspor.csv?q=" + Uri.EscapeDataString(person.Name)))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
            var rows = ReadCsv(await export.Content.ReadAsByteArrayAsync());
            Assert.Equal(["Sumber", "Nomor / ID", "Nama", "Identitas / NIP", "Telepon", "Email", "Instansi / jabatan", "Tanggal (WIB)", "Keterangan"], rows[0]);
            Assert.Equal(
                [PersonalDataRequests.GuestBookSource, PersonalDataRequests.ComplaintSource, PersonalDataRequests.ReportSource],
                rows.Skip(1).Select(r => r[0]).ToArray());
            Assert.All(rows.Skip(1), r => Assert.Equal(person.Name, r[2]));
            Assert.Equal("Kelurahan Sukamaju", rows[1][6]);
            // The one CSV writer neutralises a leading '+' (a formula trigger in spreadsheets).
            Assert.Equal("'+6281261112233", rows[2][4]);
        }
        var exported = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.EventType == AuditEvents.ExportDownloaded && e.ObjectType == "PersonalData")
            .OrderByDescending(e => e.Id).FirstAsync());
        Assert.DoesNotContain("Rina", exported.Summary + exported.Details, StringComparison.OrdinalIgnoreCase);

        // Without a reason nothing is erased.
        var page = PageUrl + "?q=" + Uri.EscapeDataString(person.Name);
        using (var refused = await admin.SubmitFormAsync(page, EraseUrl, [new("q", person.Name), new("alasan", " ")]))
        {
            Assert.Contains("Alasan penghapusan wajib diisi", WebPageHelpers.Text(await HttpAssert.OkPageAsync(refused)), StringComparison.Ordinal);
        }
        Assert.Equal(person.Name, await factory.QueryAsync(db => db.GuestBookEntries.Where(g => g.Id == person.GuestId).Select(g => g.VisitorName).SingleAsync()));

        using (var erased = await admin.SubmitFormAsync(page, EraseUrl, [new("q", person.Name), new("alasan", "Surat permohonan 12/PDP/XII/2026")]))
        {
            var target = await HttpAssert.RedirectsToAsync(erased, PageUrl);
            var after = WebPageHelpers.Text(await admin.GetPageAsync(target));
            Assert.Contains("Data pribadi dihapus: 1 entri buku tamu dan 1 kontak pengaduan. 1 catatan arsip resmi", after, StringComparison.Ordinal);
            // What is left about the person: the report only (an official record), and nothing more to erase.
            Assert.Contains("1 catatan ditemukan, 0 dapat dihapus.", after, StringComparison.Ordinal);
        }

        await factory.QueryAsync(async db =>
        {
            var guest = await db.GuestBookEntries.SingleAsync(g => g.Id == person.GuestId);
            Assert.Equal((GuestBookEntry.Erased, GuestBookEntry.Erased, (string?)null, "Melaporkan gangguan jaringan"),
                (guest.VisitorName, guest.IdentityNumber, guest.Institution, guest.Purpose));
            var complaint = await db.Complaints.SingleAsync(c => c.Id == person.ComplaintId);
            Assert.Equal((GuestBookEntry.Erased, (string?)null, (string?)null, "Petugas belum datang."),
                (complaint.Name, complaint.Phone, complaint.Email, complaint.Text));
            Assert.Equal(person.Name, await db.Reports.Where(r => r.Id == person.ReportId).Select(r => r.ReporterName).SingleAsync());
            Assert.Equal(person.Name + "wati", await db.GuestBookEntries.Where(g => g.Id == person.NamesakeGuestId).Select(g => g.VisitorName).SingleAsync());

            var entry = await db.AuditEntries.SingleAsync(e => e.EventType == AuditEvents.PersonalDataErasedOnRequest
                && e.Details!.Contains(person.ComplaintNumber));
            Assert.Contains("1 entri buku tamu, 1 kontak pengaduan", entry.Summary, StringComparison.Ordinal);
            Assert.Contains("Surat permohonan 12/PDP/XII/2026", entry.Summary, StringComparison.Ordinal);
            Assert.Equal("admin", entry.ActorUserName);
            Assert.DoesNotContain("Rina", entry.Summary + entry.Details, StringComparison.OrdinalIgnoreCase);
            return 0;
        });
    }

    [Fact]
    public async Task AStaffAccountIsListedAndExportedButNeverErased()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var user = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "teknisi").Select(u => new { u.FullName, u.Email }).SingleAsync());
        var (fullName, email) = (user.FullName, user.Email);

        var html = await admin.GetPageAsync(PageUrl + "?q=" + Uri.EscapeDataString(fullName));
        var text = WebPageHelpers.Text(html);

        Assert.Contains(PersonalDataRequests.AccountSource, text, StringComparison.Ordinal);
        Assert.Contains(fullName, text, StringComparison.Ordinal);
        Assert.Contains("akun pegawai dinonaktifkan, tidak dihapus", text, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"erase-form\"", html, StringComparison.Ordinal);
        // Erased anyway with the same term: the account stays as it is (and active).
        using (var response = await admin.PostWithTokenAsync(EraseUrl, [new("q", fullName), new("alasan", "Permintaan uji")],
            WebPageHelpers.GetRequestVerificationToken(html)))
        {
            await HttpAssert.RedirectsToAsync(response, PageUrl);
        }
        var account = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "teknisi").Select(u => new { u.FullName, u.Email, u.IsActive }).SingleAsync());
        Assert.Equal((fullName, email, true), (account.FullName, account.Email, account.IsActive));
    }

    [Theory]
    [InlineData("petugas")]
    [InlineData("kadis")]
    [InlineData("pelapor")]
    public async Task NobodyButAnAdministratorMayLookUpExportOrErase(string userName)
    {
        var person = await ArrangeAsync();
        using var session = await WebSession.SignedInAsync(factory, userName);
        var q = Uri.EscapeDataString(person.Name);

        foreach (var url in new[] { PageUrl + "?q=" + q, PageUrl + "/ekspor.csv?q=" + q })
        {
            using var response = await session.GetFollowingRedirectsAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Akses ditolak", WebPageHelpers.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        // With the user's own valid antiforgery token (from the sign-out form every page carries): still refused.
        var token = WebPageHelpers.GetRequestVerificationToken(await session.GetPageAsync("/"), "/keluar");
        using (var erase = await session.PostWithTokenAsync(EraseUrl, [new("q", person.Name), new("alasan", "Permintaan")], token))
        {
            await HttpAssert.RedirectsToAsync(erase, "/akses-ditolak");
        }
        Assert.Equal(person.Name, await factory.QueryAsync(db => db.GuestBookEntries.Where(g => g.Id == person.GuestId).Select(g => g.VisitorName).SingleAsync()));
        Assert.Equal(person.Name, await factory.QueryAsync(db => db.Complaints.Where(c => c.Id == person.ComplaintId).Select(c => c.Name).SingleAsync()));
    }

    // RFC 4180 with the app's ';' separator: quoted fields, doubled quotes, CRLF rows.
    private static List<string[]> ReadCsv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else field.Append(c);
        }
        return rows;
    }
}
