using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Documents;
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
    /// The background renderer stores what it rendered in batches: one writer's turn and one transaction for up to
    /// <see cref="PendingDocuments.StoreBatch"/> documents, not one each (the turn's fixed cost, BEGIN and COMMIT, once
    /// per batch). Every document is stored, once.
    /// </summary>
    [Fact]
    public async Task TheRendererStoresWhatItRenderedInBatches()
    {
        using var app = WithoutBackgroundRenderer();
        const int filings = PendingDocuments.StoreBatch + 4;
        await FileAsync(app, filings);
        Assert.Equal(filings, await PendingAsync(app));
        using var turns = new Turns();

        var stored = 0;
        var counted = await turns.CountAsync(async () => stored = await app.Services.GetRequiredService<PendingDocuments>().RenderOldestAsync(50));

        Assert.Equal(filings, stored);
        Assert.Equal(2, counted.Holds);
        Assert.Equal(0, await PendingAsync(app));
        var documents = await app.QueryAsync(db => db.IssuedDocuments.AsNoTracking().ToListAsync());
        Assert.Equal(filings, documents.Count);
        Assert.All(documents, d =>
        {
            Assert.False(d.IsPendingRendering);
            Assert.Equal(IssuedDocument.HashOf(d.Pdf), d.Sha256);
        });
    }

    /// <summary>
    /// A document whose store fails fails its batch's transaction; the batch is then stored one document at a time, so
    /// that document stays pending (and is logged) and the others of its batch are stored all the same.
    /// </summary>
    [Fact]
    public async Task ADocumentThatCannotBeStoredHoldsUpNoOtherOfItsBatch()
    {
        var failing = new FailStoringDocument();
        using var app = WithoutBackgroundRenderer(failing);
        await FileAsync(app, 5);
        var ids = await app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PendingDocumentRenders
            .OrderBy(p => p.IssuedDocumentId).Select(p => p.IssuedDocumentId).ToListAsync());
        failing.DocumentId = ids[2];

        var stored = await app.Services.GetRequiredService<PendingDocuments>().RenderOldestAsync(50);

        Assert.Equal(4, stored);
        Assert.Equal([ids[2]], await app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PendingDocumentRenders
            .Select(p => p.IssuedDocumentId).ToListAsync()));
        var logs = await app.ReadLogsAsync();
        Assert.Contains("Storing 5 rendered documents together failed", logs, StringComparison.Ordinal);
        Assert.Contains($"Storing document {ids[2]} failed", logs, StringComparison.Ordinal);

        // The next pass finds that document alone: it fails again, is logged again, and the pass ends normally.
        Assert.Equal(0, await app.Services.GetRequiredService<PendingDocuments>().RenderOldestAsync(50));
        Assert.Equal(1, await PendingAsync(app));
        Assert.Equal(2, Regex.Count(await app.ReadLogsAsync(), $"Storing document {ids[2]} failed"));
    }

    /// <summary>
    /// While writers queue for the turn, the background renderer waits instead of adding its store to the turn and its
    /// CPU and garbage to the cores the turn's holder needs (three alternating pairs of writes-only runs filed 265-277
    /// reports a second against 190-230 with it rendering alongside: docs/performance.md, sixteenth session); the
    /// documents stay in the outbox meanwhile, and are rendered as soon as the queue is gone.
    /// </summary>
    [Fact]
    public async Task TheBackgroundRendererLetsQueuedWritersGoFirstAndRendersOnceTheyAreThrough()
    {
        using var app = new AppFactory();
        await FileAsync(app, 1);
        await PendingRenders.DrainAsync(app.Services);
        var gate = app.Services.GetRequiredService<SqliteWriteGate>();
        var pending = app.Services.GetRequiredService<PendingDocuments>();

        // One writer holds the turn, another waits for it.
        await using var holderScope = app.Services.CreateAsyncScope();
        var held = await gate.EnterAsync(holderScope.ServiceProvider.GetRequiredService<AppDbContext>());
        await using var waiterScope = app.Services.CreateAsyncScope();
        var waiting = gate.EnterAsync(waiterScope.ServiceProvider.GetRequiredService<AppDbContext>()).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.True(gate.Queued);

        // Meanwhile a receipt is back to "issued, not rendered yet", and the renderer is told.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var receipt = await db.IssuedDocuments.OrderByDescending(d => d.Id).FirstAsync();
            await db.IssuedDocuments.Where(d => d.Id == receipt.Id).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.Sha256, "").SetProperty(d => d.Pdf, Array.Empty<byte>()));
            db.PendingDocumentRenders.Add(new PendingDocumentRender(receipt, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        pending.Wake();

        // The renderer waits for the queue instead of rendering.
        await UntilAsync(() => Task.FromResult(pending.Yielding), "the renderer did not wait for the queued writers");
        Assert.Equal(1, await PendingAsync(app));

        held.Dispose();
        (await waiting).Dispose();
        Assert.False(gate.Queued);
        // No wake needed: the waiting pass goes on by itself.
        await UntilAsync(async () => await PendingAsync(app) == 0, "the receipt was not rendered once the writers were through");
        Assert.False(pending.Yielding);
        var rendered = await app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedDocuments.AsNoTracking()
            .OrderByDescending(d => d.Id).FirstAsync());
        Assert.Equal(IssuedDocument.HashOf(rendered.Pdf), rendered.Sha256);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), failure);
            await Task.Delay(20);
        }
    }

    private static AppFactory WithoutBackgroundRenderer(IInterceptor? interceptor = null) => new()
    {
        TestServices = services =>
        {
            // The receipts stay pending until the test's own pass.
            foreach (var renderer in services.Where(d => d.ImplementationType == typeof(PendingDocumentsService)).ToList())
            {
                services.Remove(renderer);
            }
            if (interceptor is not null) services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(interceptor));
        },
    };

    private static async Task FileAsync(AppFactory app, int filings)
    {
        var reporterId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Id).SingleAsync());
        var actor = (await app.WithScopeAsync(sp => sp.GetRequiredService<ActorFactory>().ForUserAsync(reporterId)))!;
        for (var i = 0; i < filings; i++)
        {
            await app.WithScopeAsync(sp => sp.GetRequiredService<ReportService>().ReceiveAsync(new NewReport(actor.OpdId!.Value, reporterId,
                "Rina Marlina", null, null, "+6281260000100", null, ReportChannel.Web, DateTime.UtcNow, $"Ruang rapat {i}",
                FaultCategory.NoInternet, "Internet mati sejak pagi"), actor));
        }
    }

    /// <summary>The documents waiting for their file, counted without QueryAsync (which renders them first).</summary>
    private static Task<int> PendingAsync(AppFactory app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>().PendingDocumentRenders.CountAsync());

    /// <summary>Fails any save that stores the file of one document.</summary>
    private sealed class FailStoringDocument : SaveChangesInterceptor
    {
        public int? DocumentId { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (DocumentId is { } id && eventData.Context!.ChangeTracker.Entries<IssuedDocument>()
                    .Any(e => e.Entity.Id == id && e.State == EntityState.Modified))
            {
                throw new DbUpdateException($"injected failure storing document {id}");
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
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
