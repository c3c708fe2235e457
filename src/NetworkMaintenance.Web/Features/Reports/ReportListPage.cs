using System.Globalization;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// How many reports a list matches, counted up to a cap: past it the list says "lebih dari 10.000" instead of reading
/// every matching row (at a million reports "all closed reports" is ~900,000 index entries on every view). A text search
/// counts up to <see cref="TextCap"/> ("lebih dari 100"): a search with more matches than that is refined, not paged
/// through (its pages stay reachable by "Berikutnya"), and knowing that a word found in 3 % of a million reports has
/// more than 1,000 matches meant testing ~24,000 of them on PostgreSQL (21 ms, most of the page) where 100 need ~2,400
/// (2 ms; docs/perf-round2/list1m.md). Exports are not capped: they count and stream every row (ReportExportsController).
/// </summary>
public readonly record struct ReportCount(int Value, bool MoreThan)
{
    /// <summary>The list counts at most this many matching reports (plus one, to know there are more).</summary>
    public const int Cap = 10_000;

    /// <summary>A list with a text search counts at most this many matching reports (plus one).</summary>
    public const int TextCap = 100;

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The cap of a list with (<paramref name="textSearch"/>) or without a text search.</summary>
    public static int CapFor(bool textSearch) => textSearch ? TextCap : Cap;

    /// <summary>An exact count.</summary>
    public static ReportCount Exactly(int value) => new(value, false);

    /// <summary>Counts <paramref name="matching"/> (unordered) up to <paramref name="cap"/> + 1 rows.</summary>
    public static async Task<ReportCount> OfAsync(IQueryable<Report> matching, int cap, CancellationToken ct) =>
        Of(await matching.Take(cap + 1).CountAsync(ct), cap);

    /// <summary>The count of <paramref name="counted"/> rows, counted up to <paramref name="cap"/> + 1.</summary>
    public static ReportCount Of(int counted, int cap) => counted > cap ? new(cap, true) : Exactly(counted);

    /// <summary>"25", or "lebih dari 10.000" past the cap.</summary>
    public string Text => MoreThan ? "lebih dari " + Value.ToString("N0", Id) : Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One page of the report list: its rows, the (capped) count, and whether a next page has rows.</summary>
public sealed record ReportListPageResult(IReadOnlyList<ReportListRow> Rows, ReportCount Total, int Page, bool HasNext);

/// <summary>
/// Reads a page of the report list (/laporan) for a <see cref="ReportFilter"/>: the count, capped (<see cref="ReportCount"/>),
/// then the page's rows in the filter's order, one row more than the page to know whether a next page exists (so pages
/// past the cap stay reachable by "Berikutnya" while there are rows). See docs/perf-round2/list1m.md.
/// </summary>
public static class ReportListPage
{
    /// <summary>
    /// For a text search that matches more than <see cref="ReportCount.TextCap"/> reports, the page is first looked for among
    /// the newest (<c>WindowPerRow</c> × the rows needed) reports of the other filters: with at least one match in that
    /// many reports the page is there.
    /// </summary>
    public const int WindowPerRow = 100;

    /// <summary>
    /// When the newest window holds too few matches (the word is common, but not in the latest reports), a window this
    /// many times larger is tried once before the whole search is read.
    /// </summary>
    public const int WindowGrowth = 8;

    /// <param name="visible">The reports the user may see; <paramref name="seesAll"/>: that is every report.</param>
    public static async Task<ReportListPageResult> ReadAsync(IQueryable<Report> visible, bool seesAll, ReportFilter filter, SlaClock sla,
        ReportTextSearch search, int pageSize, CancellationToken ct)
    {
        // The other filters without the text search: the newest-first window below is taken over these.
        var filtered = filter.Where(visible, sla, search: null);
        var matching = filter.HasText ? search.Where(filtered, filter.Q!) : filtered;
        // The text search alone over every report: its index counts the matches without reading the reports.
        var cap = ReportCount.CapFor(filter.HasText);
        ReportCount total;
        List<int>? matched = null;
        if (filter.HasText && search.CountsByReadingIds)
        {
            // The matching ids themselves, up to the cap. Fewer are the count, and the page is read by id: one trigram
            // search instead of two on PostgreSQL (each ~9 ms for part of a number at a million reports, the common
            // trigrams of its year being in every report's number).
            var ids = await matching.Select(r => r.Id).Take(cap + 1).ToListAsync(ct);
            total = ReportCount.Of(ids.Count, cap);
            if (!total.MoreThan) matched = ids;
        }
        else
        {
            total = seesAll && filter.HasText && filter.OnlyText && await search.CountAsync(filter.Q!, cap + 1, ct) is { } matches
                ? ReportCount.Of(matches, cap)
                : await ReportCount.OfAsync(matching, cap, ct);
        }
        // Past the cap the last page is not known: any page whose rows can be addressed (its offset and the row after
        // it fit in an int), and an empty one says so.
        var page = total.MoreThan
            ? Math.Clamp(filter.Page, 1, int.MaxValue / pageSize - 1)
            : Math.Clamp(filter.Page, 1, Math.Max(1, (total.Value + pageSize - 1) / pageSize));
        var offset = (page - 1) * pageSize;

        List<ReportListRow>? rows = null;
        // A text search past its cap looks for its page among the newest reports first: reading every match (each one
        // looked up in Reports) and sorting them cost ~20 ms for 4,000 matches at 100,000 reports.
        if (filter.HasText && total.MoreThan && filter.NewestFirst)
        {
            rows = search.SearchesWindowInPlace
                ? await NewestWindowAsync(filtered, filter, search, offset, pageSize + 1, ct)
                : await NewestMatchesAsync(filtered, filter, search, offset, pageSize + 1, ct);
        }
        var paged = matched is null ? matching : filtered.Where(r => matched.Contains(r.Id));
        rows ??= await filter.Order(paged).Skip(offset).Take(pageSize + 1).Select(ReportListRow.Projection).ToListAsync(ct);
        var hasNext = rows.Count > pageSize;
        if (hasNext) rows.RemoveAt(rows.Count - 1);
        return new ReportListPageResult(rows, total, page, hasNext);
    }

    /// <summary>
    /// PostgreSQL (<see cref="ReportTextSearch.SearchesWindowInPlace"/>): the page among the newest
    /// <c>WindowPerRow × WindowGrowth × (offset + rows)</c> reports of the other filters, searched in one statement: the
    /// window is a subquery in the list's order whose reports are tested as they are read, so the statement stops at the
    /// page's last match (5,000 reports read for a word in 3 % of them, 6 ms at a million reports) and never reads more than
    /// the window. When the window holds every match of the page, it is the page (every match outside it is older); otherwise
    /// the caller reads the page in full (null).
    /// </summary>
    private static async Task<List<ReportListRow>?> NewestWindowAsync(IQueryable<Report> filtered, ReportFilter filter,
        ReportTextSearch search, int offset, int take, CancellationToken ct)
    {
        var window = (long)WindowPerRow * WindowGrowth * (offset + take);
        if (window > int.MaxValue) return null;
        var newest = search.WhereInWindow(filter.Order(filtered).Take((int)window), filter.Q!);
        var rows = await filter.Order(newest).Skip(offset).Take(take).Select(ReportListRow.Projection).ToListAsync(ct);
        return rows.Count == take ? rows : null;
    }

    /// <summary>
    /// A text search that matches many reports, newest first, without reading every match: the newest
    /// <c>WindowPerRow × (offset + rows)</c> reports of the other filters give a received-at bound and their smallest id;
    /// every report received after that bound has an id of at least that smallest one, so the search restricted to those
    /// ids (<see cref="ReportTextSearch.Where"/>: a rowid range of the FTS5 index on SQLite) finds every match received
    /// after the bound. When that yields the whole page, it is the page; otherwise a window <see cref="WindowGrowth"/>
    /// times larger is tried once, and after that (or when a window held every report of the other filters) the caller
    /// reads the page in full (null).
    /// </summary>
    private static async Task<List<ReportListRow>?> NewestMatchesAsync(IQueryable<Report> filtered, ReportFilter filter,
        ReportTextSearch search, int offset, int take, CancellationToken ct)
    {
        var window = (long)WindowPerRow * (offset + take);
        for (var attempt = 0; attempt < 2 && window <= int.MaxValue; attempt++, window *= WindowGrowth)
        {
            // Newest first by the received time alone: ties at the window's edge do not matter to the bound (every report
            // received after it is in the window whichever of them is cut), and SQLite reads the received-time index
            // backwards instead of sorting each second's reports by id (11 ms for 20,800 reports at a million).
            var bound = await filtered.OrderByDescending(r => r.ReceivedAtUtc).Take((int)window)
                .GroupBy(r => 1)
                .Select(g => new { FromId = g.Min(r => r.Id), Since = g.Min(r => r.ReceivedAtUtc), Reports = g.Count() })
                .FirstOrDefaultAsync(ct);
            if (bound is null) return null;
            var since = bound.Since;
            var newest = search.Where(filtered.Where(r => r.ReceivedAtUtc > since), filter.Q!, bound.FromId);
            var rows = await filter.Order(newest).Skip(offset).Take(take).Select(ReportListRow.Projection).ToListAsync(ct);
            if (rows.Count == take) return rows;
            // The window held every report of the other filters: a larger one would hold the same.
            if (bound.Reports < window) return null;
        }
        return null;
    }
}
