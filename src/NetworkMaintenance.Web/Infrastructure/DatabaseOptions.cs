namespace NetworkMaintenance.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file (and logs); relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long SQLite waits for a lock held by another connection.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// SQLite: how long one command (including BEGIN) keeps retrying while another writer holds the lock before it fails
    /// (Microsoft.Data.Sqlite's "Default Timeout"); then the request gets the 503 page instead of hanging.
    /// </summary>
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// SQLite: run under a retrying execution strategy (<see cref="SqliteRetryingExecutionStrategy"/>), as the server
    /// providers always do, so that a transaction opened outside the strategy fails here too (a test setting).
    /// </summary>
    public bool RetryingStrategy { get; set; }

    /// <summary>
    /// EF Core's check that no two queries run on one context at once (<c>EnableThreadSafetyChecks</c>). Every query
    /// enters and leaves it, and each time it sets an async-local value, which copies the request's execution context:
    /// 8 % of a report page's allocations (docs/performance.md, eighteenth session). A context is never shared between
    /// threads here (one per request or background pass, pooled), so the check only ever guards against a programming
    /// error. Off by default; Development's settings and the test suites switch it on, so that such an error still fails
    /// loudly before it ships. One process keeps one value: the setting gives EF Core another model, and the app's
    /// compiled queries are bound to the first model they meet.
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }

    /// <summary>
    /// SQLite: how many idle connections <see cref="SqlitePreparedStatements"/> keeps open with the prepared statements
    /// of the hottest fixed queries (the report page's); each holds its own page cache (<see cref="SqliteCacheKiB"/>),
    /// about 1 MB of SQLite's memory in all with the default. 0 switches the reuse off (those queries are then prepared
    /// on every execution, as all others are). Reading a report on first sight took 2–17 % less CPU with them in each
    /// of five alternating pairs (docs/performance.md, fifteenth session). Four cover two cores' concurrent readers;
    /// beyond them a query takes a connection from the pool as before. A kept connection whose database file has been
    /// replaced under the running app is closed before its next use.
    /// </summary>
    public int PreparedStatementConnections { get; set; } = DefaultPreparedStatementConnections;

    /// <summary>The default of <see cref="PreparedStatementConnections"/>: docs/performance.md.</summary>
    public const int DefaultPreparedStatementConnections = 4;

    /// <summary>
    /// SQLite: the page cache of each open connection, in KiB (<c>PRAGMA cache_size</c>), kept for the connection's life.
    /// The pool holds about one connection per request that ran at the same time (ten under the benchmark's load), each
    /// with up to this much; a page not cached is read again from the operating system's file cache.
    /// </summary>
    public int SqliteCacheKiB { get; set; } = DefaultSqliteCacheKiB;

    /// <summary>The default of <see cref="SqliteCacheKiB"/> (SQLite's own is 2,000 KiB): docs/performance.md.</summary>
    public const int DefaultSqliteCacheKiB = 512;
}

/// <summary>Timeouts that SQLite can use: a negative busy timeout or a zero command timeout would fail every write.</summary>
public sealed class DatabaseOptionsValidator : SettingsValidator<DatabaseOptions>
{
    public override IEnumerable<string> Check(DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
            yield return $"Database:Provider must be Sqlite, SqlServer or PostgreSql (it is {options.Provider}).";
        if (options.BusyTimeoutMilliseconds < 0)
            yield return $"Database:BusyTimeoutMilliseconds must be zero or more (it is {options.BusyTimeoutMilliseconds}).";
        if (options.CommandTimeoutSeconds < 1)
            yield return Positive("Database:CommandTimeoutSeconds", options.CommandTimeoutSeconds);
        if (options.PreparedStatementConnections < 0)
            yield return $"Database:PreparedStatementConnections must be zero or more (it is {options.PreparedStatementConnections}).";
        if (options.SqliteCacheKiB < 64)
            yield return $"Database:SqliteCacheKiB must be at least 64 (it is {options.SqliteCacheKiB}).";
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            yield return "Database:DataDirectory must name a folder.";
    }
}
