using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Core.Data;

/// <summary>
/// Takes the next value of a named counter inside the caller's transaction. The increment is a single UPDATE,
/// so two transactions never get the same value: SQLite serialises writers (BEGIN IMMEDIATE) and SQL Server
/// holds the row lock until commit. A unique index on the numbered column is the last guard.
/// </summary>
public static class NumberSequences
{
    public static async Task<long> NextAsync(this AppDbContext db, string name, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("NextAsync must run inside a transaction.");

        var updated = await db.NumberSequences.Where(s => s.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, x => x.LastValue + 1), ct);
        if (updated == 0)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO NumberSequences (Name, LastValue) VALUES ({name}, 1)", ct);
            return 1;
        }

        return await db.NumberSequences.Where(s => s.Name == name).Select(s => s.LastValue).SingleAsync(ct);
    }
}
