using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// One writer at a time on SQLite, queued in the process without holding a thread. SQLite has one writer per file:
/// a second BEGIN IMMEDIATE waits in SQLite's busy handler, which sleeps the calling thread-pool thread and polls with
/// growing pauses (up to 100 ms), so under concurrent filings the waiting threads starved the pool and the writes ran
/// in a convoy (docs/perf-round2/writepath.md). The hot write paths (filing, steps, storing rendered documents) enter
/// this gate before their transaction; other writers still meet SQLite's busy timeout. On a server database the gate is
/// open: the database's row locks order the writers.
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
        return await _gate.WaitAsync(MaxWait, ct) ? new Held(_gate) : default;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The gate while held; disposing it lets the next writer in.</summary>
    public readonly struct Held(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
