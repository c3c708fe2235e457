using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Tells an exception that means "the database cannot be used right now" (file missing, unreadable, corrupt, locked
/// by another writer, disk full, server unreachable) from a bug in a statement. The error page answers 503 for the
/// first kind, and the sign-in cookie check lets a request through to that page instead of failing inside it.
/// </summary>
public static class DatabaseFailure
{
    // SQLite primary result codes: BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
    private static readonly HashSet<int> SqliteUnavailableCodes = [5, 6, 8, 10, 11, 13, 14, 26];

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when SqliteUnavailableCodes.Contains(sqlite.SqliteErrorCode & 0xFF):
                    return true;
                case SqliteException:
                    return false;
                case DbException { IsTransient: true }:
                case RetryLimitExceededException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
