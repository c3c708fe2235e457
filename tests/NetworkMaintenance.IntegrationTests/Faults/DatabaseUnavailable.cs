using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Infrastructure;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Faults;

/// <summary>
/// The database becomes unusable under a running app (production pipeline): the health check says so with 503,
/// every page answers the friendly Indonesian 503 page without internals, no form post leaves part of its work
/// behind, and once the database is back everything works again without a restart.
/// </summary>
// The embedded database's own file, tools or locking: not run on PostgreSQL (.ci/run, docs/operations.md).
[Trait("Database", "SqliteOnly")]
public sealed class DatabaseUnavailable
{
    private static readonly string[] Internals = ["SqliteException", "Exception", "   at ", "Microsoft.", "NetworkMaintenance.", "stack"];

    private static AppFactory ProductionPipeline() => new()
    {
        EnvironmentName = "Staging",
        Settings = new Dictionary<string, string>
        {
            ["Database:BusyTimeoutMilliseconds"] = "200",
            ["Database:CommandTimeoutSeconds"] = "1",
            // The in-memory server speaks plain HTTP.
            ["Security:RequireHttps"] = "false",
        },
        // Identity re-reads the signed-in user's security stamp on every request (normally once a minute), so that the
        // outage also hits that check, as it does in production once the minute has passed.
        TestServices = s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero),
    };

    [Fact]
    public async Task WhenTheDatabaseFileIsUnreadableHealthSays503PagesAreFriendlyAndAllWorksOnceItIsBack()
    {
        using var app = ProductionPipeline();
        using var driver = new WorkflowDriver(app);
        var id = await driver.SubmitAsync();
        await driver.DisposeAsync(id);

        // Forms people had open when the fault struck.
        var verify = await OpenStepAsync(await driver.As("kabid"), id, WorkflowAction.Verify,
            ("TargetUserId", await driver.UserIdAsync("kasi")));
        var pelapor = await driver.As("pelapor");
        var newReportToken = WebPageHelpers.GetRequestVerificationToken(await pelapor.GetPageAsync("/laporan/baru"), "/laporan/baru");
        using var visitor = WebSession.Create(app);
        var loginToken = WebPageHelpers.GetRequestVerificationToken(await visitor.GetPageAsync("/masuk"), "/masuk");
        var before = await CountsAsync(app);
        var connectionString = await app.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));

        // The disk fault: the file under the app is replaced by bytes that are not a SQLite database.
        var database = Path.Combine(app.DataDirectory, "networkmaintenance.db");
        var aside = Path.Combine(app.DataDirectory, "aside");
        Directory.CreateDirectory(aside);
        SqlitePools.Release(connectionString);
        MoveDatabase(app.DataDirectory, aside);
        await File.WriteAllBytesAsync(database, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());
        try
        {
            using (var health = await visitor.GetAsync("/health"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
                Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
                Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
            }

            var kabid = await driver.As("kabid");
            await AssertFriendly503Async(await kabid.GetAsync("/"));
            await AssertFriendly503Async(await kabid.GetAsync($"/laporan/{id}"));
            await AssertFriendly503Async(await kabid.PostWithTokenAsync(verify.Url, verify.Fields, verify.Token));
            await AssertFriendly503Async(await pelapor.PostWithTokenAsync("/laporan/baru", NewReportFields(), newReportToken));
            await AssertFriendly503Async(await visitor.PostWithTokenAsync("/masuk",
                [new("UserName", "kadis"), new("Password", UserProvisioning.DemoPassword)], loginToken));
        }
        finally
        {
            // The volume is repaired: the real file is put back.
            SqlitePools.Release(connectionString);
            foreach (var file in Directory.GetFiles(app.DataDirectory, "networkmaintenance.db*")) File.Delete(file);
            MoveDatabase(aside, app.DataDirectory);
        }

        using (var health = await visitor.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(ReportStatus.DisposedToKabid, await driver.StatusAsync(id));

        // The same people carry on: the step, a new report, a sign-in.
        await driver.VerifyAsync(id);
        Assert.Single(await driver.EventsAsync(id), e => e.Action == WorkflowAction.Verify);
        var next = await driver.SubmitAsync();
        Assert.Equal("GJ-" + await YearAsync(app) + "-000002", await app.QueryAsync(db => db.Reports.Where(r => r.Id == next).Select(r => r.Number).SingleAsync()));
        await visitor.LoginAsAsync("kadis");
    }

    [Fact]
    public async Task WhenAnotherProcessHoldsTheWriteLockAStepFailsWhole503AndSucceedsAfterwards()
    {
        using var app = ProductionPipeline();
        using var driver = new WorkflowDriver(app);
        var id = await driver.SubmitAsync();
        await driver.DisposeAsync(id);
        await driver.VerifyAsync(id);
        var assign = await OpenStepAsync(await driver.As("kasi"), id, WorkflowAction.Assign,
            ("TechnicianIds", await driver.UserIdAsync("teknisi")), ("LeadUserId", await driver.UserIdAsync("teknisi")),
            ("Instructions", "Koordinasikan"));
        var pelapor = await driver.As("pelapor");
        var newReportToken = WebPageHelpers.GetRequestVerificationToken(await pelapor.GetPageAsync("/laporan/baru"), "/laporan/baru");
        var before = await CountsAsync(app);

        // A maintenance job (a sqlite3 shell, a bulk import) takes the write lock and keeps it. Reads go on.
        var database = Path.Combine(app.DataDirectory, "networkmaintenance.db");
        await using (var job = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            await job.OpenAsync();
            await using (var begin = job.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            var kasi = await driver.As("kasi");
            // The assignment would issue the disposition sheet, notify the technicians and queue their e-mail: all or nothing.
            await AssertFriendly503Async(await kasi.PostWithTokenAsync(assign.Url, assign.Fields, assign.Token));
            await AssertFriendly503Async(await pelapor.PostWithTokenAsync("/laporan/baru", NewReportFields(), newReportToken));
            // Reading still works while the lock is held.
            Assert.Contains("Laporan", WebPageHelpers.Text(await kasi.GetPageAsync($"/laporan/{id}")), StringComparison.Ordinal);
            using var health = await kasi.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            await using var rollback = job.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        Assert.Equal(before, await CountsAsync(app));
        Assert.Equal(ReportStatus.DisposedToKasi, await driver.StatusAsync(id));
        await driver.AssignAsync(id);
        Assert.Single(await app.QueryAsync(db => db.IssuedDocuments.Where(d => d.ReportId == id
            && d.Type == Core.Domain.Documents.DocumentType.DispositionSheet).ToListAsync()));
        var next = await driver.SubmitAsync();
        Assert.Equal("GJ-" + await YearAsync(app) + "-000002", await app.QueryAsync(db => db.Reports.Where(r => r.Id == next).Select(r => r.Number).SingleAsync()));
    }

    private static async Task AssertFriendly503Async(HttpResponseMessage response)
    {
        using (response)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var text = WebPageHelpers.Text(html);
            Assert.Contains("Layanan sementara tidak tersedia", text, StringComparison.Ordinal);
            Assert.Contains("Data yang sudah tersimpan tetap aman", text, StringComparison.Ordinal);
            foreach (var word in Internals) Assert.DoesNotContain(word, text, StringComparison.Ordinal);
            Assert.Equal("30", response.Headers.RetryAfter?.ToString());
        }
    }

    private sealed record OpenForm(string Url, string Token, List<KeyValuePair<string, string>> Fields);

    private static async Task<OpenForm> OpenStepAsync(WebSession session, int id, WorkflowAction action, params (string, string)[] fields)
    {
        var url = $"/laporan/{id}/langkah/{action}";
        var html = await session.GetPageAsync(url);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).ToList();
        all.Add(new("Version", WebPageHelpers.InputValue(html, "Version")!));
        return new OpenForm(url, WebPageHelpers.GetRequestVerificationToken(html, url), all);
    }

    private static List<KeyValuePair<string, string>> NewReportFields() =>
    [
        new("ReporterName", "Rina Marlina"), new("ReporterPhone", "0812 6000 0100"), new("Location", "Gedung utama lantai 2"),
        new("Category", nameof(FaultCategory.NoInternet)), new("Description", "Internet di ruang kepegawaian mati sejak pagi"),
        new("ConfirmDuplicate", "true"),
    ];

    /// <summary>What any write would change: row counts of everything a step or a new report writes, and the counters.</summary>
    private static Task<string> CountsAsync(AppFactory app) => app.QueryAsync(async db => string.Join(",",
        await db.Reports.CountAsync(), await db.ReportEvents.CountAsync(), await db.IssuedDocuments.CountAsync(),
        await db.Notifications.CountAsync(), await db.OutboxEmails.CountAsync(), await db.ReportAssignments.CountAsync(),
        await db.NumberSequences.SumAsync(s => s.LastValue)));

    private static Task<string> YearAsync(AppFactory app) =>
        app.QueryAsync(async db => (await db.Reports.OrderBy(r => r.Id).Select(r => r.Number).FirstAsync()).Split('-')[1]);

    private static void MoveDatabase(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "networkmaintenance.db*"))
        {
            File.Move(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
