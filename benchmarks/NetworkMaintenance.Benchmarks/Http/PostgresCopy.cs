using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>
/// Copies the generated SQLite benchmark database into a PostgreSQL database whose schema the app's own migrations made,
/// so that both providers are measured on the same rows (the bulk generator writes SQLite only). Every table of the
/// PostgreSQL schema is emptied, filled with binary COPY from the SQLite table of the same name (values converted by the
/// PostgreSQL column type: SQLite keeps dates, GUIDs and decimals as text, booleans as integers), and its identity
/// sequence is moved past the highest id. Constraints and triggers are suspended during the copy
/// (session_replication_role = replica; the throw-away cluster's superuser), as a restore does; then VACUUM ANALYZE.
/// </summary>
public static class PostgresCopy
{
    /// <summary>Whether the database exists and holds reports (<c>--reuse-postgres</c> keeps it then).</summary>
    public static async Task<bool> HoldsReportsAsync(string postgres)
    {
        try
        {
            await using var target = new NpgsqlConnection(postgres);
            await target.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM \"Reports\")", target);
            return (bool)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    /// <summary>
    /// Sets each account's password hash and security stamp on PostgreSQL to the SQLite file's (the run sets a new password
    /// there), for a reused database; returns how many accounts were updated.
    /// </summary>
    public static async Task<int> CopyPasswordsAsync(string sqlitePath, string postgres)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync();
        await using var target = new NpgsqlConnection(postgres);
        await target.OpenAsync();
        await using var select = source.CreateCommand();
        select.CommandText = "SELECT \"UserName\", \"PasswordHash\", \"SecurityStamp\" FROM \"AspNetUsers\" WHERE \"PasswordHash\" IS NOT NULL";
        await using var reader = await select.ExecuteReaderAsync();
        var updated = 0;
        while (await reader.ReadAsync())
        {
            await using var update = new NpgsqlCommand(
                "UPDATE \"AspNetUsers\" SET \"PasswordHash\" = $1, \"SecurityStamp\" = $2, \"LockoutEnd\" = NULL, \"AccessFailedCount\" = 0 WHERE \"UserName\" = $3", target);
            update.Parameters.Add(new NpgsqlParameter { Value = reader.GetString(1) });
            update.Parameters.Add(new NpgsqlParameter { Value = reader.IsDBNull(2) ? DBNull.Value : reader.GetString(2) });
            update.Parameters.Add(new NpgsqlParameter { Value = reader.GetString(0) });
            updated += await update.ExecuteNonQueryAsync();
        }
        return updated;
    }

    public static async Task<long> CopyAsync(string sqlitePath, string postgres)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync();
        await using var target = new NpgsqlConnection(postgres);
        await target.OpenAsync();

        var columns = new Dictionary<string, List<(string Name, string Type)>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type FROM information_schema.columns " +
            "WHERE table_schema = 'public' AND is_generated = 'NEVER' AND table_name <> '__EFMigrationsHistory' " +
            "AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE') " +
            "ORDER BY table_name, ordinal_position", target))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var list)) columns[table] = list = [];
                list.Add((reader.GetString(1), reader.GetString(2)));
            }
        }

        await ExecuteAsync(target, "SET session_replication_role = replica");
        await ExecuteAsync(target, "TRUNCATE " + string.Join(", ", columns.Keys.Select(Quote)) + " RESTART IDENTITY");
        long rows = 0;
        foreach (var (table, list) in columns)
        {
            var names = string.Join(", ", list.Select(c => Quote(c.Name)));
            await using var select = source.CreateCommand();
            select.CommandText = $"SELECT {names} FROM {Quote(table)}";
            await using var reader = await select.ExecuteReaderAsync();
            await using (var writer = await target.BeginBinaryImportAsync($"COPY {Quote(table)} ({names}) FROM STDIN (FORMAT BINARY)"))
            {
                while (await reader.ReadAsync())
                {
                    await writer.StartRowAsync();
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (await reader.IsDBNullAsync(i))
                        {
                            await writer.WriteNullAsync();
                            continue;
                        }
                        await WriteAsync(writer, reader, i, list[i].Type);
                    }
                    rows++;
                }
                await writer.CompleteAsync();
            }
        }
        await ExecuteAsync(target, "SET session_replication_role = DEFAULT");

        // Identity columns: the next id after the copied ones.
        foreach (var (table, list) in columns)
        {
            foreach (var (name, _) in list)
            {
                await using var sequence = new NpgsqlCommand("SELECT pg_get_serial_sequence(@t, @c)", target);
                sequence.Parameters.AddWithValue("t", Quote(table));
                sequence.Parameters.AddWithValue("c", name);
                if (await sequence.ExecuteScalarAsync() is not string seq) continue;
                await ExecuteAsync(target, $"SELECT setval('{seq}', COALESCE((SELECT MAX({Quote(name)}) FROM {Quote(table)}), 0) + 1, false)");
            }
        }
        // Statistics for the planner, and the GIN (trigram) indexes' pending lists merged into the indexes: a bulk COPY
        // leaves them in the pending list, which every search then reads in full until autovacuum gets to it (a run of
        // the text-search pages right after the copy measured that, not the installation's steady state).
        await ExecuteAsync(target, "VACUUM ANALYZE");
        return rows;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, SqliteDataReader reader, int i, string type)
    {
        var c = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "timestamp with time zone":
                // DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF" (UTC by the app's convention); DateTimeOffset with its offset.
                var text = reader.GetString(i);
                var utc = DateTimeOffset.TryParse(text, c, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                    ? at.UtcDateTime
                    : throw new FormatException($"Not a date: {text}");
                await writer.WriteAsync(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "timestamp with time zone");
                break;
            case "timestamp without time zone":
                await writer.WriteAsync(DateTime.Parse(reader.GetString(i), c), type);
                break;
            case "date":
                await writer.WriteAsync(DateOnly.Parse(reader.GetString(i), c), type);
                break;
            case "time without time zone":
                await writer.WriteAsync(TimeOnly.Parse(reader.GetString(i), c), type);
                break;
            case "interval":
                await writer.WriteAsync(TimeSpan.Parse(reader.GetString(i), c), type);
                break;
            case "boolean":
                await writer.WriteAsync(reader.GetInt64(i) != 0, type);
                break;
            case "smallint":
                await writer.WriteAsync((short)reader.GetInt64(i), type);
                break;
            case "integer":
                await writer.WriteAsync((int)reader.GetInt64(i), type);
                break;
            case "bigint":
                await writer.WriteAsync(reader.GetInt64(i), type);
                break;
            case "numeric":
                await writer.WriteAsync(reader.GetDecimal(i), type);
                break;
            case "double precision":
                await writer.WriteAsync(reader.GetDouble(i), type);
                break;
            case "real":
                await writer.WriteAsync(reader.GetFloat(i), type);
                break;
            case "uuid":
                await writer.WriteAsync(reader.GetGuid(i), type);
                break;
            case "bytea":
                await writer.WriteAsync((byte[])reader.GetValue(i), type);
                break;
            case "text" or "character varying" or "character":
                await writer.WriteAsync(reader.GetString(i), type);
                break;
            default:
                throw new NotSupportedException($"Column type {type} is not copied; add it to {nameof(PostgresCopy)}.");
        }
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
