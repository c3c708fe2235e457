using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Data.Seeding;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>Chooses the database provider from configuration and prepares the database on start.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "NetworkMaintenance.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "NetworkMaintenance.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "NetworkMaintenance.Migrations.PostgreSql";

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddValidatedSettings<DatabaseOptions, DatabaseOptionsValidator>(configuration, DatabaseOptions.Section);
        var changes = new DataChanges();
        services.AddSingleton(changes);
        // Bounded (Caches:SharedEntries): every entry counts one (ActorFactory, NavCounts, ReferenceLists).
        services.AddMemoryCache();
        services.AddOptions<Microsoft.Extensions.Caching.Memory.MemoryCacheOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<CacheOptions>>((o, caches) => o.SizeLimit = caches.Value.SharedEntries);
        var trackers = changes.Interceptors();
        // Pooled contexts (AddDbContextPool): AppDbContext takes nothing but its options, and every interceptor is a
        // singleton (the PRAGMA interceptor and the DataChanges trackers), so no per-request state lives in a context;
        // EF resets the change tracker, the connection and the transaction when a context goes back to the pool.

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = SqliteConnectionString(configuration, environment, options);
                var interceptor = new SqlitePragmaInterceptor(options.BusyTimeoutMilliseconds, options.SqliteCacheKiB);
                // Kept open connections with the prepared statements of the tagged hot queries; disposed with the app.
                var statements = new SqlitePreparedStatements(connectionString, interceptor.Pragmas, options.PreparedStatementConnections);
                services.AddSingleton(_ => statements);
                services.AddDbContextPool<AppDbContext>(o => o
                    .UseSqlite(connectionString, x =>
                    {
                        x.MigrationsAssembly(SqliteMigrationsAssembly);
                        if (options.RetryingStrategy) x.ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d));
                    })
                    .AddInterceptors(interceptor, statements)
                    .AddInterceptors(trackers)
                    .ConfigureWarnings(Warnings)
                    .EnableThreadSafetyChecks(options.ThreadSafetyChecks));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = configuration.GetConnectionString("SqlServer");
                if (string.IsNullOrWhiteSpace(sqlServer))
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:SqlServer is empty. " +
                        "Set it in configuration or in the environment variable ConnectionStrings__SqlServer.");
                services.AddDbContextPool<AppDbContext>(o => o.UseSqlServer(sqlServer, x => x
                    .MigrationsAssembly(SqlServerMigrationsAssembly)
                    .EnableRetryOnFailure())
                    .AddInterceptors(trackers)
                    .ConfigureWarnings(Warnings)
                    .EnableThreadSafetyChecks(options.ThreadSafetyChecks));
                break;
            case DatabaseProvider.PostgreSql:
                var postgreSql = configuration.GetConnectionString("PostgreSql");
                if (string.IsNullOrWhiteSpace(postgreSql))
                    throw new InvalidOperationException(
                        "Database:Provider is PostgreSql but ConnectionStrings:PostgreSql is empty. " +
                        "Set it in configuration or in the environment variable ConnectionStrings__PostgreSql.");
                // PostgreSQL's LIKE is case-sensitive; SQLite's and SQL Server's (default collation) are not: searches
                // use ILIKE there (PostgreSqlCaseInsensitiveLike), so the same words find the same rows.
                services.AddDbContextPool<AppDbContext>(o => o.UseNpgsql(postgreSql, x => x
                    .MigrationsAssembly(PostgreSqlMigrationsAssembly)
                    .EnableRetryOnFailure())
                    .AddInterceptors(PostgreSqlCaseInsensitiveLike.Instance)
                    .AddInterceptors(trackers)
                    .ConfigureWarnings(Warnings)
                    .EnableThreadSafetyChecks(options.ThreadSafetyChecks));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        return services;
    }

    /// <summary>
    /// The report list counts its matches up to a cap (<see cref="Features.Reports.ReportCount"/>): a row limit without
    /// an order, which EF would log as a warning on every list view. The counted rows are never returned, so their order
    /// does not matter; the queries that return rows order them (ReportFilter.Order).
    /// </summary>
    private static void Warnings(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataDirectory));
    }

    private static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment,
        DatabaseOptions options)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var directory = DataDirectory(configuration, environment);
        Directory.CreateDirectory(directory);
        return SqliteConnectionString(directory, options.CommandTimeoutSeconds);
    }

    /// <summary>
    /// The connection string of the embedded database in <paramref name="dataDirectory"/> (when none is configured).
    /// Microsoft.Data.Sqlite keeps one connection pool per connection string: this is also the key of that file's pool.
    /// </summary>
    public static string SqliteConnectionString(string dataDirectory, int commandTimeoutSeconds) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "networkmaintenance.db"),
            Cache = SqliteCacheMode.Default,
            Pooling = true,
            DefaultTimeout = commandTimeoutSeconds,
        }.ToString();

    /// <summary>Creates or migrates the database and seeds the reference data.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;

        // Migrate is not cheap even when nothing is pending: it also builds the migrations' model snapshot, diffs it with
        // the model (the pending-model-changes check, which CI runs for both providers instead) and takes the migrations
        // lock. Reading the applied migrations is one query, so Migrate runs only when there is something to apply.
        if (options.MigrateOnStartup && (await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            // WAL is a property of the database file: set once, it stays.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await ReferenceData.SeedAsync(db, ct);
        await ServiceStandardSeed.SeedAsync(db, ct);
    }

    /// <summary>
    /// Applies the per-connection SQLite settings once to each physical connection. EF opens and closes its connection
    /// around every query, and the pool hands back the same native handle, whose settings stay as they were set: running
    /// the PRAGMAs again on every open cost one more command per query.
    /// </summary>
    private sealed class SqlitePragmaInterceptor(int busyTimeoutMs, int cacheKiB) : DbConnectionInterceptor
    {
        private readonly string _pragmas =
            $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{cacheKiB};";

        public string Pragmas => _pragmas;

        // Native handles already set up; a handle closed by the pool is collected and drops out.
        private static readonly object Prepared = new();
        private readonly ConditionalWeakTable<object, object> _prepared = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (IsPrepared(connection)) return;
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            MarkPrepared(connection);
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            if (IsPrepared(connection)) return;
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkPrepared(connection);
        }

        private bool IsPrepared(DbConnection connection) =>
            connection is SqliteConnection { Handle: { } handle } && _prepared.TryGetValue(handle, out _);

        private void MarkPrepared(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle }) _prepared.AddOrUpdate(handle, Prepared);
        }
    }
}
