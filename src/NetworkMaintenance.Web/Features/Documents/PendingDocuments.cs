using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>
/// Renders the PDFs of documents issued with <see cref="IssuedDocument.IssuePending"/> after their transaction has
/// committed: from the stored snapshot, sealed when a seal is configured. The request that issued them only wakes the
/// one background renderer (<see cref="Wake"/>, <see cref="PendingDocumentsService"/>), so a filing or a step answers
/// without waiting for PDFsharp and renders never pile up in parallel under load; whoever needs the file before the
/// renderer got to it (a download, the verification page, a signature: <see cref="EnsureRenderedAsync"/>) renders it
/// then. The render runs outside any transaction; the file is then stored in a short one that first removes the
/// document's <see cref="PendingDocumentRender"/>: whoever removes the row stores the file, so a file is stored once
/// even when a download and the renderer both try, and a crash before the store leaves the row for the next pass. The
/// number was taken in the issuing transaction and never changes here. It works in a unit of work of its own, so the
/// caller's tracked entities stay as they were.
/// </summary>
public sealed class PendingDocuments(IServiceScopeFactory scopes, Signatures.DocumentSealer sealer, SqliteWriteGate gate,
    LowPriorityWorker lowPriority, TimeProvider clock, ILogger<PendingDocuments> logger)
{
    /// <summary>
    /// The comment on the renderer's look at its outbox. The background renderer sends it on its own schedule (after a
    /// wake, or every <see cref="PendingDocumentsService.Interval"/>); the tests that count a request's statements leave
    /// it out.
    /// </summary>
    public const string OutboxLookTag = "PendingDocuments: the renderer looks at its outbox";

    // Passes under way (the background renderer's, a download's, a drain's), for RenderAllAsync.
    private int _rendering;

    private Counted Rendering() => new(this);

    private readonly struct Counted : IDisposable
    {
        private readonly PendingDocuments _owner;

        public Counted(PendingDocuments owner)
        {
            _owner = owner;
            Interlocked.Increment(ref owner._rendering);
        }

        public void Dispose() => Interlocked.Decrement(ref _owner._rendering);
    }

    // One slot: any number of wakes before the renderer looks again are one pass.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
    });

    /// <summary>
    /// The longest the background renderer waits at a time for SQLite's writers to stop queuing (<see cref="YieldToWritersAsync"/>);
    /// then it renders one batch all the same and looks again.
    /// </summary>
    public static readonly TimeSpan MaxYield = TimeSpan.FromSeconds(30);

    /// <summary>How often a renderer that waits for the writers looks at their queue again.</summary>
    public static readonly TimeSpan YieldPoll = TimeSpan.FromMilliseconds(100);

    private int _yielding;

    /// <summary>Whether the background renderer is waiting for queued writers right now (<see cref="YieldToWritersAsync"/>).</summary>
    public bool Yielding => Volatile.Read(ref _yielding) == 1;

    /// <summary>
    /// Before each batch, the background renderer lets queued writers go first: while a writer waits for SQLite's one
    /// writer's turn (<see cref="SqliteWriteGate.Queued"/>), that turn is the bottleneck of every filing and step, and a
    /// render would only add its store to the turn and its CPU and garbage to the cores the turn's holder needs. It waits
    /// until no writer queues, at most <see cref="MaxYield"/>; it returns at once when none does (any quiet moment, and
    /// always on a server database, whose gate is open). Nothing is lost meanwhile: the documents stay in the outbox,
    /// and whoever needs one renders it at once (<see cref="EnsureRenderedAsync"/>).
    /// </summary>
    public async Task YieldToWritersAsync(CancellationToken ct)
    {
        if (!gate.Queued) return;
        Volatile.Write(ref _yielding, 1);
        TimeSpan waited;
        try
        {
            // Real time, not the app's clock (tests run the app on a fake one).
            waited = await WaitWhileAsync(() => gate.Queued, MaxYield, YieldPoll, TimeProvider.System, ct);
        }
        finally
        {
            Volatile.Write(ref _yielding, 0);
        }
        logger.LogDebug("The renderer let queued writers go first for {Waited} ms", (long)waited.TotalMilliseconds);
    }

    /// <summary>Waits while <paramref name="condition"/> holds, looking again every <paramref name="poll"/>, at most
    /// <paramref name="max"/>; returns how long it waited.</summary>
    public static Task<TimeSpan> WaitWhileAsync(Func<bool> condition, TimeSpan max, TimeSpan poll, TimeProvider time,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        return WaitWhileAsync(condition, max, poll, time, (delay, token) => Task.Delay(delay, time, token), ct);
    }

    /// <summary>The same, each pause taken by <paramref name="delay"/> (a test passes one that moves a fake clock at
    /// once, so that no continuation runs behind the clock on another thread).</summary>
    public static async Task<TimeSpan> WaitWhileAsync(Func<bool> condition, TimeSpan max, TimeSpan poll, TimeProvider time,
        Func<TimeSpan, CancellationToken, Task> delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(delay);
        var start = time.GetTimestamp();
        while (condition() && time.GetElapsedTime(start) < max) await delay(poll, ct).ConfigureAwait(false);
        return time.GetElapsedTime(start);
    }

    /// <summary>Tells the background renderer that documents were issued (after the issuing transaction's commit).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until <see cref="Wake"/> is called or <paramref name="timeout"/> passes (the renderer's loop).</summary>
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            if (await _wake.Reader.WaitToReadAsync(timer.Token)) _wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The interval passed without a wake: look anyway (the safety net).
        }
    }

    /// <summary>
    /// Renders the document now when it is still pending (someone needs its file before the background renderer got to
    /// it); nothing when it was rendered already.
    /// </summary>
    public async Task EnsureRenderedAsync(int documentId, CancellationToken ct = default)
    {
        using var rendering = Rendering();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.PendingDocumentRenders.AsNoTracking().AnyAsync(p => p.IssuedDocumentId == documentId, ct)) return;
        // Someone waits for this file: rendered on the request's own thread, at the request's priority.
        await RenderOneAsync(db, documentId, inBackground: false, ct);
    }

    /// <summary>
    /// Renders everything pending now, and waits for the documents the background renderer holds, until the outbox is
    /// empty (the test suites, which check stored files right after the request that issued them).
    /// </summary>
    public async Task RenderAllAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        // Real time, not the app's clock (tests run the app on a fake one).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            bool pending;
            await using (var scope = scopes.CreateAsyncScope())
            {
                pending = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PendingDocumentRenders.AnyAsync(ct);
            }
            // Done when nothing is pending and no pass is under way: a render that lost the claim to this drain still
            // sends its claim statement, which must not land in whatever the caller does next.
            if (!pending && Volatile.Read(ref _rendering) == 0) return;
            // Stored nothing while rows remain: the background renderer holds them and stores them in a moment.
            if (!pending || await RenderOldestAsync(50, ct) == 0) await Task.Delay(10, ct);
            if (waited.Elapsed > timeout) throw new TimeoutException($"Issued documents were still not rendered after {timeout}.");
        }
    }

    /// <summary>
    /// The most documents the background pass stores in one writer's turn and one transaction (its BEGIN and COMMIT, a
    /// good part of a store's time in the turn, once for all of them). Under a burst of filings the renderer lags behind
    /// and finds a full batch; otherwise it stores what it found. Small enough that a batch holds the turn for a few
    /// milliseconds (a filing waits behind it).
    /// </summary>
    public const int StoreBatch = 16;

    /// <summary>
    /// Up to <paramref name="batch"/> pending documents, oldest first (the start-up and background pass), rendered one
    /// by one and stored <see cref="StoreBatch"/> at a time. A document that fails to render is logged and left pending,
    /// and the others are rendered: one bad snapshot never holds up the documents issued after it (a download of it
    /// still fails in the open, <see cref="EnsureRenderedAsync"/>). A batch whose store fails is stored again one
    /// document at a time, so a document that cannot be stored holds up no other either.
    /// </summary>
    public async Task<int> RenderOldestAsync(int batch, CancellationToken ct = default)
    {
        using var rendering = Rendering();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.PendingDocumentRenders.AsNoTracking().TagWith(OutboxLookTag).OrderBy(p => p.IssuedDocumentId).Select(p => p.IssuedDocumentId)
            .Take(batch).ToListAsync(ct);
        var stored = 0;
        foreach (var chunk in ids.Chunk(StoreBatch))
        {
            var rendered = new List<Rendered>(chunk.Length);
            foreach (var id in chunk)
            {
                try
                {
                    rendered.Add(await RenderAsync(db, id, inBackground: true, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Rendering document {DocumentId} failed; it stays pending and the others go on", id);
                }
            }
            if (rendered.Count > 0) stored += await StoreOrEachAsync(db, rendered, ct);
        }
        return stored;
    }

    /// <summary>
    /// Stores the rendered files together; when that fails, one by one, so a file that cannot be stored is logged and
    /// left pending without holding up the others.
    /// </summary>
    private async Task<int> StoreOrEachAsync(AppDbContext db, IReadOnlyList<Rendered> rendered, CancellationToken ct)
    {
        try
        {
            return await StoreAsync(db, rendered, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            if (rendered.Count == 1)
            {
                logger.LogError(e, "Storing document {DocumentId} failed; it stays pending and the others go on", rendered[0].Id);
                return 0;
            }
            logger.LogWarning(e, "Storing {Count} rendered documents together failed; storing them one by one", rendered.Count);
            var stored = 0;
            foreach (var one in rendered) stored += await StoreOrEachAsync(db, [one], ct);
            return stored;
        }
    }

    /// <summary>A document's file, rendered from its snapshot (and sealed), not stored yet.</summary>
    private sealed record Rendered(int Id, string Number, byte[] Pdf, (byte[] Pdf, string SignerName, string Subject, string Issuer)? Seal,
        DateTime AtUtc);

    /// <param name="inBackground">Nobody waits for the file: the render and the seal (CPU only) run on the
    /// <see cref="LowPriorityWorker"/>, so under a burst of filings they take the cores the requests leave.</param>
    private async Task<bool> RenderOneAsync(AppDbContext db, int id, bool inBackground, CancellationToken ct) =>
        await StoreAsync(db, [await RenderAsync(db, id, inBackground, ct)], ct) == 1;

    private async Task<Rendered> RenderAsync(AppDbContext db, int id, bool inBackground, CancellationToken ct)
    {
        var source = await db.IssuedDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Type, d.SnapshotJson, d.Number }).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        (byte[] Pdf, (byte[] Pdf, string SignerName, string Subject, string Issuer)? Seal) RenderAndSeal()
        {
            var rendered = OfficialDocumentRenderer.Render(DocumentSnapshot.Deserialize(source.SnapshotJson, ReportDocumentMapper.ModelType(source.Type)));
            // The institutional e-seal first (docs/signatures.md, "Order of signatures"): the unsigned file stays with it.
            return (rendered, sealer.Seal(rendered, now));
        }
        var (pdf, seal) = inBackground ? await lowPriority.RunAsync(RenderAndSeal, ct) : RenderAndSeal();
        return new Rendered(id, source.Number, pdf, seal, now);
    }

    /// <summary>
    /// Stores the rendered files in one writer's turn and one transaction, each only when its outbox row is still there
    /// to remove (the claim); returns how many were stored.
    /// </summary>
    private async Task<int> StoreAsync(AppDbContext db, IReadOnlyList<Rendered> rendered, CancellationToken ct)
    {
        var stored = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            using var writer = await gate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = new List<Rendered>(rendered.Count);
            foreach (var one in rendered)
            {
                // The claim: only the transaction that removes the outbox row stores the file.
                if (await db.PendingDocumentRenders.Where(p => p.IssuedDocumentId == one.Id).ExecuteDeleteAsync(ct) == 1) claimed.Add(one);
            }
            if (claimed.Count == 0)
            {
                await tx.RollbackAsync(ct);
                return claimed;
            }
            var ids = claimed.Select(c => c.Id).ToList();
            var documents = await db.IssuedDocuments.Include(d => d.Signatures).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
            foreach (var one in claimed)
            {
                var document = documents[one.Id];
                document.CompleteRendering(one.Pdf);
                if (one.Seal is { } s)
                {
                    document.AddSignature(s.Pdf, SignatureKind.Seal, "LocalCertificate", null, s.SignerName, s.Subject, s.Issuer, one.AtUtc);
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return claimed;
        });
        db.ChangeTracker.Clear();
        foreach (var one in stored) logger.LogDebug("Rendered document {DocumentId} ({DocumentNumber})", one.Id, one.Number);
        return stored.Count;
    }
}

/// <summary>
/// The background renderer of <see cref="PendingDocuments"/>: one pass at start-up (what a crash left), then one each
/// time a request issued documents (<see cref="PendingDocuments.Wake"/>) and at the latest every <see cref="Interval"/>
/// as a safety net. One document at a time, oldest first, one store batch at a time, each after letting queued writers
/// go first (<see cref="PendingDocuments.YieldToWritersAsync"/>): under a burst of filings the renders wait here instead
/// of taking the writer's turn and the requests' CPU, and are done as soon as the burst is over.
/// </summary>
public sealed class PendingDocumentsService(PendingDocuments pending, ILogger<PendingDocumentsService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var total = 0;
            try
            {
                int rendered;
                do
                {
                    await pending.YieldToWritersAsync(stoppingToken);
                    rendered = await pending.RenderOldestAsync(PendingDocuments.StoreBatch, stoppingToken);
                    total += rendered;
                }
                while (rendered > 0);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Rendering pending documents failed; retrying in {Interval}", Interval);
            }
            if (total > 0) logger.LogInformation("Rendered {Count} pending documents", total);
            try
            {
                await pending.WaitForWorkAsync(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
