using Microsoft.Data.Sqlite;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>
/// Releases the pooled connections of ONE embedded database. Never SqliteConnection.ClearAllPools in a test: the test
/// classes run in parallel in one process, and clearing every pool can dispose the native handle of a connection another
/// test is opening at that very moment (Microsoft.Data.Sqlite reclaims it as leaked), which that test sees as a 500.
/// </summary>
internal static class SqlitePools
{
    /// <summary>The pool of the app's database in <paramref name="dataDirectory"/> (its default connection string).</summary>
    public static void ReleaseDataDirectory(string dataDirectory) =>
        Release(DatabaseSetup.SqliteConnectionString(Path.GetFullPath(dataDirectory), new DatabaseOptions().CommandTimeoutSeconds));

    /// <summary>The pool of <paramref name="connectionString"/> (pools are kept per connection string).</summary>
    public static void Release(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
