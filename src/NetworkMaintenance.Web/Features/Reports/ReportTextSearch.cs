using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The text search of the report list (<see cref="ReportFilter.Q"/>): the term is found anywhere in the number, the
/// location, the description or the SP4N-LAPOR! tracking number ('#' ignored), in any case — a substring match, so a
/// number typed whole or in part ("000123", "2025-0001") and any Indonesian word or part of one are found.
/// <list type="bullet">
/// <item>SQLite: the FTS5 table <c>ReportSearch</c> (trigram tokenizer, external content over <c>Reports</c>, kept in
/// step by triggers; migration <c>ReportTextSearch</c>). A trigram phrase query is a substring match served by the
/// index; terms shorter than <see cref="MinimumIndexedLength"/> characters have no trigram and fall back to LIKE.</item>
/// <item>PostgreSQL: LIKE, made ILIKE by <see cref="PostgreSqlCaseInsensitiveLike"/>, served by the pg_trgm GIN indexes
/// of the same migration.</item>
/// <item>SQL Server: LIKE (a scan). Full-text search there is word-based (no substring of a number) and needs the
/// Full-Text feature installed; see docs/perf-round2/million.md.</item>
/// </list>
/// </summary>
public sealed class ReportTextSearch(AppDbContext db)
{
    /// <summary>The SQLite FTS5 table over the searched columns of <c>Reports</c>.</summary>
    public const string SqliteTable = "ReportSearch";

    /// <summary>A trigram index finds terms of at least three characters.</summary>
    public const int MinimumIndexedLength = 3;

    /// <summary>The reports of <paramref name="query"/> whose number, location, description or LAPOR! number contains <paramref name="term"/>.</summary>
    public IQueryable<Report> Where(IQueryable<Report> query, string term)
    {
        var whole = term.Trim();
        var lapor = whole.TrimStart('#').Trim();
        if (db.Database.IsSqlite() && whole.Length >= MinimumIndexedLength && lapor.Length >= MinimumIndexedLength)
        {
            var match = lapor == whole ? Phrase(whole) : Phrase(whole) + " OR " + Phrase(lapor);
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ReportSearch\" WHERE \"ReportSearch\" MATCH {match}");
            return query.Where(r => ids.Contains(r.Id));
        }

        var pattern = SearchPattern.Contains(whole);
        var laporPattern = SearchPattern.Contains(lapor);
        return query.Where(r => EF.Functions.Like(r.Number, pattern, SearchPattern.Escape)
            || EF.Functions.Like(r.Location, pattern, SearchPattern.Escape)
            || EF.Functions.Like(r.Description, pattern, SearchPattern.Escape)
            || (r.LaporNumber != null && EF.Functions.Like(r.LaporNumber, laporPattern, SearchPattern.Escape)));
    }

    /// <summary>An FTS5 phrase: the term in double quotes (its own doubled), so no character of it is query syntax.</summary>
    public static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
