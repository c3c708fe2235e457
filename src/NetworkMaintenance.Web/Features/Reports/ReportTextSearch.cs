using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Data.Configurations;
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
/// <item>PostgreSQL: LIKE on the lower-cased search column (<see cref="ReportConfiguration.SearchTextColumn"/>, generated
/// from the four columns), served by its pg_trgm GIN index (migration PostgreSqlSearchTextAndClockIndexes); a LAPOR!
/// number typed with its '#' is looked for in that column alone, by ILIKE (<see cref="PostgreSqlCaseInsensitiveLike"/>).</item>
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

    /// <summary>
    /// The reports of <paramref name="query"/> whose number, location, description or LAPOR! number contains
    /// <paramref name="term"/>; with <paramref name="fromId"/>, only those with an id of at least that. On SQLite that
    /// bound is inside the FTS5 query (a rowid range: the index reads only the end of each term's list of reports), so
    /// a word found in many reports costs what the newest of them cost (<see cref="ReportListPage"/>).
    /// </summary>
    public IQueryable<Report> Where(IQueryable<Report> query, string term, int? fromId = null)
    {
        var whole = term.Trim();
        var lapor = whole.TrimStart('#').Trim();
        if (db.Database.IsSqlite() && whole.Length >= MinimumIndexedLength && lapor.Length >= MinimumIndexedLength)
        {
            var match = lapor == whole ? Phrase(whole) : Phrase(whole) + " OR " + Phrase(lapor);
            // Always materialised as a list (IN), never probed once per report (a join may be planned that way: an
            // FTS5 query per row, ~0.6 ms each at a million reports).
            var ids = fromId is { } from
                ? db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ReportSearch\" WHERE \"ReportSearch\" MATCH {match} AND rowid >= {from}")
                : db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ReportSearch\" WHERE \"ReportSearch\" MATCH {match}");
            return query.Where(r => ids.Contains(r.Id));
        }
        if (fromId is { } least) query = query.Where(r => r.Id >= least);
        // PostgreSQL: LIKE on the lower-cased search column, which its trigram index serves.
        if (IsPostgreSql) return PostgreSqlWhere(query, whole, lapor, inWindow: false);

        var pattern = SearchPattern.Contains(whole);
        var laporPattern = SearchPattern.Contains(lapor);
        return query.Where(r => EF.Functions.Like(r.Number, pattern, SearchPattern.Escape)
            || EF.Functions.Like(r.Location, pattern, SearchPattern.Escape)
            || EF.Functions.Like(r.Description, pattern, SearchPattern.Escape)
            || (r.LaporNumber != null && EF.Functions.Like(r.LaporNumber, laporPattern, SearchPattern.Escape)));
    }

    /// <summary>
    /// PostgreSQL searches a window of the newest reports in place (<see cref="ReportListPage"/>): the window is a subquery
    /// read in the list's order, each of its reports tested as it comes, until the page has its rows.
    /// </summary>
    public bool SearchesWindowInPlace => IsPostgreSql;

    /// <summary>
    /// PostgreSQL has no index to count the matches from (SQLite's FTS5 table, <see cref="CountAsync"/>): the list reads
    /// the matching ids up to its cap instead, which are the count and, under the cap, the page's reports
    /// (<see cref="ReportListPage"/>).
    /// </summary>
    public bool CountsByReadingIds => IsPostgreSql;

    /// <summary>
    /// <see cref="Where"/> over <paramref name="window"/>, a bounded query of the newest reports (PostgreSQL): each report
    /// of it is tested with strpos on the search column, which no index serves, so the planner reads the window in order
    /// and stops at the page's last row instead of building the bitmap of a common word's tens of thousands of matches
    /// from the trigram index (20 ms at a million reports).
    /// </summary>
    public IQueryable<Report> WhereInWindow(IQueryable<Report> window, string term)
    {
        if (!IsPostgreSql) throw new InvalidOperationException("Only PostgreSQL searches a window in place.");
        var whole = term.Trim();
        return PostgreSqlWhere(window, whole, whole.TrimStart('#').Trim(), inWindow: true);
    }

    private bool IsPostgreSql => db.Database.ProviderName == AppDbContext.PostgreSqlProvider;

    private static IQueryable<Report> PostgreSqlWhere(IQueryable<Report> query, string whole, string lapor, bool inWindow)
    {
        var lowered = whole.ToLowerInvariant();
        var pattern = SearchPattern.Contains(lowered);
        // IndexOf is strpos there; Contains would be LIKE, which the planner serves from the index.
#pragma warning disable CA2249
        Expression<Func<Report, bool>> inText = inWindow
            ? r => EF.Property<string>(r, ReportConfiguration.SearchTextColumn).IndexOf(lowered) >= 0
            : r => EF.Functions.Like(EF.Property<string>(r, ReportConfiguration.SearchTextColumn), pattern, SearchPattern.Escape);
#pragma warning restore CA2249
        if (lapor == whole) return query.Where(inText);
        // A LAPOR! number typed with its '#': the number alone, in that column (ILIKE, PostgreSqlCaseInsensitiveLike).
        var laporPattern = SearchPattern.Contains(lapor);
        return query.Where(Predicates.AnyOf([inText,
            r => r.LaporNumber != null && EF.Functions.Like(r.LaporNumber, laporPattern, SearchPattern.Escape)]));
    }

    /// <summary>
    /// How many reports contain <paramref name="term"/>, counted up to <paramref name="limit"/> from the FTS5 index alone
    /// (its rows are the reports': the triggers keep it in step), without reading a report; null where there is no
    /// such index (other providers, or a term shorter than a trigram): count the reports then. For a word found in many
    /// reports this is the cheap part of the capped count (<see cref="ReportCount"/>): ~8 ms for 10,001 matches at a
    /// million reports, against ~60 ms for looking each one up in <c>Reports</c>.
    /// </summary>
    public async Task<int?> CountAsync(string term, int limit, CancellationToken ct)
    {
        var whole = term.Trim();
        var lapor = whole.TrimStart('#').Trim();
        if (!db.Database.IsSqlite() || whole.Length < MinimumIndexedLength || lapor.Length < MinimumIndexedLength) return null;
        var match = lapor == whole ? Phrase(whole) : Phrase(whole) + " OR " + Phrase(lapor);
        return await db.Database.SqlQuery<int>(
            $"SELECT COUNT(*) AS \"Value\" FROM (SELECT rowid FROM \"ReportSearch\" WHERE \"ReportSearch\" MATCH {match} LIMIT {limit})")
            .SingleAsync(ct);
    }

    /// <summary>An FTS5 phrase: the term in double quotes (its own doubled), so no character of it is query syntax.</summary>
    public static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
