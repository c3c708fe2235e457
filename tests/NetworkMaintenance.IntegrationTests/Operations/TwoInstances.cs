using System.Net;
using Microsoft.Data.Sqlite;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>
/// Two app processes on one SQLite database (as behind a load balancer), each with its own data folder and its own
/// home folder, so that no key ring on disk can be shared: the Data Protection keys come from the database, and a
/// sign-in cookie and a form token issued by one process are accepted by the other, in both directions.
/// </summary>
// The embedded database's own file, tools or locking: not run on PostgreSQL (.ci/run, docs/operations.md).
[Trait("Database", "SqliteOnly")]
public sealed class TwoInstances : IDisposable
{
    private const string Kadis = "Selamat datang, Drs. Muhammad Fauzi, M.Si";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "nm-two-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ACookieIssuedByOneProcessWorksOnTheOther()
    {
        var database = Path.Combine(_root, "shared", "networkmaintenance.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        // The first process creates the database (migrations, demo accounts); the second starts on it afterwards.
        using var a = await StartAsync("a", database);
        using var b = await StartAsync("b", database);

        // Signed in on A through its login form (real antiforgery token), the browser goes on with B.
        using (var onA = WebSession.ForAddress(a.BaseAddress))
        {
            await onA.LoginAsAsync("pelapor");
            using var onB = WebSession.ForAddress(b.BaseAddress, CookiesFor(b.BaseAddress, onA.Cookies!.GetCookies(a.BaseAddress)));
            using (var list = await onB.GetAsync("/laporan"))
            {
                Assert.Equal(HttpStatusCode.OK, list.StatusCode);
                Assert.Contains("Keluar", WebPageHelpers.Text(await list.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }

            // A form on B with the cookie from A and B's token: the report is filed as the one signed in on A ...
            var form = await onB.GetPageAsync("/laporan/baru");
            using var filed = await onB.PostWithTokenAsync("/laporan/baru", new Form()
                .Set("ReporterName", "Rina Marlina").Set("ReporterPhone", "0812 6000 0100").Set("Location", "Gedung utama lantai 2")
                .Set("Category", nameof(FaultCategory.NoInternet)).Set("Description", "Internet mati, dilaporkan lewat instans kedua")
                .Set("ConfirmDuplicate", "true"), WebPageHelpers.GetRequestVerificationToken(form, "/laporan/baru"));
            var reportUrl = await HttpAssert.RedirectsToAsync(filed, "/laporan/");
            // ... and A shows it to the same browser.
            var report = WebPageHelpers.Text(await onA.GetPageAsync(reportUrl));
            Assert.Contains("Internet mati, dilaporkan lewat instans kedua", report, StringComparison.Ordinal);
        }

        // The other way round: B's login form posted to A; the cookie A writes opens B's pages.
        var cookies = new CookieContainer();
        using (var viaB = WebSession.ForAddress(b.BaseAddress, cookies))
        using (var viaA = WebSession.ForAddress(a.BaseAddress, cookies))
        {
            var loginPage = await viaB.GetPageAsync("/masuk");
            using var login = await viaA.PostWithTokenAsync("/masuk",
                new Form().Set("UserName", "kadis").Set("Password", Web.Infrastructure.UserProvisioning.DemoPassword),
                WebPageHelpers.GetRequestVerificationToken(loginPage, "/masuk"));
            Assert.Equal("/", await HttpAssert.RedirectsToAsync(login, "/"));
            // One jar for both (cookies do not depend on the port): what A wrote goes to B.
            Assert.Contains(Kadis, WebPageHelpers.Text(await viaB.GetPageAsync("/")), StringComparison.Ordinal);
        }

        // The key ring is in the shared database, and neither process wrote one to its own folders.
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM DataProtectionKeys WHERE Xml LIKE '%<key id=%'";
            Assert.True((long)(await command.ExecuteScalarAsync())! >= 1, "No Data Protection key in the database.");
        }
        var keyFiles = Directory.EnumerateFiles(_root, "key-*.xml", SearchOption.AllDirectories).ToList();
        Assert.True(keyFiles.Count == 0, "A key ring was written to disk: " + string.Join(", ", keyFiles));
        Assert.False(a.HasExited || b.HasExited, "An instance stopped:\n" + a.OutputTail + b.OutputTail);
    }

    /// <summary>Process <paramref name="name"/>: its own data folder and home folder, the shared database.</summary>
    private Task<AppProcess> StartAsync(string name, string database)
    {
        var home = Path.Combine(_root, name);
        Directory.CreateDirectory(home);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = true, DefaultTimeout = 30 }.ToString();
        return AppProcess.StartAsync(Path.Combine(home, "data"),
            new Dictionary<string, string> { ["HOME"] = home, ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share") },
            ("ConnectionStrings:Sqlite", connectionString));
    }

    /// <summary>A cookie jar for <paramref name="address"/> holding <paramref name="cookies"/> (as a browser sends them to both).</summary>
    private static CookieContainer CookiesFor(Uri address, CookieCollection cookies)
    {
        var jar = new CookieContainer();
        foreach (Cookie cookie in cookies) jar.Add(address, new Cookie(cookie.Name, cookie.Value, "/"));
        return jar;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
