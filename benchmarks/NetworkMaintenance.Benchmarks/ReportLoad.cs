using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Benchmarks;

/// <summary>
/// The report page's loading of a report on first sight, in process and on one thread: <see cref="ReportSnapshots"/>
/// with no kept copies, a different random report each time, from a generated SQLite file (docs/performance.md). It
/// prints the CPU time and the bytes allocated per load, which move far less than an HTTP run's throughput on a shared
/// machine. Usage: <c>report-load --db FILE [--loads N]</c>.
/// </summary>
public static class ReportLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (Value("--db") is not { } db || !File.Exists(db))
        {
            Console.Error.WriteLine("Usage: report-load --db FILE [--loads N]   (a file made by `database generate`)");
            return 2;
        }
        var loads = int.Parse(Value("--loads") ?? "4000", CultureInfo.InvariantCulture);
        var kept = int.Parse(Value("--kept") ?? "0", CultureInfo.InvariantCulture);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString();
        // The app's kept connections with their prepared statements (Database:PreparedStatementConnections), when asked.
        using var statements = new SqlitePreparedStatements(connectionString, "PRAGMA cache_size=-512;", kept);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).AddInterceptors(statements).Options;
        int maxId;
        await using (var probe = new AppDbContext(options)) maxId = await probe.Reports.MaxAsync(r => r.Id);
        using var store = new ReportSnapshots.Store(Options.Create(new CacheOptions { ReportPages = 0 }));
        var changes = new DataChanges();
        var random = new Random(18);
        // Pooled contexts, as the app has them (AddDbContextPool).
        var contexts = new PooledDbContextFactory<AppDbContext>(options);

        async Task LoadAsync()
        {
            // One context and one open connection per load, as one request has.
            await using var context = await contexts.CreateDbContextAsync();
            await context.Database.OpenConnectionAsync();
            var report = await new ReportSnapshots(context, store, changes).FindAsync(random.Next(1, maxId + 1));
            if (report is null) throw new InvalidOperationException("A generated report was not found.");
        }

        for (var i = 0; i < Math.Min(loads, 1000); i++) await LoadAsync();
        var times = new double[loads];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < loads; i++)
        {
            var watch = Stopwatch.StartNew();
            await LoadAsync();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / loads;
        var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / loads;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Report loads on first sight ({loads} random reports of {maxId}, one thread, load average {File.ReadAllText("/proc/loadavg").Trim()}):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  median {times[loads / 2] * 1000:F0} µs, p95 {times[(int)(loads * 0.95)] * 1000:F0} µs, CPU {cpuMs * 1000:F0} µs and {allocatedKb:F1} KB allocated per load"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  SQLite memory in use {SQLitePCL.raw.sqlite3_memory_used() / 1024.0:F0} KB (high-water {SQLitePCL.raw.sqlite3_memory_highwater(0) / 1024.0:F0} KB); {kept} kept connections, {statements.Prepared} statements prepared, {statements.Executions} executions"));
        return 0;
    }
}
