using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Reuses SQLite's prepared statements for the hottest fixed queries (issue #18: a third of a report page's time on
/// first sight went to <c>sqlite3_prepare_v2</c>, every command's SQL compiled again).
/// </summary>
/// <remarks>
/// <para>
/// Microsoft.Data.Sqlite keeps a command's prepared statements for as long as the <see cref="SqliteCommand"/> lives with
/// the same text on the same open connection, but EF creates a new command for every execution and closes its
/// connection at the end of each request (a closed connection finalizes its commands' statements), so every query was
/// prepared again. This interceptor runs the queries tagged with <see cref="Tag"/> (<c>TagWith</c>) on a small set of
/// connections of its own that stay open, each holding one <see cref="SqliteCommand"/> per tagged SQL text: the
/// statement is prepared once per connection and then only reset and rebound.
/// </para>
/// <para>
/// Only reads outside a transaction are taken over (a query inside a transaction must see that transaction's writes,
/// so it runs on EF's own connection as before). A read outside a transaction is its own implicit read transaction on
/// any connection; on which connection it runs changes nothing it sees (WAL: every committed write is visible to the
/// next read). A connection serves one open reader at a time (it is taken for the reader's lifetime and given back when
/// the reader is disposed), and idle connections hold no read transaction (a disposed reader resets its statements),
/// so they never hold back a checkpoint. At most <see cref="DatabaseOptions.PreparedStatementConnections"/> idle
/// connections are kept (each with its own page cache); beyond that a connection is closed after use.
/// </para>
/// <para>
/// A kept connection reads the file it opened for as long as it stays open. Before each use it asks SQLite whether that
/// file is still the one at the database's path (<see cref="CanTellMovedFiles"/>); when another file has taken the path
/// (a restored volume, a copy put back), the connection is closed and the query runs on a connection to the file there.
/// </para>
/// </remarks>
public sealed class SqlitePreparedStatements : DbCommandInterceptor, IDisposable
{
    /// <summary>The query tag (<c>TagWith</c>) that asks for a reused prepared statement.</summary>
    public const string Tag = "prepared:reuse";

    /// <summary>At most this many distinct SQL texts per connection (the tagged queries are a handful of fixed texts).</summary>
    public const int MaxStatementsPerConnection = 64;

    // EF writes a query's tags as comment lines before its SQL.
    private const string Marker = "-- " + Tag;

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly int _maxIdle;
    // Last in, first out: the connection used last is used next, so the same few connections hold every statement.
    private readonly ConcurrentStack<Lease> _idle = new();
    private int _idleCount;
    private long _prepared;
    private long _executions;
    private volatile bool _disposed;

    public SqlitePreparedStatements(string connectionString, string pragmas, int maxIdleConnections)
    {
        _connectionString = connectionString;
        _pragmas = pragmas;
        _maxIdle = maxIdleConnections;
    }

    /// <summary>How many commands were prepared (one per SQL text and connection, again only after a connection was closed).</summary>
    public long Prepared => Interlocked.Read(ref _prepared);

    /// <summary>How many tagged queries ran on a kept connection.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result) =>
        Applies(command, result) ? InterceptionResult<DbDataReader>.SuppressWithResult(Execute(command)) : result;

    // Microsoft.Data.Sqlite runs its asynchronous methods synchronously; so does this.
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
    }

    private bool Applies(DbCommand command, InterceptionResult<DbDataReader> result) =>
        _maxIdle > 0 && CanTellMovedFiles && !_disposed && !result.HasResult && command is SqliteCommand && command.Transaction is null
        && command.CommandText.StartsWith(Marker, StringComparison.Ordinal);

    private LeasedReader Execute(DbCommand command)
    {
        var lease = Rent();
        SqliteCommand? prepared = null;
        try
        {
            prepared = lease.CommandFor(command.CommandText, ref _prepared);
            // EF's parameters as they are (name, value and the provider type its mapping chose).
            foreach (SqliteParameter parameter in command.Parameters) prepared.Parameters.Add(parameter);
            var reader = prepared.ExecuteReader();
            Interlocked.Increment(ref _executions);
            return new LeasedReader(reader, () => Return(lease, prepared));
        }
        catch
        {
            prepared?.Parameters.Clear();
            lease.Dispose(); // whatever failed, the next query starts on a fresh connection
            throw;
        }
    }

    private Lease Rent()
    {
        while (_idle.TryPop(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            // A connection keeps reading the file it opened: when another file has taken the path since (a volume
            // restored, a copy put back), it is closed and the query runs on a connection to the file there now.
            if (!lease.FileMoved()) return lease;
            lease.Dispose();
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = _pragmas;
            setup.ExecuteNonQuery();
            return new Lease(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(Lease lease, SqliteCommand prepared)
    {
        prepared.Parameters.Clear();
        if (!_disposed && Interlocked.Increment(ref _idleCount) <= _maxIdle)
        {
            _idle.Push(lease);
            if (_disposed) DrainIdle();
            return;
        }
        Interlocked.Decrement(ref _idleCount);
        lease.Dispose();
    }

    private void DrainIdle()
    {
        while (_idle.TryPop(out var lease))
        {
            Interlocked.Decrement(ref _idleCount);
            lease.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        DrainIdle();
    }

    // SQLite's own answer to "is the file this connection opened still the one at its path?" (SQLITE_FCNTL_HAS_MOVED:
    // the Unix VFS compares the open file's inode with the path's, one stat call). SQLitePCL does not wrap
    // sqlite3_file_control, so it is called in the library Microsoft.Data.Sqlite loaded. Without it, nothing is kept.
    private const string SqliteLibrary = "e_sqlite3";
    private const int SqliteOk = 0;
    private const int SqliteNotFound = 12;
    private const int FileControlHasMoved = 20;

    /// <summary>Whether the bundled SQLite library can say that a database file was moved (else the reuse stays off).</summary>
    public static bool CanTellMovedFiles { get; } =
        NativeLibrary.TryLoad(SqliteLibrary, typeof(SqlitePreparedStatements).Assembly, null, out var library)
        && NativeLibrary.TryGetExport(library, "sqlite3_file_control", out _);

    // Blittable arguments: DllImport needs no unsafe code in the project. A null database name means "main".
    [DllImport(SqliteLibrary, EntryPoint = "sqlite3_file_control")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileControl(IntPtr database, IntPtr name, int operation, ref int value);

    /// <summary>A kept open connection and its prepared commands, used by one reader at a time.</summary>
    private sealed class Lease(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        /// <summary>
        /// Whether the database file this connection opened has been unlinked or renamed since (another file may hold
        /// its path now). A file system that cannot tell (SQLITE_NOTFOUND) cannot replace an open file either.
        /// </summary>
        public bool FileMoved()
        {
            if (connection.Handle is not { IsInvalid: false } handle) return true;
            var moved = 0;
            var result = FileControl(handle.DangerousGetHandle(), IntPtr.Zero, FileControlHasMoved, ref moved);
            return result switch
            {
                SqliteOk => moved != 0,
                SqliteNotFound => false,
                _ => true,
            };
        }

        public SqliteCommand CommandFor(string sql, ref long prepared)
        {
            if (_commands.TryGetValue(sql, out var command)) return command;
            if (_commands.Count >= MaxStatementsPerConnection)
            {
                foreach (var old in _commands.Values) old.Dispose();
                _commands.Clear();
            }
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            Interlocked.Increment(ref prepared);
            _commands.Add(sql, command);
            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values) command.Dispose();
            _commands.Clear();
            connection.Dispose();
        }
    }

    /// <summary>The reader of a kept connection's command; disposing it gives the connection back.</summary>
    private sealed class LeasedReader(SqliteDataReader inner, Action release) : DbDataReader
    {
        private Action? _release = release;

        public override int Depth => inner.Depth;
        public override int FieldCount => inner.FieldCount;
        public override bool HasRows => inner.HasRows;
        public override bool IsClosed => inner.IsClosed;
        public override int RecordsAffected => inner.RecordsAffected;
        public override int VisibleFieldCount => inner.VisibleFieldCount;
        public override object this[int ordinal] => inner[ordinal];
        public override object this[string name] => inner[name];

        public override bool Read() => inner.Read();
        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);
        public override bool NextResult() => inner.NextResult();
        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => inner.NextResultAsync(cancellationToken);
        public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);
        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);
        public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);
        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => inner.GetFieldValueAsync<T>(ordinal, cancellationToken);
        public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);
        public override byte GetByte(int ordinal) => inner.GetByte(ordinal);
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
            inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
        public override char GetChar(int ordinal) => inner.GetChar(ordinal);
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
            inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
        public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
        public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
        public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);
        public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);
        public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);
        public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);
        public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);
        public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);
        public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);
        public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);
        public override string GetName(int ordinal) => inner.GetName(ordinal);
        public override int GetOrdinal(string name) => inner.GetOrdinal(name);
        public override string GetString(int ordinal) => inner.GetString(ordinal);
        public override object GetValue(int ordinal) => inner.GetValue(ordinal);
        public override int GetValues(object[] values) => inner.GetValues(values);
        public override Stream GetStream(int ordinal) => inner.GetStream(ordinal);
        public override TextReader GetTextReader(int ordinal) => inner.GetTextReader(ordinal);
        public override System.Data.DataTable? GetSchemaTable() => inner.GetSchemaTable();
        public override IEnumerator GetEnumerator() => ((IEnumerable)inner).GetEnumerator();

        public override void Close() => Release();

        protected override void Dispose(bool disposing)
        {
            if (disposing) Release();
            base.Dispose(disposing);
        }

        private void Release()
        {
            // The reader first (it resets the statements: no read transaction stays open), then the connection.
            var release = Interlocked.Exchange(ref _release, null);
            if (release is null) return;
            inner.Dispose();
            release();
        }
    }
}
