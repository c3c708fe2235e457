using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.ServerDatabase;

/// <summary>
/// Two real app processes (<see cref="AppProcess"/>, each with its own data and home folder) on one database: the
/// PostgreSQL server of <c>NM_TEST_POSTGRES</c> in CI's PostgreSQL pass, otherwise one shared SQLite file with the
/// database file store. What one instance stores, the other serves; numbers stay unique and consecutive under parallel
/// posts to both; and the background jobs (SLA monitor, mail outbox), running every second on both, send each
/// escalation and e-mail exactly once because only the holder of the job's lease runs it (docs/operations.md).
/// </summary>
public sealed class TwoInstancesOnOneDatabase : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nm-two-db-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase = AppFactory.PostgresServer is null ? null : "nm_two_" + Guid.NewGuid().ToString("N");
    private string _connectionString = "";

    [Fact]
    public async Task FilesNumbersCookiesAndBackgroundJobsWorkAcrossTwoProcesses()
    {
        var inbox = new Inbox();
        var smtpPort = AppProcess.FreePort();
        using var smtpStop = new CancellationTokenSource();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(inbox);
        var smtp = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost").Port(smtpPort).Build(), services);
        var smtpRunning = smtp.StartAsync(smtpStop.Token);
        try
        {
            using var a = await StartAsync("a", smtpPort);
            using var b = await StartAsync("b", smtpPort);

            // A report with an attachment filed on A ...
            using var reporterOnA = WebSession.ForAddress(a.BaseAddress);
            await reporterOnA.LoginAsAsync("pelapor");
            var photo = Photo();
            var reportId = await FileReportAsync(reporterOnA, "Switch lantai 3 mati, foto terlampir", photo);

            // ... is seen and its attachment downloaded on B with the cookie A wrote ...
            using var reporterOnB = WebSession.ForAddress(b.BaseAddress, CookiesFor(b.BaseAddress, reporterOnA.Cookies!.GetCookies(a.BaseAddress)));
            Assert.Contains("Switch lantai 3 mati", WebPageHelpers.Text(await reporterOnB.GetPageAsync($"/laporan/{reportId}")), StringComparison.Ordinal);
            var attachmentId = await QueryAsync(db => db.Attachments.Where(x => x.ReportId == reportId).Select(x => x.Id).SingleAsync());
            using (var download = await reporterOnB.GetAsync($"/lampiran/{attachmentId}"))
            {
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
            }

            // ... and stepped on B by the Kepala Dinas signed in on B, whose cookie A accepts too.
            using var kadisOnB = WebSession.ForAddress(b.BaseAddress);
            await kadisOnB.LoginAsAsync("kadis");
            using var kadisOnA = WebSession.ForAddress(a.BaseAddress, CookiesFor(a.BaseAddress, kadisOnB.Cookies!.GetCookies(b.BaseAddress)));
            Assert.Equal(HttpStatusCode.OK, (await kadisOnA.GetAsync("/laporan")).StatusCode);
            var kabidId = await QueryAsync(db => db.Users.Where(u => u.UserName == "kabid").Select(u => u.Id).SingleAsync());
            await DisposeAsync(kadisOnB, reportId, kabidId);

            // Parallel reports on both instances (each issues its numbered receipt), then parallel steps on both.
            using var dinkesOnA = WebSession.ForAddress(a.BaseAddress);
            await dinkesOnA.LoginAsAsync("pelapor.dinkes");
            using var dinkesOnB = WebSession.ForAddress(b.BaseAddress, CookiesFor(b.BaseAddress, dinkesOnA.Cookies!.GetCookies(a.BaseAddress)));
            var reporters = new[] { reporterOnA, reporterOnB, dinkesOnA, dinkesOnB };
            var filed = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
                FileReportAsync(reporters[i % reporters.Length], $"Laporan paralel {i + 1}", null)));
            await Task.WhenAll(filed.Select((id, i) => DisposeAsync(i % 2 == 0 ? kadisOnA : kadisOnB, id, kabidId)));

            var numbers = await QueryAsync(db => db.Reports.OrderBy(r => r.Id).Select(r => r.Number).ToListAsync());
            Assert.Equal(13, numbers.Count);
            Assert.Equal(Enumerable.Range(1, 13), numbers.Select(n => int.Parse(n[^6..], CultureInfo.InvariantCulture)).Order());
            var receipts = await QueryAsync(db => db.IssuedDocuments.Where(d => d.Type == DocumentType.Receipt).Select(d => d.Number).ToListAsync());
            Assert.Equal(13, receipts.Count);
            Assert.Equal(13, receipts.Distinct().Count());
            Assert.True(await QueryAsync(db => db.NumberSequences.AllAsync(s => s.LastValue <= 13)), "a counter skipped a number");

            // Both instances run the SLA monitor and the outbox every second (Sla target 36 s): wait until every
            // disposed report is escalated as breached and every e-mail is sent.
            var deadline = DateTime.UtcNow.AddSeconds(150);
            while (true)
            {
                var (breached, unsent) = await QueryAsync(async db => (
                    await db.SlaEscalations.CountAsync(e => e.Kind == SlaEscalationKind.Breach),
                    await db.OutboxEmails.CountAsync(m => m.SentAtUtc == null)));
                if (breached == 13 && unsent == 0) break;
                Assert.True(DateTime.UtcNow < deadline, $"after 150 s: {breached} of 13 reports escalated, {unsent} e-mails unsent\n{a.OutputTail}");
                await Task.Delay(500);
            }

            // Exactly once: the server received each outbox e-mail one time, no more (hand-overs and escalations).
            var outbox = await QueryAsync(db => db.OutboxEmails.Select(m => m.To + "|" + m.Subject + "|" + m.Body).ToListAsync());
            Assert.Contains(outbox, m => m.Contains("melewati batas waktu layanan", StringComparison.Ordinal));
            var received = inbox.Messages.Select(m => m.To.Mailboxes.Single().Address + "|" + m.Subject + "|" + (m.TextBody ?? "").TrimEnd('\r', '\n')).ToList();
            Assert.Equal(outbox.Select(m => m.TrimEnd('\r', '\n')).Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
            var escalations = await QueryAsync(db => db.SlaEscalations.Select(e => new { e.ReportId, e.Kind }).ToListAsync());
            Assert.Equal(escalations.Count, escalations.Distinct().Count());
            // One lease row per single-instance job, shared by both processes.
            Assert.Equal(new[] { JobLeases.MailOutbox, JobLeases.SlaMonitor, JobLeases.WebhookOutbox },
                await QueryAsync(db => db.Leases.Select(l => l.Name).OrderBy(n => n).ToListAsync()));
            // No attachment in either data folder: the bytes are in the shared store.
            Assert.Empty(Directory.GetFiles(_root, "*.png", SearchOption.AllDirectories));
        }
        finally
        {
            await smtpStop.CancelAsync();
            try { await smtpRunning; } catch (OperationCanceledException) { }
        }
    }

    private async Task<AppProcess> StartAsync(string name, int smtpPort)
    {
        var home = Path.Combine(_root, name);
        Directory.CreateDirectory(home);
        var settings = new List<(string, string)>
        {
            ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", smtpPort.ToString(CultureInfo.InvariantCulture)), ("Smtp:PollSeconds", "1"),
            ("Sla:TargetHours", "0.01"), ("Sla:WarningHours", "0.005"), ("Sla:MonitorIntervalSeconds", "1"),
        };
        if (_postgresDatabase is not null)
        {
            if (name == "a") AppFactory.CreatePostgresDatabase(_postgresDatabase);
            _connectionString = AppFactory.PostgresConnectionString(_postgresDatabase);
            // No Files:Store: the database store is the default on a server database.
            settings.AddRange([("Database:Provider", "PostgreSql"), ("ConnectionStrings:PostgreSql", _connectionString)]);
        }
        else
        {
            var file = Path.Combine(_root, "shared", "networkmaintenance.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            _connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ToString();
            settings.AddRange([("ConnectionStrings:Sqlite", _connectionString), ("Files:Store", "Database")]);
        }
        return await AppProcess.StartAsync(Path.Combine(home, "data"),
            new Dictionary<string, string> { ["HOME"] = home, ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share") },
            [.. settings]);
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (_postgresDatabase is not null) options.UseNpgsql(_connectionString);
        else options.UseSqlite(_connectionString);
        await using var db = new AppDbContext(options.Options);
        return await query(db);
    }

    private static byte[] Photo()
    {
        var bytes = new byte[4096];
        Random.Shared.NextBytes(bytes);
        Intake.IntakeHelpers.Png.CopyTo(bytes, 0);
        return bytes;
    }

    private static async Task<int> FileReportAsync(WebSession session, string description, byte[]? photo)
    {
        var fields = new Form()
            .Set("ReporterName", "Rina Marlina").Set("ReporterPhone", "0812 6000 0100").Set("Location", "Gedung utama lantai 3")
            .Set("Category", nameof(FaultCategory.NoInternet)).Set("Description", description).Set("ConfirmDuplicate", "true");
        var files = photo is null ? [] : new[] { new Intake.UploadFile("Attachment", "foto-switch.png", photo, "image/png") };
        using var response = await Intake.IntakeHelpers.PostMultipartAsync(session, "/laporan/baru", "/laporan/baru", fields, files);
        var target = await HttpAssert.RedirectsToAsync(response, "/laporan/");
        return int.Parse(target["/laporan/".Length..], CultureInfo.InvariantCulture);
    }

    private static async Task DisposeAsync(WebSession kadis, int reportId, string kabidId)
    {
        var url = $"/laporan/{reportId}/langkah/{WorkflowAction.Dispose}";
        var html = await kadis.GetPageAsync(url);
        using var response = await kadis.PostWithTokenAsync(url, new Form()
            .Set("TargetUserId", kabidId).Set("Instructions", "UntukDitindaklanjuti").Set("Note", "Mohon segera ditangani")
            .Set("Version", WebPageHelpers.InputValue(html, "Version")), WebPageHelpers.GetRequestVerificationToken(html, url));
        await HttpAssert.RedirectsToAsync(response, $"/laporan/{reportId}");
    }

    private static CookieContainer CookiesFor(Uri address, CookieCollection cookies)
    {
        var jar = new CookieContainer();
        foreach (Cookie cookie in cookies) jar.Add(address, new Cookie(cookie.Name, cookie.Value, "/"));
        return jar;
    }

    public void Dispose()
    {
        if (_postgresDatabase is null && _connectionString is not null) SqlitePools.Release(_connectionString);
        if (_postgresDatabase is not null) AppFactory.DropPostgresDatabase(_postgresDatabase);
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

    private sealed class Inbox : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> _queue = new();
        public IReadOnlyList<MimeMessage> Messages => [.. _queue];

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            _queue.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
