using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Sla;

/// <summary>
/// The app on a fake clock (the SLA monitor's timer off, so tests run its passes themselves), and a quick way
/// to put reports into given states at given times through the real services.
/// </summary>
public sealed class SlaApp : IDisposable
{
    public SlaApp(AppFactory factory, DateTimeOffset start, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        Clock = new FakeTimeProvider(start);
        Factory = factory.WithWebHostBuilder(b =>
        {
            configure?.Invoke(b);
            b.UseSetting("Sla:MonitorEnabled", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        });
        Root = factory;
    }

    public FakeTimeProvider Clock { get; }
    public WebApplicationFactory<Program> Factory { get; }
    public AppFactory Root { get; }
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public void At(DateTime utc) => Clock.SetUtcNow(new DateTimeOffset(utc));

    public async Task<T> ScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs a query once the documents the app issued are rendered (<see cref="PendingRenders"/>).</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await PendingRenders.DrainAsync(Factory.Services);
        return await ScopeAsync(sp => query(sp.GetRequiredService<AppDbContext>()));
    }

    private Task<string> UserIdAsync(string userName) =>
        QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>Receives a report from the BKD reporter at <paramref name="receivedAtUtc"/> (the clock is set there).</summary>
    public async Task<int> ReceiveAsync(DateTime receivedAtUtc, FaultCategory category = FaultCategory.NoInternet,
        string reporter = "pelapor", string description = "Internet mati")
    {
        At(receivedAtUtc);
        var userId = await UserIdAsync(reporter);
        var id = await ScopeAsync(async sp =>
        {
            var actor = (await sp.GetRequiredService<ActorFactory>().ForUserAsync(userId))!;
            var report = await sp.GetRequiredService<ReportService>().ReceiveAsync(new NewReport(actor.OpdId!.Value, userId,
                actor.FullName, null, null, null, null, ReportChannel.Web, receivedAtUtc, "Gedung utama", category,
                description, null, null), actor);
            return report.Id;
        });
        // Its receipt rendered, as the background renderer would a moment later: later checks see a settled app.
        await PendingRenders.DrainAsync(Factory.Services);
        return id;
    }

    /// <summary>Applies one step as <paramref name="userName"/> at the clock's current time; fails the test if refused.</summary>
    public async Task StepAsync(string userName, int id, Func<Report, WorkflowActor, PeopleRefs, DateTime, ReportEvent> step)
    {
        var userId = await UserIdAsync(userName);
        var people = new PeopleRefs(await PersonAsync("kabid"), await PersonAsync("kasi"), await PersonAsync("teknisi"));
        var result = await ScopeAsync(async sp =>
        {
            var actor = (await sp.GetRequiredService<ActorFactory>().ForUserAsync(userId))!;
            var version = (await sp.GetRequiredService<ReportService>().FindAsync(id))!.Version;
            return await sp.GetRequiredService<StepService>().ApplyAsync(id, version, actor, (r, now) => step(r, actor, people, now));
        });
        Assert.True(result is StepOutcome.Done, result.ToString());
        await PendingRenders.DrainAsync(Factory.Services);
    }

    private Task<PersonRef> PersonAsync(string userName) => ScopeAsync(async sp =>
        (await sp.GetRequiredService<StaffDirectory>().PersonAsync(await UserIdAsync(userName)))!);

    /// <summary>Dispose, verify, assign, start and diagnose (in the Data Center): each step ten minutes after the last.</summary>
    public async Task ToRepairingAsync(int id)
    {
        await Next("kadis", id, (r, a, p, now) => r.Dispose(a, new Disposition(p.Kabid, StandardInstruction.UntukDitindaklanjuti, null, null), now));
        await Next("kabid", id, (r, a, p, now) => r.Verify(a, new Disposition(p.Kasi, StandardInstruction.SegeraSelesaikan, null, null), now));
        await Next("kasi", id, (r, a, p, now) => r.Assign(a, new TechnicianAssignment([p.Technician], p.Technician.UserId, StandardInstruction.None, null), now));
        await Next("teknisi", id, (r, a, p, now) => r.StartDiagnosis(a, null, now));
        await Next("teknisi", id, (r, a, p, now) => r.RecordDiagnosis(a, new DiagnosisInput("Putus", "Core switch", "Port mati"), true, now));
    }

    private Task Next(string user, int id, Func<Report, WorkflowActor, PeopleRefs, DateTime, ReportEvent> step)
    {
        Clock.Advance(TimeSpan.FromMinutes(10));
        return StepAsync(user, id, step);
    }

    /// <summary>The technician completes the work at <paramref name="atUtc"/>.</summary>
    public Task CompleteAsync(int id, DateTime atUtc)
    {
        At(atUtc);
        return StepAsync("teknisi", id, (r, a, _, now) => r.CompleteWork(a, new WorkReportInput("Mengganti kabel patch", null, [], []), now));
    }

    public void Dispose() => Factory.Dispose();
}

public sealed record PeopleRefs(PersonRef Kabid, PersonRef Kasi, PersonRef Technician);

/// <summary>
/// Counts the SQL commands sent to one database file, or on PostgreSQL to the factory's database (other test classes
/// run in parallel on their own).
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _dataDirectory;
    private readonly string? _postgresDatabase; // on PostgreSQL: the factory's database instead of its folder
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _inner = [];
    private readonly List<string> _texts = [];
    private int _count;
    private int _savepoints;

    private SqlCommandCounter(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _postgresDatabase = AppFactory.PostgresDatabaseOf(dataDirectory);
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>
    /// Keeps EF Core's diagnostic listener enabled in the whole test process from the first app on (every app factory
    /// calls it), as a counter's own subscription would only be seen by each pooled context once its cached logging
    /// decision expired: a request's commands could then go uncounted. The app itself no longer listens without an
    /// OpenTelemetry exporter (docs/operations.md, "Traces and metrics").
    /// </summary>
    public static void KeepEfDiagnosticsEnabled() => _ = AlwaysOn.Value;

    private static readonly Lazy<IDisposable> AlwaysOn = new(() => DiagnosticListener.AllListeners.Subscribe(new EnabledEverywhere()));

    private sealed class EnabledEverywhere : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name) value.Subscribe(this);
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    /// <summary>
    /// Subscribes, then waits until a command sent through the app (<paramref name="probe"/>) is counted. EF Core's
    /// diagnostic listener is enabled in every pooled context from the start (<see cref="KeepEfDiagnosticsEnabled"/>),
    /// so the first probe is normally seen at once; the wait is on that condition, never a fixed time.
    /// </summary>
    public static async Task<SqlCommandCounter> StartAsync(string dataDirectory, Func<Task> probe)
    {
        var counter = new SqlCommandCounter(dataDirectory);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await probe();
            if (counter.Count > 0) break;
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                counter.Dispose();
                throw new InvalidOperationException("The SQL command counter saw none of the probe's commands within 10 s.");
            }
            await Task.Delay(50);
        }
        counter.Reset();
        return counter;
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The text of every command counted since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<string> Texts
    {
        get { lock (_texts) return [.. _texts]; }
    }

    /// <summary>
    /// Savepoints EF created since the last <see cref="Reset"/> (a statement each, and one more to release it, sent by
    /// the transaction itself rather than as a command, so not in <see cref="Texts"/>).
    /// </summary>
    public int Savepoints => Volatile.Read(ref _savepoints);

    public void Reset()
    {
        lock (_texts) _texts.Clear();
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _savepoints, 0);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_inner) _inner.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && Counted(data.Command.Connection)
            // The background renderer's look at its outbox comes on its own schedule, not from the request counted.
            && !data.Command.CommandText.Contains(PendingDocuments.OutboxLookTag, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
            lock (_texts) _texts.Add(data.Command.CommandText);
        }
        else if (value.Key == RelationalEventId.CreatingTransactionSavepoint.Name && value.Value is TransactionEventData transaction
            && Counted(transaction.Transaction.Connection))
        {
            Interlocked.Increment(ref _savepoints);
        }
    }

    private bool Counted(System.Data.Common.DbConnection? connection) =>
        connection?.DataSource?.StartsWith(_dataDirectory, StringComparison.Ordinal) == true
        || (_postgresDatabase is not null && connection?.Database == _postgresDatabase);

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_inner) _inner.ForEach(s => s.Dispose());
    }
}
