namespace NetworkMaintenance.Core.Data.Configurations;

/// <summary>
/// Partial indexes: an index over a column that is empty when its row is written (a report's device, Kabid, Kasi, SP4N
/// LAPOR number or form token; a document's successor) holds only the rows where it has a value. Inserting a row then
/// writes no entry in it: one B-tree page fewer for every such index in the write transaction (issue #18, point 2: the
/// filing's transaction holds SQLite's one writer). The queries that read these indexes compare the column with a
/// value, which implies it is not null, so every engine's planner still uses them (<c>PartialIndexes</c> checks SQLite's).
/// </summary>
public static class IndexFilters
{
    /// <summary>
    /// The rows where <paramref name="column"/> is not null. Double quotes are standard SQL: SQLite and PostgreSQL read
    /// them, and so does SQL Server, whose filtered indexes require QUOTED_IDENTIFIER ON.
    /// </summary>
    public static string NotNull(string column) => $"\"{column}\" IS NOT NULL";
}
