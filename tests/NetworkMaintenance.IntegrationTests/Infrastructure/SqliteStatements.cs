using SQLitePCL;
using Microsoft.EntityFrameworkCore;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>Runs a statement the app builds (its ToQueryString) directly on the SQLite file, to see what it costs.</summary>
public static class SqliteStatements
{
    /// <summary>The SQL of a ToQueryString, its ".param set" lines inlined as the literals they give.</summary>
    public static string Inline(string queryString)
    {
        var lines = queryString.Split('\n');
        var parameters = lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal))
            .Select(l => l[".param set ".Length..].Trim().Split(' ', 2)).OrderByDescending(p => p[0].Length).ToList();
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        foreach (var p in parameters) sql = sql.Replace(p[0], p[1], StringComparison.Ordinal);
        return sql;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> on <paramref name="databaseFile"/> (read only) and returns its rows and the virtual
    /// machine steps SQLite took for them (SQLITE_STMTSTATUS_VM_STEP): a measure of the rows it read, whatever the clock.
    /// </summary>
    public static (int Rows, int Steps) Run(string databaseFile, string sql)
    {
        Batteries_V2.Init();
        Check(raw.sqlite3_open_v2(databaseFile, out var db, raw.SQLITE_OPEN_READONLY, null), null);
        using (db)
        {
            Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
            using (statement)
            {
                var rows = 0;
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) rows++;
                if (rc != raw.SQLITE_DONE) Check(rc, db);
                return (rows, raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_VM_STEP, 0));
            }
        }
    }

    /// <summary>
    /// The query plan (EXPLAIN QUERY PLAN) of <paramref name="sql"/> as the app sent it, its parameters left unbound
    /// (the planner plans for unknown values, as it does for the app's prepared statements), one line per step.
    /// </summary>
    public static IReadOnlyList<string> Plan(string databaseFile, string sql)
    {
        Batteries_V2.Init();
        Check(raw.sqlite3_open_v2(databaseFile, out var db, raw.SQLITE_OPEN_READONLY, null), null);
        using (db)
        {
            Check(raw.sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN " + sql, out var statement), db);
            using (statement)
            {
                var plan = new List<string>();
                while (raw.sqlite3_step(statement) == raw.SQLITE_ROW) plan.Add(raw.sqlite3_column_text(statement, 3).utf8_to_string());
                return plan;
            }
        }
    }

    private static void Check(int rc, sqlite3? db)
    {
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite error {rc}: {(db is null ? "" : raw.sqlite3_errmsg(db).utf8_to_string())}");
    }

    /// <summary>
    /// EXPLAIN QUERY PLAN of a statement from ToQueryString (its ".param set" lines inlined as the literals they give),
    /// on the context's own connection, one line per step.
    /// </summary>
    public static async Task<string> PlanAsync(NetworkMaintenance.Core.Data.AppDbContext db, string queryString)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + Inline(queryString);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join('\n', plan);
    }
}
