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
/// how busy the one writer is (docs/operations.md).
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<Held> EnterAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null) return default;
        // Never a deadlock: a writer that waited this long (a write path nested in another's transaction through a
        // unit of work of its own) goes on without the gate and meets SQLite's busy timeout like any other writer.
        var waiting = Stopwatch.GetTimestamp();
        var entered = await _gate.WaitAsync(MaxWait, ct);
        var now = Stopwatch.GetTimestamp();
        AppTelemetry.WriterWait.Record(Stopwatch.GetElapsedTime(waiting, now).TotalSeconds);
        return entered ? new Held(_gate, now) : default;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The gate while held; disposing it lets the next writer in.</summary>
    public readonly struct Held(SemaphoreSlim? gate, long enteredAt) : IDisposable
    {
        public void Dispose()
        {
            if (gate is null) return;
            AppTelemetry.WriterHold.Record(Stopwatch.GetElapsedTime(enteredAt).TotalSeconds);
            gate.Release();
        }
    }
}
