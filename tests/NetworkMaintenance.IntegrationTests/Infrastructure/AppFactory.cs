using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.Core.Data;
using Npgsql;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// Hosts the whole app in memory on a real SQLite database file in a fresh temporary folder, in the Development
/// environment with the demo accounts seeded. One instance per test class (<c>IClassFixture&lt;AppFactory&gt;</c>);
/// disposing it deletes the folder (database, logs).
/// With <c>NM_TEST_POSTGRES</c> set to a PostgreSQL server's connection string (<c>.ci/run</c>, docs/operations.md),
/// every instance gets a fresh PostgreSQL database of its own instead of the SQLite file, dropped when it is disposed.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private string? _connectionString;
    private int _cleanedUp;

    private readonly bool _ownsDirectory = true;
    private readonly Dictionary<string, string> _settings = [];

    public AppFactory()
    {
        Sla.SqlCommandCounter.KeepEfDiagnosticsEnabled();
        var id = Guid.NewGuid().ToString("N");
        DataDirectory = Path.Combine(Path.GetTempPath(), "nm-it-" + id);
        Directory.CreateDirectory(DataDirectory);
        if (PostgresServer is not null)
        {
            PostgresDatabase = "nm_it_" + id;
            PostgresDatabases[DataDirectory] = PostgresDatabase;
        }
    }

    // The PostgreSQL database of each data folder, so that a second instance on the same folder uses the same database.
    private static readonly ConcurrentDictionary<string, string> PostgresDatabases = new();
    private int _postgresCreated;

    /// <summary>The PostgreSQL server the suite runs on (<c>NM_TEST_POSTGRES</c>), or null for SQLite.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("NM_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>The PostgreSQL database of the factory on <paramref name="dataDirectory"/> (null on SQLite).</summary>
    public static string? PostgresDatabaseOf(string dataDirectory) =>
        PostgresDatabases.TryGetValue(dataDirectory, out var database) ? database : null;

    /// <summary>This instance's PostgreSQL database (null on SQLite).</summary>
    public string? PostgresDatabase { get; }

    /// <summary>The connection string of a database on the test PostgreSQL server.</summary>
    public static string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    /// <summary>Creates an empty database on the test PostgreSQL server.</summary>
    public static void CreatePostgresDatabase(string database)
    {
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{database}\"";
        command.ExecuteNonQuery();
    }

    /// <summary>Drops a database of the test PostgreSQL server, closing whatever still uses it.</summary>
    public static void DropPostgresDatabase(string database)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(PostgresConnectionString(database)));
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    /// <summary>An app on an existing data folder (a second instance, a restored backup); the folder is left in place.</summary>
    public static AppFactory OnDirectory(string dataDirectory) => new(dataDirectory);

    // xunit class fixtures need exactly one public constructor.
    private AppFactory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDirectory = false;
        if (PostgresServer is not null && PostgresDatabases.TryGetValue(dataDirectory, out var database))
        {
            PostgresDatabase = database;
            _postgresCreated = 1; // the first instance's
        }
    }

    /// <summary>
    /// An app in <paramref name="environment"/> with extra settings (applied after the defaults, so they win),
    /// for the tests that need another environment or the real rate limits. The test owns and disposes it.
    /// </summary>
    public static AppFactory Configured(string environment, params KeyValuePair<string, string>[] settings) =>
        new(environment, settings);

    private AppFactory(string environment, KeyValuePair<string, string>[] settings) : this()
    {
        EnvironmentName = environment;
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>
    /// The hosting environment: Development by default; Staging runs the production pipeline (error pages, no
    /// developer exception page) and still creates the demo accounts.
    /// </summary>
    public string EnvironmentName { get; init; } = Environments.Development;

    /// <summary>Settings applied on top of the defaults (e.g. <c>Database:BusyTimeoutMilliseconds</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings
    {
        get => _settings;
        init
        {
            foreach (var (key, setting) in value)
            {
                _settings[key] = setting;
            }
        }
    }

    /// <summary>
    /// The app's <see cref="TimeProvider"/>: the real time unless the test class moves it
    /// (<see cref="TestClock.KeepAwayFromMidnightWib"/>); tests read "today" and "now" from it. A test that registers a clock
    /// of its own (<see cref="TestServices"/>, the SLA tests' fake clock) replaces it.
    /// </summary>
    public TestClock Clock { get; } = new();

    /// <summary>Service registrations a test changes (applied after the app's own).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Whether the environment asks for the whole suite to run under a retrying execution strategy.</summary>
    public static bool RetryingStrategyRequested =>
        Environment.GetEnvironmentVariable("NM_TEST_RETRYING_STRATEGY") is "1" or "true";

    /// <summary>The folder holding this instance's database file and log files.</summary>
    public string DataDirectory { get; }

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>Adds a configuration setting of the app; only before the first request (the host is built once).</summary>
    public AppFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach WebApplication.CreateBuilder as arguments, so they apply before services are built.
        builder.UseEnvironment(EnvironmentName);
        if (PostgresDatabase is not null)
        {
            if (Interlocked.Exchange(ref _postgresCreated, 1) == 0) CreatePostgresDatabase(PostgresDatabase);
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:PostgreSql", PostgresConnectionString(PostgresDatabase));
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
        }
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:Sqlite", "");
        // NM_TEST_RETRYING_STRATEGY=1 runs the suite under a retrying execution strategy (docs/operations.md), so a
        // transaction opened outside the strategy fails here as it would on SQL Server or PostgreSQL.
        if (RetryingStrategyRequested) builder.UseSetting("Database:RetryingStrategy", "true");
        builder.UseSetting("Demo:Enabled", "true");
        // EF Core's thread-safety check on, as in Development (docs/operations.md), in every environment a test picks: the
        // setting gives EF Core another model, and the app's compiled queries are bound to the first model they meet, so
        // one test process keeps one value.
        builder.UseSetting("Database:ThreadSafetyChecks", "true");
        // One round of the dashboard's warm-up, not the shipped 100 (hundreds of apps start in a run); DashboardWarmUpAtStart
        // puts the shipped number back.
        builder.UseSetting("Caches:DashboardWarmUpRounds", "1");
        // The tests sign in many times a minute from one client; RateLimits tests put the real limits back.
        builder.UseSetting("RateLimiting:LoginPermitLimitPerIp", "100000");
        builder.UseSetting("RateLimiting:LoginPermitLimitPerUser", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder,
            services => services.AddSingleton<TimeProvider>(Clock));
        if (TestServices is not null)
        {
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, TestServices);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        using var scope = host.Services.CreateScope();
        _connectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        return host;
    }

    /// <summary>Runs <paramref name="action"/> with a fresh DI scope of the app (for arranging and checking data).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>
    /// Runs a query on a fresh <see cref="AppDbContext"/>, once the documents the app has issued are rendered: the app
    /// renders them in the background after the issuing request answered (PendingDocuments), so a check of the stored
    /// files first finishes that work, as the renderer would a moment later.
    /// </summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await PendingRenders.DrainAsync(Services);
        return await WithScopeAsync(sp => query(sp.GetRequiredService<AppDbContext>()));
    }

    /// <summary>Everything the app has written to its log files so far.</summary>
    public Task<string> ReadLogsAsync() => ReadLogsAsync(LogDirectory);

    /// <summary>Everything an app has written to the log files in <paramref name="logDirectory"/> so far.</summary>
    public static async Task<string> ReadLogsAsync(string logDirectory)
    {
        if (!Directory.Exists(logDirectory)) return "";
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(logDirectory).Order(StringComparer.Ordinal))
        {
            // The app keeps the file open for writing.
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) CleanUp();
    }

    private void CleanUp()
    {
        if (Interlocked.Exchange(ref _cleanedUp, 1) == 1) return;
        if (PostgresDatabase is not null && _ownsDirectory)
        {
            PostgresDatabases.TryRemove(DataDirectory, out _);
            if (_postgresCreated == 1) DropPostgresDatabase(PostgresDatabase);
            _connectionString = null;
        }
        if (PostgresDatabase is not null && !_ownsDirectory) return;
        if (!_ownsDirectory)
        {
            if (_connectionString is not null) SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
            return;
        }
        if (_connectionString is not null)
        {
            // Pooled connections keep the file open; release only this database's pool.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background writer; the OS temp cleaner will take it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
