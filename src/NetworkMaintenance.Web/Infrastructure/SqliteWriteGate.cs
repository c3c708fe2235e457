using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// One writer at a time on SQLite, queued in the process without holding a thread. SQLite has one writer per file:
/// a second BEGIN IMMEDIATE waits in SQLite's busy handler, which sleeps the calling thread-pool thread and polls with
/// growing pauses (up to 100 ms), so under concurrent filings the waiting threads starved the pool and the writes ran
/// in a convoy (docs/perf-round2/writepath.md). The hot write paths (filing, steps, storing rendered documents) enter
/// this gate before their transaction; other writers still meet SQLite's busy timeout. On a server database the gate is
/// open: the database's row locks order the writers. How long each write path waited for its turn and held it is measured
/// (<see cref="AppTelemetry.WriterWait"/>, <see cref="AppTelemetry.WriterHold"/>): the held time's share of the clock is
/// how busy the one writer is (docs/operations.md). Whether writers are queuing right now (<see cref="Queued"/>) tells
/// background work that can wait (the renderer of issued documents) to let them go first.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // Writers waiting for the turn or holding it.
    private int _writers;

    /// <summary>
    /// Whether a writer is waiting for the turn right now, besides the one holding it: the one writer is then the
    /// bottleneck, and whatever can wait should not add to its work or take the cores its holder needs.
    /// </summary>
    public bool Queued => Volatile.Read(ref _writers) > 1;

    public async ValueTask<Held> EnterAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null) return default;
        // Never a deadlock: a writer that waited this long (a write path nested in another's transaction through a
        // unit of work of its own) goes on without the gate and meets SQLite's busy timeout like any other writer.
        var waiting = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _writers);
        bool entered;
        try
        {
            entered = await _gate.WaitAsync(MaxWait, ct);
        }
        catch
        {
            Interlocked.Decrement(ref _writers);
            throw;
        }
        var now = Stopwatch.GetTimestamp();
        AppTelemetry.WriterWait.Record(Stopwatch.GetElapsedTime(waiting, now).TotalSeconds);
        if (entered) return new Held(this, now);
        Interlocked.Decrement(ref _writers);
        return default;
    }

    public void Dispose() => _gate.Dispose();

    private void Leave()
    {
        Interlocked.Decrement(ref _writers);
        _gate.Release();
    }

    /// <summary>The gate while held; disposing it lets the next writer in.</summary>
    public readonly struct Held(SqliteWriteGate? gate, long enteredAt) : IDisposable
    {
        public void Dispose()
        {
            if (gate is null) return;
            AppTelemetry.WriterHold.Record(Stopwatch.GetElapsedTime(enteredAt).TotalSeconds);
            gate.Leave();
        }
    }
}
