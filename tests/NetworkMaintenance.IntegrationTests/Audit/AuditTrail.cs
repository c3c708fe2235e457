using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Audit;

/// <summary>
/// The audit log over real HTTP on a real SQLite file: what sign-ins, workflow steps and downloads record, the
/// administrator's search and CSV export, who may see it, and that the database refuses to change an entry.
/// </summary>
public sealed class AuditTrail(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private const string WrongPassword = "Salah#Sandi2026audit";
    // Forwarded headers count only when a proxy is named; the in-memory server has no client address, so naming any
    // proxy makes the app read X-Forwarded-For as from that proxy (a setting only takes effect before the first request).
    private readonly WorkflowDriver _w = new(factory.WithSetting("ForwardedHeaders:KnownProxies:0", "127.0.0.1"));

    [Fact]
    public async Task AFailedSignInIsRecordedWithTheTypedNameTheTargetAccountAndTheClientIp()
    {
        using var session = FromAddress(WebSession.Create(factory), "203.0.113.7");
        using var response = await session.TryLoginAsync("kasi.aplikasi", WrongPassword);
        await HttpAssert.OkPageAsync(response);

        var entry = Assert.Single(await EntriesAsync(e => e.EventType == AuditEvents.LoginFailed && e.ActorUserName == "kasi.aplikasi"));
        Assert.Null(entry.ActorUserId);
        Assert.Equal("User", entry.ObjectType);
        Assert.Equal(await factory.UserIdAsync("kasi.aplikasi"), entry.ObjectId);
        Assert.Equal("203.0.113.7", entry.ClientIp);
        Assert.Contains("wrong_password", entry.Details, StringComparison.Ordinal);
        Assert.Contains("kata sandi salah", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedSignInUnderAnUnknownNameIsRecordedAnonymously()
    {
        using var session = WebSession.Create(factory);
        using var response = await session.TryLoginAsync("tidak.ada.siapa", WrongPassword);
        await HttpAssert.OkPageAsync(response);

        var entry = Assert.Single(await EntriesAsync(e => e.EventType == AuditEvents.LoginFailed && e.ActorUserName == "tidak.ada.siapa"));
        Assert.Null(entry.ActorUserId);
        Assert.Null(entry.ObjectId);
        Assert.Contains("unknown_user", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuccessfulSignInAndTheLogoutAreRecordedWithTheUserAndTheClientIp()
    {
        var userId = await factory.UserIdAsync("teknisi2");
        using var session = FromAddress(WebSession.Create(factory), "198.51.100.23");
        await session.LoginAsAsync("teknisi2");
        await session.LogoutAsync();

        var signIn = Assert.Single(await EntriesAsync(e => e.EventType == AuditEvents.LoginSucceeded && e.ActorUserId == userId));
        Assert.Equal("teknisi2", signIn.ActorUserName);
        Assert.Equal("198.51.100.23", signIn.ClientIp);
        var logout = Assert.Single(await EntriesAsync(e => e.EventType == AuditEvents.Logout && e.ActorUserId == userId));
        Assert.Equal("teknisi2", logout.ActorUserName);
        Assert.Equal("198.51.100.23", logout.ClientIp);
        Assert.True(logout.Id > signIn.Id);
    }

    [Fact]
    public async Task AWorkflowStepWritesExactlyOneEntryWithTheReportNumber()
    {
        var id = await _w.SubmitAsync(description: "Audit: jaringan lantai 3 putus");
        var number = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        var before = await EntriesAsync(e => e.ObjectType == "Report" && e.ObjectNumber == number);
        var submitted = Assert.Single(before);
        Assert.Equal(AuditEvents.WorkflowStep(WorkflowAction.Submit), submitted.EventType);

        await _w.DisposeAsync(id);

        var after = await EntriesAsync(e => e.ObjectType == "Report" && e.ObjectNumber == number);
        Assert.Equal(2, after.Count);
        var step = after.Single(e => e.Id != submitted.Id);
        Assert.Equal("workflow.dispose", step.EventType);
        Assert.Equal(TestData.Id(id), step.ObjectId);
        Assert.Equal("kadis", step.ActorUserName);
        Assert.Equal(await factory.UserIdAsync("kadis"), step.ActorUserId);
        Assert.Contains(number, step.Summary, StringComparison.Ordinal);
        Assert.Contains(nameof(ReportStatus.DisposedToKabid), step.Details, StringComparison.Ordinal);
        // The step's event and its audit entry were saved together: one of each.
        var events = await _w.EventsAsync(id);
        Assert.Equal(events.Count, after.Count);
    }

    [Fact]
    public async Task ARefusedStepWritesNoEntry()
    {
        var id = await _w.SubmitAsync(description: "Audit: langkah yang ditolak");
        var number = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        // The report moved on after kadis opened the form: the stale post is refused and must leave no audit entry.
        var kadis = await _w.As("kadis");
        var url = $"/laporan/{id}/langkah/{WorkflowAction.Reject}";
        var html = await kadis.GetPageAsync(url);
        await _w.DisposeAsync(id);
        using var stale = await kadis.PostWithTokenAsync(url,
            [new("Reason", "Bukan gangguan jaringan"), new("Version", WebPageHelpers.InputValue(html, "Version")!)],
            WebPageHelpers.GetRequestVerificationToken(html, url));
        await HttpAssert.RedirectsToAsync(stale, $"/laporan/{id}");

        var entries = await EntriesAsync(e => e.ObjectNumber == number && e.ObjectType == "Report");
        Assert.Equal(["workflow.submit", "workflow.dispose"], entries.OrderBy(e => e.Id).Select(e => e.EventType));
    }

    [Fact]
    public async Task ADocumentDownloadIsRecordedWithTheDocumentNumber()
    {
        var id = await _w.SubmitAsync(description: "Audit: unduh tanda terima");
        var document = await factory.QueryAsync(db => db.IssuedDocuments.Where(d => d.ReportId == id).OrderBy(d => d.Id).FirstAsync());
        var pelapor = FromAddress(await _w.As("pelapor"), "192.0.2.45");

        using var response = await pelapor.GetAsync($"/laporan/{id}/dokumen/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);

        var entry = Assert.Single(await EntriesAsync(e => e.EventType == AuditEvents.DocumentDownloaded && e.ObjectId == TestData.Id(document.Id)));
        Assert.Equal(document.Number, entry.ObjectNumber);
        Assert.Equal("pelapor", entry.ActorUserName);
        Assert.Equal("192.0.2.45", entry.ClientIp);
    }

    [Fact]
    public async Task AReportListExportIsRecorded()
    {
        var petugas = await _w.As("petugas");
        using var response = await petugas.GetAsync("/laporan/ekspor.csv?q=zzz-audit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = Assert.Single(await EntriesAsync(e => e.EventType == AuditEvents.ExportDownloaded && e.ActorUserName == "petugas"));
        Assert.Contains("zzz-audit", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdministratorSearchesByWibDateRangeActorEventAndTextNewestFirst()
    {
        await SeedSearchRowsAsync();
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        // 11 January 2027 in WIB runs from 10 January 17:00 UTC to 11 January 17:00 UTC.
        var html = await admin.GetPageAsync("/admin/audit?dari=2027-01-11&sampai=2027-01-11");
        Assert.Equal(["seed-wib-end", "seed-wib-start"], SummariesOf(html));

        html = await admin.GetPageAsync("/admin/audit?dari=2027-01-10&sampai=2027-01-12&pelaku=auditor.b");
        Assert.Equal(["seed-after", "seed-wib-end"], SummariesOf(html));

        html = await admin.GetPageAsync("/admin/audit?dari=2027-01-10&sampai=2027-01-12&jenis=" + AuditEvents.SettingChanged);
        Assert.Equal(["seed-wib-start"], SummariesOf(html));

        html = await admin.GetPageAsync("/admin/audit?dari=2027-01-09&sampai=2027-01-12&q=NMR-AUDIT-77");
        Assert.Equal(["seed-before"], SummariesOf(html));

        html = await admin.GetPageAsync("/admin/audit?dari=2027-01-09&sampai=2027-01-12&jenis=workflow.");
        Assert.Equal(["seed-before"], SummariesOf(html));
    }

    [Fact]
    public async Task AnInvalidRangeShowsAnIndonesianMessage()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var text = WebPageHelpers.Text(await admin.GetPageAsync("/admin/audit?dari=2027-01-12&sampai=2027-01-11"));
        Assert.Contains("Tanggal akhir tidak boleh sebelum tanggal awal.", text, StringComparison.Ordinal);

        text = WebPageHelpers.Text(await admin.GetPageAsync("/admin/audit?jenis=tidak.ada"));
        Assert.Contains("Jenis kejadian tidak dikenal.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsvExportHoldsTheFilteredRowsWithIndonesianHeadersAndWibTimes()
    {
        await SeedSearchRowsAsync();
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        using var response = await admin.GetAsync("/admin/audit/ekspor.csv?dari=2027-01-11&sampai=2027-01-11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', AuditSearch.CsvHeader.Select(h => "\"" + h + "\"")), lines[0]);
        Assert.StartsWith("\"Waktu (WIB)\";\"Jenis kejadian\";", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        // Newest first, times in WIB (UTC+7).
        Assert.StartsWith("\"2027-01-11 23:59:00\";\"Masuk berhasil\";\"login.success\";\"auditor.b\";", lines[1], StringComparison.Ordinal);
        Assert.Contains("seed-wib-end", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"2027-01-11 00:00:00\";\"Pengaturan diubah\";\"setting.changed\";\"auditor.a\";", lines[2], StringComparison.Ordinal);
        Assert.Contains("seed-wib-start", lines[2], StringComparison.Ordinal);

        // The export itself is recorded.
        var export = await EntriesAsync(e => e.EventType == AuditEvents.ExportDownloaded && e.ObjectType == "AuditLog");
        Assert.Contains(export, e => e.ActorUserName == "admin" && e.Details!.Contains("2027-01-11", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pelapor")]
    [InlineData("petugas")]
    [InlineData("kadis")]
    [InlineData("teknisi")]
    public async Task OtherRolesAreRefusedThePageAndTheExport(string userName)
    {
        using var session = await WebSession.SignedInAsync(factory, userName);

        foreach (var url in new[] { "/admin/audit", "/admin/audit/ekspor.csv" })
        {
            using var response = await session.GetAsync(url);
            await HttpAssert.RedirectsToAsync(response, "/akses-ditolak");
            using var followed = await session.GetFollowingRedirectsAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, followed.StatusCode);
        }
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToTheLoginPage()
    {
        using var session = WebSession.Create(factory);
        using var response = await session.GetAsync("/admin/audit/ekspor.csv");
        await HttpAssert.RedirectsToAsync(response, "/masuk");
    }

    [Fact]
    public async Task TheDatabaseRefusesToUpdateOrDeleteAnEntry()
    {
        await SeedSearchRowsAsync();
        var count = await factory.QueryAsync(db => db.AuditEntries.CountAsync());

        // Plain SQL past the context's own check, as a database tool would send it (identifiers quoted for PostgreSQL).
        foreach (var sql in new[]
        {
            "UPDATE \"AuditEntries\" SET \"Summary\" = 'diubah' WHERE \"Summary\" = 'seed-before'",
            "DELETE FROM \"AuditEntries\" WHERE \"Summary\" = 'seed-before'",
            "DELETE FROM \"AuditEntries\"",
        })
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(count, await factory.QueryAsync(db => db.AuditEntries.CountAsync()));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Summary == "seed-before")));
    }

    [Fact]
    public async Task TheAppRefusesToSaveAChangedOrDeletedEntry()
    {
        await SeedSearchRowsAsync();
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var entry = await db.AuditEntries.FirstAsync(e => e.Summary == "seed-before");
            db.AuditEntries.Remove(entry);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
    }

    [Fact]
    public async Task NoEntryEverHoldsAPassword()
    {
        const string newPassword = "Audit#Baru2026sandi";
        const string resetPassword = "Audit#Reset2026sandi";
        // A failed sign-in, a password change, an administrator's reset and a new user: every path that sees one.
        using (var anonymous = WebSession.Create(factory))
        using (await anonymous.TryLoginAsync("teknisi", WrongPassword)) { }
        using (var kabid = await WebSession.SignedInAsync(factory, "kabid.ikp"))
        using (var change = await kabid.PostFormAsync("/akun/kata-sandi",
            [new("CurrentPassword", UserProvisioning.DemoPassword), new("NewPassword", newPassword), new("ConfirmPassword", newPassword)]))
        {
            await HttpAssert.RedirectsToAsync(change, "/");
        }
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var kasiId = await factory.UserIdAsync("kasi.aplikasi");
        using (var reset = await admin.PostFormAsync($"/admin/pengguna/{kasiId}/kata-sandi",
            [new("NewPassword", resetPassword), new("ConfirmPassword", resetPassword)]))
        {
            await HttpAssert.RedirectsToAsync(reset, $"/admin/pengguna/{kasiId}/ubah");
        }

        Assert.Single(await EntriesAsync(e => e.EventType == AuditEvents.PasswordChanged && e.ActorUserName == "kabid.ikp"));
        Assert.Single(await EntriesAsync(e => e.EventType == AuditEvents.UserPasswordReset && e.ObjectId == kasiId));
        var all = await EntriesAsync(_ => true);
        Assert.NotEmpty(all);
        foreach (var secret in new[] { WrongPassword, newPassword, resetPassword, UserProvisioning.DemoPassword })
        {
            Assert.DoesNotContain(all, e => $"{e.Summary}|{e.Details}|{e.ActorUserName}|{e.ObjectId}|{e.ObjectNumber}"
                .Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AdministrationChangesAreRecordedWithoutTheInitialPassword()
    {
        const string initialPassword = "Awal#Audit2026sandi";
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var form = new Form()
            .Set("UserName", "rudi.audit")
            .Set("FullName", "Rudi Hartono")
            .Set("Position", "Teknisi Jaringan")
            .Set("OrgUnitId", TestData.Id(await factory.UnitIdAsync(Core.Data.Seeding.ReferenceData.SeksiInfrastruktur)))
            .AddValue("Roles", Core.Domain.Roles.Teknisi)
            .Set("Password", initialPassword)
            .Set("ConfirmPassword", initialPassword);
        using (var created = await admin.PostFormAsync("/admin/pengguna/baru", form))
        {
            await HttpAssert.RedirectsToAsync(created, "/admin/pengguna");
        }
        var id = await factory.UserIdAsync("rudi.audit");
        using (var edited = await admin.PostFormAsync($"/admin/pengguna/{id}/ubah",
            form.Set("Password", null).Set("ConfirmPassword", null).AddValue("Roles", Core.Domain.Roles.PetugasLayanan)))
        {
            await HttpAssert.RedirectsToAsync(edited, "/admin/pengguna");
        }
        using (var opd = await admin.PostFormAsync("/admin/opd/baru", new Form().Set("Name", "Dinas Audit Percobaan").Set("ShortName", "DAP")))
        {
            await HttpAssert.RedirectsToAsync(opd, "/admin/opd");
        }

        var entries = await EntriesAsync(e => e.ObjectId == id);
        Assert.Equal([AuditEvents.UserCreated, AuditEvents.UserUpdated, AuditEvents.RoleChanged], entries.Select(e => e.EventType));
        Assert.All(entries, e => Assert.Equal("admin", e.ActorUserName));
        Assert.Contains(Core.Domain.Roles.PetugasLayanan, entries[2].Details, StringComparison.Ordinal);
        var opdId = TestData.Id(await factory.OpdIdAsync("DAP"));
        var opdEntry = Assert.Single(await EntriesAsync(e => e.ObjectType == "Opd" && e.ObjectId == opdId));
        Assert.Equal(AuditEvents.SettingChanged, opdEntry.EventType);
        Assert.DoesNotContain(await EntriesAsync(_ => true), e => $"{e.Summary}|{e.Details}".Contains(initialPassword, StringComparison.Ordinal));
    }

    [Fact]
    public void DetailsLoseEveryPropertyThatCouldHoldASecret()
    {
        var json = AuditLog.SafeJson(new
        {
            reason = "wrong_password",
            password = "x1",
            newPassword = "x2",
            trackingCode = "x3",
            nested = new { resetToken = "x4", opd = 5 },
            list = new[] { new { verificationCode = "x5", number = "BA-1" } },
        });

        Assert.Equal("""{"reason":"wrong_password","nested":{"opd":5},"list":[{"number":"BA-1"}]}""", json);
    }

    public void Dispose() => _w.Dispose();

    /// <summary>Entries at the edges of 11 January 2027 WIB, written once per test class (the log is append-only).</summary>
    private static readonly SemaphoreSlim SeedLock = new(1, 1);

    private async Task SeedSearchRowsAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            if (await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Summary == "seed-before"))) return;
            await factory.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AppDbContext>();
                db.AuditEntries.AddRange(
                    // 23:59 WIB on 10 January: outside the 11th.
                    new AuditEntry(Utc(2027, 1, 10, 16, 59), "workflow.dispose", "seed-before", "u-a", "auditor.a", "10.0.0.1",
                        "Report", "999", "NMR-AUDIT-77"),
                    // 00:00 WIB on the 11th.
                    new AuditEntry(Utc(2027, 1, 10, 17, 0), AuditEvents.SettingChanged, "seed-wib-start", "u-a", "auditor.a", "10.0.0.2"),
                    // 23:59 WIB on the 11th.
                    new AuditEntry(Utc(2027, 1, 11, 16, 59), AuditEvents.LoginSucceeded, "seed-wib-end", "u-b", "auditor.b", "10.0.0.3"),
                    // 00:00 WIB on the 12th.
                    new AuditEntry(Utc(2027, 1, 11, 17, 0), AuditEvents.Logout, "seed-after", "u-b", "auditor.b", "10.0.0.4"));
                await db.SaveChangesAsync();
            });
        }
        finally
        {
            SeedLock.Release();
        }
    }

    /// <summary>
    /// The in-memory test server has no client address; with a proxy named, the app takes it from X-Forwarded-For
    /// then, as it does behind a known reverse proxy, so each test names the address it expects to see recorded.
    /// </summary>
    private static WebSession FromAddress(WebSession session, string ip)
    {
        session.Client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return session;
    }

    private static DateTime Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    private static List<string> SummariesOf(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, @"\bseed-[a-z-]+\b").Select(m => m.Value).ToList();

    private Task<List<AuditEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(where).OrderBy(e => e.Id).ToListAsync());
}
