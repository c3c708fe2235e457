using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The SQLite writer's turn (<see cref="SqliteWriteGate"/>, issue #18 point 2): the one serial part of every write, so
/// only what must be atomic happens while it is held, and how long it is waited for and held is measured.
/// </summary>
// The turn exists on SQLite only (a server database orders its writers by its row locks): not run on PostgreSQL.
[Trait("Database", "SqliteOnly")]
public sealed class WriterTurn(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AFilingTheReportRulesRefuseNeverTakesTheWritersTurnAndAValidOneTakesItOnce()
    {
        var reporterId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Id).SingleAsync());
        var actor = (await factory.WithScopeAsync(sp => sp.GetRequiredService<ActorFactory>().ForUserAsync(reporterId)))!;
        var otherOpd = await factory.QueryAsync(db => db.Opds.Where(o => o.Id != actor.OpdId).Select(o => o.Id).FirstAsync());
        NewReport Filing(int opdId) => new(opdId, reporterId, "Rina Marlina", null, null, "+6281260000100", null, ReportChannel.Web,
            DateTime.UtcNow, "Ruang rapat", FaultCategory.NoInternet, "Internet mati sejak pagi");
        using var turns = new Turns();

        var filed = await turns.CountAsync(() => factory.WithScopeAsync(sp => sp.GetRequiredService<ReportService>().ReceiveAsync(Filing(actor.OpdId!.Value), actor)));
        Assert.Equal((1, 1), filed);

        // Another OPD's report through the web channel: the report's own rule refuses it, before any other writer waits.
        var refused = await turns.CountAsync(async () =>
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() =>
                factory.WithScopeAsync(sp => sp.GetRequiredService<ReportService>().ReceiveAsync(Filing(otherOpd), actor)));
            Assert.Contains("OPD Anda sendiri", ex.Message, StringComparison.Ordinal);
        });
        Assert.Equal((0, 0), refused);
    }

    [Fact]
    public async Task TheScraperSeesHowLongTheWritersTurnWasWaitedForAndHeld()
    {
        using var app = Operations.TracesAndMetrics.WithScrapeEndpoint();
        var reporterId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Id).SingleAsync());
        var actor = (await app.WithScopeAsync(sp => sp.GetRequiredService<ActorFactory>().ForUserAsync(reporterId)))!;
        await app.WithScopeAsync(sp => sp.GetRequiredService<ReportService>().ReceiveAsync(new NewReport(actor.OpdId!.Value, reporterId,
            "Rina Marlina", null, null, "+6281260000100", null, ReportChannel.Web, DateTime.UtcNow, "Ruang rapat",
            FaultCategory.NoInternet, "Internet mati sejak pagi"), actor));

        using var client = app.CreateClient();
        var body = await Operations.TracesAndMetrics.ScrapeAsync(client);
        Assert.Contains("nm_sqlite_writer_wait_seconds_count", body, StringComparison.Ordinal);
        Assert.Contains("nm_sqlite_writer_hold_seconds_count", body, StringComparison.Ordinal);
        Assert.Contains("nm_sqlite_writer_hold_seconds_sum", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Counts the writer-turn measurements recorded by the code a test awaits (its async flow), not by the app's
    /// background services meanwhile.
    /// </summary>
    private sealed class Turns : IDisposable
    {
        private static readonly AsyncLocal<StrongBox> Flow = new();
        private readonly MeterListener _listener = new();

        public Turns()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AppTelemetry.DatabaseName) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
            {
                if (Flow.Value is not { } box) return;
                if (instrument.Name == "nm.sqlite.writer.wait") Interlocked.Increment(ref box.Waits);
                if (instrument.Name == "nm.sqlite.writer.hold") Interlocked.Increment(ref box.Holds);
            });
            _listener.Start();
        }

        public async Task<(int Waits, int Holds)> CountAsync(Func<Task> work)
        {
            var box = new StrongBox();
            Flow.Value = box;
            try
            {
                await work();
            }
            finally
            {
                Flow.Value = null!;
            }
            return (box.Waits, box.Holds);
        }

        public void Dispose() => _listener.Dispose();

        private sealed class StrongBox
        {
            public int Waits;
            public int Holds;
        }
    }
}
