using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Core.Data;

/// <summary>
/// Takes the next value of a named counter inside the caller's transaction. The increment is a single UPDATE that
/// returns the new value, so two transactions never get the same value: SQLite serialises writers (BEGIN IMMEDIATE),
/// SQL Server and PostgreSQL hold the row lock until commit. A unique index on the numbered column is the last guard.
/// </summary>
public static class NumberSequences
{
    public static async Task<long> NextAsync(this AppDbContext db, string name, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("NextAsync must run inside a transaction.");

        if (await IncrementAsync(db, name, ct) is { } next) return next;
        if (!IsSqlServer(db))
        {
            // SQLite and PostgreSQL: a counter created by a concurrent transaction is skipped without an error
            // (on PostgreSQL an error would abort the whole transaction); PostgreSQL waits for that transaction
            // and the UPDATE below then sees its row. Identifiers are quoted: PostgreSQL folds unquoted ones.
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"NumberSequences\" (\"Name\", \"LastValue\") VALUES ({name}, 1) ON CONFLICT (\"Name\") DO NOTHING", ct);
            if (inserted == 1) return 1;
            return await IncrementAsync(db, name, ct)
                ?? throw new InvalidOperationException($"The number sequence '{name}' could not be created.");
        }
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO NumberSequences (Name, LastValue) VALUES ({name}, 1)", ct);
            return 1;
        }
        catch (DbException)
        {
            // SQL Server: another transaction created this counter first (a new year, a new document type); the
            // duplicate key ends only the statement, not the transaction: take the next value of its counter.
            // (SQLite serialises writers, so there the INSERT cannot race; any other error is thrown again.)
            if (await IncrementAsync(db, name, ct) is { } taken) return taken;
            throw;
        }
    }

    /// <summary>Increments the counter and returns its new value in one statement; null when it does not exist yet.</summary>
    private static async Task<long?> IncrementAsync(AppDbContext db, string name, CancellationToken ct)
    {
        // Not composed, so sent as written: UPDATE ... RETURNING (SQLite, PostgreSQL), UPDATE ... OUTPUT (SQL Server).
        var values = await (IsSqlServer(db)
            ? db.Database.SqlQuery<long>(
                $"UPDATE NumberSequences SET LastValue = LastValue + 1 OUTPUT INSERTED.LastValue AS Value WHERE Name = {name}")
            : db.Database.SqlQuery<long>(
                $"UPDATE \"NumberSequences\" SET \"LastValue\" = \"LastValue\" + 1 WHERE \"Name\" = {name} RETURNING \"LastValue\" AS \"Value\""))
            .ToListAsync(ct);
        return values.Count == 0 ? null : values[0];
    }

    private static bool IsSqlServer(AppDbContext db) => db.Database.ProviderName!.Contains("SqlServer", StringComparison.Ordinal);
}
