using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// A retrying execution strategy for SQLite, switched on by <c>Database:RetryingStrategy=true</c>. It exists so that the
/// embedded database can run the app under the same rule as SQL Server's <c>EnableRetryOnFailure</c> and PostgreSQL's
/// <c>EnableRetryOnFailure</c>: EF Core refuses a transaction the code opens by hand outside
/// <c>CreateExecutionStrategy().ExecuteAsync</c> when the strategy retries. The test suites run with it
/// (<c>NM_TEST_RETRYING_STRATEGY=1</c>, docs/operations.md), so a hand-made transaction fails on SQLite too, long before
/// a server database meets it. It retries a command that found the database busy or locked by another writer.
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1))
{
    // SQLITE_BUSY, SQLITE_LOCKED.
    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } ||
        exception.InnerException is SqliteException { SqliteErrorCode: 5 or 6 };
}
