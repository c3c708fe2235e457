using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Features.Reports;
using Xunit.Abstractions;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The report list past its counting cap (<see cref="ReportCount.Cap"/>), over real HTTP on a real SQLite file with more
/// reports than the cap (inserted with one SQL statement, received in an order unrelated to their ids): the count reads
/// "lebih dari 10.000", every page up to the last one with rows is reachable by "Berikutnya", the rows are those the
/// filter's order gives (checked against a plain LIKE query, not the FTS5 index) — also for a text search that matches
/// more than the cap, whose first pages come from the newest reports only (<see cref="ReportListPage"/>) — and the page
/// queries of the list's usual filters walk an index in the list's order instead of sorting every match. A text search
/// counts up to its own cap (<see cref="ReportCount.TextCap"/>, "lebih dari 100"). The same
/// list with another filter besides the search counts through the reports (the number search of the first test).
/// The lists run on SQLite and PostgreSQL; the query plans are SQLite's.
/// </summary>
public sealed class ReportListCap(ITestOutputHelper output) : IDisposable
{
    /// <summary>More than the cap in all, and more than the cap of them with "printer" (two in three).</summary>
    private const int Inserted = ReportCount.Cap + ReportCount.Cap / 2 + 30;
    private static readonly Regex NumberInRow = new(@"<td><a [^>]*href=""/laporan/\d+""[^>]*>(GJ-\d{4}-\d{6})</a>", RegexOptions.Compiled);
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task PastTheCapTheListSaysMoreThanAndPagesOnWithBerikutnya()
    {
        await InsertAsync();
        var total = await _factory.QueryAsync(db => db.Reports.CountAsync());
        Assert.True(total > ReportCount.Cap);
        var lastPage = (total + 24) / 25;
        using var kabid = await WebSession.SignedInAsync(_factory, "kabid");

        var first = await kabid.GetPageAsync("/laporan");
        Assert.Contains("data-testid=\"total\">lebih dari 10.000<", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-capped\"", first, StringComparison.Ordinal);
        Assert.Contains("Menampilkan laporan 1–25", first, StringComparison.Ordinal);
        Assert.Equal(await ExpectedAsync(null, 1), Numbers(first));
        Assert.Contains("href=\"/laporan?page=2\" data-testid=\"page-next\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"page-previous\"", first, StringComparison.Ordinal);
        // The last page is not known past the cap: no link to it.
        Assert.DoesNotContain($"?page={lastPage}\"", first, StringComparison.Ordinal);

        // Past the cap's pages, "Berikutnya" still leads on, to the last page with rows, and stops there.
        var beforeLast = await kabid.GetPageAsync($"/laporan?page={lastPage - 1}");
        Assert.Equal(await ExpectedAsync(null, lastPage - 1), Numbers(beforeLast));
        Assert.Contains($"href=\"/laporan?page={lastPage}\" data-testid=\"page-next\"", beforeLast, StringComparison.Ordinal);
        var last = await kabid.GetPageAsync($"/laporan?page={lastPage}");
        var lastRows = Numbers(last);
        Assert.Equal(total - (lastPage - 1) * 25, lastRows.Count);
        Assert.Equal(await ExpectedAsync(null, lastPage), lastRows);
        Assert.DoesNotContain("data-testid=\"page-next\"", last, StringComparison.Ordinal);
        Assert.Contains($"href=\"/laporan?page={lastPage - 1}\" data-testid=\"page-previous\"", last, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"total\">lebih dari 10.000<", last, StringComparison.Ordinal);

        // A page beyond the last report: said so, with the way back.
        var beyond = await kabid.GetPageAsync($"/laporan?page={lastPage + 1}");
        Assert.Empty(Numbers(beyond));
        Assert.Contains($"Halaman {lastPage + 1} tidak berisi laporan.", beyond, StringComparison.Ordinal);
        Assert.Contains("href=\"/laporan?page=1\"", beyond, StringComparison.Ordinal);
        // However far: no overflow of the page's offset.
        var farthest = await kabid.GetPageAsync($"/laporan?page={int.MaxValue}");
        Assert.Empty(Numbers(farthest));
        Assert.Contains("tidak berisi laporan.", farthest, StringComparison.Ordinal);

        // Under the cap the count stays exact, and the pager numbers the last page.
        // (The numbers GJ-2019-000001 to GJ-2019-000099: 99 closed reports.)
        var few = await kabid.GetPageAsync("/laporan?q=GJ-2019-0000&status=Closed");
        var fewCount = await _factory.QueryAsync(db => db.Reports.CountAsync(r => r.Number.StartsWith("GJ-2019-0000") && r.Status == ReportStatus.Closed));
        Assert.InRange(fewCount, 26, ReportCount.TextCap);
        Assert.Contains($"data-testid=\"total\">{fewCount}<", few, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"count-capped\"", few, StringComparison.Ordinal);
        Assert.Contains($"page={(fewCount + 24) / 25}\"", few, StringComparison.Ordinal);

        // Counting up to the cap is a row limit without an order, on purpose: not a warning in the log on every view.
        Assert.DoesNotContain("row limiting operator", await _factory.ReadLogsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommonWordPastTheCapListsTheNewestMatchesOnEveryPage()
    {
        await InsertAsync();
        var matches = await _factory.QueryAsync(db => Matching(db.Reports, "printer").CountAsync());
        Assert.True(matches > ReportCount.Cap);
        using var kabid = await WebSession.SignedInAsync(_factory, "kabid");

        // Page 1 and 2 come from the newest reports (the window), page 300 from a window over nearly all of them, the
        // page past the cap's pages from the whole search (fewer rows than a page: the window is not enough).
        foreach (var page in new[] { 1, 2, 300, (matches + 24) / 25 })
        {
            var html = await kabid.GetPageAsync($"/laporan?q=printer&page={page}");
            Assert.Contains("data-testid=\"total\">lebih dari 100<", html, StringComparison.Ordinal);
            var expected = await ExpectedAsync("printer", page);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Numbers(html));
            Assert.Equal(page * 25 < matches, html.Contains("data-testid=\"page-next\"", StringComparison.Ordinal));
        }

        // The exports are not capped: every matching report.
        using var csv = await kabid.GetAsync("/laporan/ekspor.csv?q=printer");
        Assert.Equal([matches.ToString(System.Globalization.CultureInfo.InvariantCulture)], csv.Headers.GetValues("X-Export-Rows"));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task TheListsUsualPagesWalkAnIndexInTheirOrderAndTheCommonWordSearchReadsTheNewestMatchesOnly()
    {
        await InsertAsync();
        var opd = await _factory.OpdIdAsync("Dinkes");
        var closed = new ReportFilter { Status = ReportStatus.Closed, Page = 50 };
        var filtered = new ReportFilter { Status = ReportStatus.Closed, OpdId = opd, From = new DateOnly(2019, 1, 1), To = new DateOnly(2019, 1, 31) };
        foreach (var filter in new[] { closed, filtered })
        {
            var (count, page) = await PlansAsync(filter);
            output.WriteLine(count + "\n" + page);
            Assert.DoesNotContain("TEMP B-TREE", page, StringComparison.Ordinal);
            Assert.Contains("USING", page, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN r\n", count + "\n", StringComparison.Ordinal);
        }
        // OPD, state and month: counted from the (OpdId, Status, ReceivedAtUtc) index alone (which index the page walks
        // depends on the statistics; at a million reports it is this one too: docs/perf-round2/list1m.md).
        var (filteredCount, _) = await PlansAsync(filtered);
        Assert.Contains("COVERING INDEX IX_Reports_OpdId_Status_ReceivedAtUtc", filteredCount, StringComparison.Ordinal);

        // The common word: the page's statement asks the FTS5 index only for the ids from the window's smallest on.
        using var kabid = await WebSession.SignedInAsync(_factory, "kabid");
        await kabid.GetPageAsync("/laporan?q=printer");
        using var counter = await SqlCommandCounter.StartAsync(_factory.DataDirectory, () => _factory.QueryAsync(db => db.Users.AnyAsync()));
        await kabid.GetPageAsync("/laporan?q=printer");
        var texts = counter.Texts;
        foreach (var text in texts) output.WriteLine(text.ReplaceLineEndings(" "));
        // The search alone, by someone who sees every report: counted (up to the cap) in the FTS5 index, no report read.
        Assert.Equal(3, texts.Count);
        Assert.Contains("COUNT(*)", texts[0], StringComparison.Ordinal);
        Assert.Contains("MATCH", texts[0], StringComparison.Ordinal);
        Assert.Contains("LIMIT", texts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\"Reports\"", texts[0], StringComparison.Ordinal);
        Assert.Contains("MIN(", texts[1], StringComparison.Ordinal);
        Assert.Contains("MATCH", texts[2], StringComparison.Ordinal);
        Assert.Contains("rowid >=", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommonWordMissingFromTheNewestReportsIsFoundInALargerWindowWithoutReadingEveryMatch()
    {
        // 24,000 reports of 2019, one minute apart: the newest 3,000 say "Kabel putus", and one in seven of the older
        // ones "Printer jaringan mati" (3,000 matches: under the list's cap, over the text search's).
        await InsertAsync(24_000, receivedMinute: "i", printerWhen: "i <= 21000 AND i % 7 = 0");
        var matches = await _factory.QueryAsync(db => Matching(db.Reports, "printer").CountAsync());
        Assert.InRange(matches, ReportCount.TextCap + 1, ReportCount.Cap);
        using var kabid = await WebSession.SignedInAsync(_factory, "kabid");

        foreach (var page in new[] { 1, 2 })
        {
            var html = await kabid.GetPageAsync($"/laporan?q=printer&page={page}");
            // A text search counts up to its own, lower cap: 3,000 matches read "lebih dari 100".
            Assert.Contains("data-testid=\"total\">lebih dari 100<", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"count-capped\"", html, StringComparison.Ordinal);
            Assert.Equal(await ExpectedAsync("printer", page), Numbers(html));
        }
        // So does the search with another filter beside it (counted through the reports, not the index alone).
        var closed = await kabid.GetPageAsync("/laporan?q=printer&status=Closed");
        Assert.Contains("data-testid=\"total\">lebih dari 100<", closed, StringComparison.Ordinal);
        Assert.Equal(await ExpectedAsync("printer", 1), Numbers(closed));

        // The newest 2,600 reports hold no match; the 20,800 newest do: the page comes from the second window, and the
        // search is never read whole (every MATCH on the page's rows is bounded by the window's smallest id).
        using var counter = await SqlCommandCounter.StartAsync(_factory.DataDirectory, () => _factory.QueryAsync(db => db.Users.AnyAsync()));
        await kabid.GetPageAsync("/laporan?q=printer");
        var texts = counter.Texts;
        foreach (var text in texts) output.WriteLine(text.ReplaceLineEndings(" "));
        if (AppFactory.PostgresServer is null)
        {
            var bounds = texts.Where(t => t.Contains("MIN(", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, bounds.Count);
            // Each window's bound walks the received-time index backwards: no sort of each second's reports by id.
            foreach (var bound in bounds)
            {
                var plan = await _factory.QueryAsync(db => SqliteStatements.PlanAsync(db, bound.Replace("@p", "20800", StringComparison.Ordinal)));
                Assert.DoesNotContain("ORDER BY", plan, StringComparison.Ordinal); // "USE TEMP B-TREE FOR (RIGHT PART OF) ORDER BY"
            }
            var searches = texts.Where(t => t.Contains("MATCH", StringComparison.Ordinal) && !t.Contains("COUNT(*)", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, searches.Count);
            Assert.All(searches, t => Assert.Contains("rowid >=", t, StringComparison.Ordinal));
        }
        else
        {
            // One statement: the newest 20,800 reports as a subquery in the list's order, each tested with strpos on the
            // search column (which no index serves, so the planner reads the window in order instead of building the
            // bitmap of every match from the trigram index); no bound read first.
            Assert.DoesNotContain(texts, t => t.Contains("min(", StringComparison.OrdinalIgnoreCase));
            var search = Assert.Single(texts, t => t.Contains("strpos(", StringComparison.Ordinal));
            Assert.DoesNotContain("LIKE", search, StringComparison.Ordinal);
            Assert.Matches(@"ORDER BY r\.""ReceivedAtUtc"" DESC, r\.""Id"" DESC\s+LIMIT @", search);
        }
    }

    /// <summary>The query plans (EXPLAIN QUERY PLAN) of the list's count and page statements for <paramref name="filter"/>, as the app builds them.</summary>
    private Task<(string Count, string Page)> PlansAsync(ReportFilter filter) =>
        _factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NetworkMaintenance.Core.Data.AppDbContext>();
            var sla = sp.GetRequiredService<SlaClock>();
            var search = sp.GetRequiredService<ReportTextSearch>();
            var matching = filter.Where(db.Reports.AsNoTracking(), sla, search);
            var count = matching.Take(ReportCount.Cap + 1).Select(r => r.Id);
            var page = filter.Order(matching).Skip((filter.Page - 1) * 25).Take(26).Select(ReportListRow.Projection);
            return (await SqliteStatements.PlanAsync(db, count.ToQueryString()), await SqliteStatements.PlanAsync(db, page.ToQueryString()));
        });

    /// <summary>The report numbers of a page's table, in order.</summary>
    private static List<string> Numbers(string html) => NumberInRow.Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static IQueryable<Report> Matching(IQueryable<Report> reports, string? term) =>
        term is null ? reports : reports.Where(r => EF.Functions.Like(r.Description, "%" + term + "%"));

    /// <summary>The numbers page <paramref name="page"/> must show, newest received first, computed with LIKE on the description (not the search index).</summary>
    private Task<List<string>> ExpectedAsync(string? term, int page) =>
        _factory.QueryAsync(db => Matching(db.Reports.AsNoTracking(), term)
            .OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id)
            .Skip((page - 1) * 25).Take(25).Select(r => r.Number).ToListAsync());

    /// <summary>
    /// <see cref="Inserted"/> closed reports of Dinkes in 2019, one statement: two in three say "Printer jaringan mati",
    /// the others "Kabel putus"; received one minute apart in an order unrelated to their ids (a permutation: i × 7919
    /// modulo the count), so newest-first is not id order. The FTS5 triggers index each row as it is inserted (PostgreSQL
    /// generates its search column).
    /// </summary>
    private Task InsertAsync() => InsertAsync(Inserted, receivedMinute: $"(i * 7919) % {Inserted}", printerWhen: "i % 3 <> 0");

    /// <summary>
    /// <paramref name="count"/> closed reports of Dinkes, one statement: report i is received <paramref name="receivedMinute"/>
    /// minutes after the start of 2019 (an SQL expression of i) and says "Printer jaringan mati" when
    /// <paramref name="printerWhen"/> holds (an SQL condition on i), otherwise "Kabel putus".
    /// </summary>
    private async Task InsertAsync(int count, string receivedMinute, string printerWhen)
    {
        var opd = await _factory.OpdIdAsync("Dinkes");
        var user = await _factory.UserIdAsync("petugas");
        // The two expressions are this class's constants; the ids are parameters.
#pragma warning disable EF1002
        if (AppFactory.PostgresServer is not null)
        {
            await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync($$"""
                INSERT INTO "Reports" ("Category", "Channel", "CreatedAtUtc", "Description", "Location", "Number", "OpdId", "ReceivedAtUtc",
                    "RecordedByUserId", "ReporterName", "Sequence", "SlaClockStartUtc", "WorkCompletedAtUtc", "ClosedAtUtc", "SlaElapsedSeconds",
                    "Status", "TrackingCode", "Version", "Year", "AwaitsIntakeConfirmation")
                SELECT 'Other', 'Phone', at, CASE WHEN {{printerWhen}} THEN 'Printer jaringan mati' ELSE 'Kabel putus' END, 'Gedung A',
                    'GJ-2019-' || lpad(i::text, 6, '0'), {0}, at, {1}, 'Uji', i, at, at, at, 3600, 'Closed', 'T' || lpad(i::text, 7, '0'),
                    gen_random_uuid(), 2019, false
                FROM (SELECT i, timestamptz '2019-01-01 00:00:00+00' + ({{receivedMinute}}) * interval '1 minute' AS at
                      FROM generate_series(1, {{count}}) AS i) AS t
                """, opd, user));
            await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE \"Reports\""));
            return;
        }
        await _factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync($$"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {{count}}),
            t(i, at, h) AS (SELECT i, strftime('%Y-%m-%d %H:%M:%S', '2019-01-01', '+' || ({{receivedMinute}}) || ' minutes'), hex(randomblob(16)) FROM n)
            INSERT INTO "Reports" ("Category", "Channel", "CreatedAtUtc", "Description", "Location", "Number", "OpdId", "ReceivedAtUtc",
                "RecordedByUserId", "ReporterName", "Sequence", "SlaClockStartUtc", "WorkCompletedAtUtc", "ClosedAtUtc", "SlaElapsedSeconds",
                "Status", "TrackingCode", "Version", "Year", "AwaitsIntakeConfirmation")
            SELECT 'Other', 'Phone', at, CASE WHEN {{printerWhen}} THEN 'Printer jaringan mati' ELSE 'Kabel putus' END, 'Gedung A',
                'GJ-2019-' || printf('%06d', i), {0}, at, {1}, 'Uji', i, at, at, at, 3600, 'Closed', printf('T%07d', i),
                substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12),
                2019, 0
            FROM t
            """, opd, user));
#pragma warning restore EF1002
    }

    public void Dispose() => _factory.Dispose();
}
