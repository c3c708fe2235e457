using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StackFloor;

/// <summary>
/// The product's SQLite settings on each native connection the first time EF opens it (as its SqlitePragmaInterceptor:
/// busy timeout, foreign keys, synchronous NORMAL, a 512 KiB page cache), so the floor's memory is measured with the
/// same page caches as the product's.
/// </summary>
public sealed class FloorPragmas : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-512;";

    private static readonly object Done = new();
    private readonly ConditionalWeakTable<object, object> _handles = new();

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _handles.TryGetValue(handle, out _)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        _handles.AddOrUpdate(handle, Done);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _handles.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        _handles.AddOrUpdate(handle, Done);
    }
}
