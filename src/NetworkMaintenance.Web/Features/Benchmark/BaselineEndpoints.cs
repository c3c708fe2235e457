using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Dashboard;

namespace NetworkMaintenance.Web.Features.Benchmark;

/// <summary>
/// Bare "baseline" pages for the HTTP benchmark (docs/performance.md): for each measured page, the equivalent SQL run
/// with raw ADO.NET and written as minimal HTML, without authentication, layout, MVC or EF. The ratio of a page's
/// throughput to its baseline's shows what the framework layers cost. Mapped only when
/// <c>Benchmark:BaselineEndpoints</c> is true (set by the benchmark runner alone) and the environment is not Production;
/// otherwise the routes do not exist.
/// They read the SQLite database only.
/// </summary>
public static class BaselineEndpoints
{
    public const string Setting = "Benchmark:BaselineEndpoints";
    public const string Prefix = "/_baseline";

    public static void MapIfEnabled(WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting)) return;
        if (app.Environment.IsProduction())
        {
            // Anonymous routes serving report rows and issued PDFs: never in Production, whatever the settings. The
            // benchmark runner starts the app in its own "Benchmark" environment.
            app.Logger.LogWarning("{Setting} is ignored in Production: the benchmark baseline endpoints are not mapped", Setting);
            return;
        }
        string connectionString;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!db.Database.IsSqlite()) return;
            connectionString = db.Database.GetConnectionString()!;
        }
        app.Logger.LogWarning("Benchmark baseline endpoints are mapped under {Prefix} without authentication", Prefix);

        var group = app.MapGroup(Prefix).AllowAnonymous();
        group.MapGet("/masuk", () => Html("<form method=\"post\"><input name=\"UserName\"><input name=\"Password\" type=\"password\"><button>Masuk</button></form>"));
        group.MapGet("/dashboard", (CancellationToken ct) => DashboardAsync(connectionString, ct));
        group.MapGet("/laporan", (string? status, int? page, int? opdId, DateOnly? from, DateOnly? to, string? q, CancellationToken ct) =>
            ListAsync(connectionString, new ListFilter(status, opdId, from, to, q), page ?? 1, ct));
        group.MapGet("/laporan/{id:int}", (int id, CancellationToken ct) => DetailsAsync(connectionString, id, ct));
        group.MapGet("/lacak", (string? nomor, string? kode, CancellationToken ct) => TrackAsync(connectionString, nomor, kode, ct));
        group.MapGet("/dokumen/{id:int}", (int id, CancellationToken ct) => DocumentAsync(connectionString, id, ct));
    }

    private static IResult Html(string body) => Results.Content($"<!doctype html><html><body>{body}</body></html>", "text/html; charset=utf-8");

    private static async Task<IResult> DashboardAsync(string cs, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var html = new StringBuilder();
        await using var c = await OpenAsync(cs, ct);
        var breached = now.AddHours(-24);
        var warning = now.AddHours(-20);
        var openStates = string.Join(",", DashboardService.OpenStates.Select(s => $"'{s}'"));
        var open = $"Status IN ({openStates}) AND WorkCompletedAtUtc IS NULL AND SlaPausedSinceUtc IS NULL";
        var list = "SELECT r.Id, r.Number, COALESCE(o.ShortName, o.Name), r.ReporterName, r.Category, r.Channel, r.Status, r.ReceivedAtUtc, r.Location, r.SlaClockStartUtc FROM Reports r JOIN Opds o ON o.Id = r.OpdId";
        // The SQL of DashboardService (the Kepala Dinas's queue: the states the Kepala Dinas acts in, from the workflow table).
        var kadisStates = string.Join(",", Core.Domain.Workflow.Workflow.StatesAwaiting(Core.Domain.Workflow.ActorRule.KepalaDinas).Select(s => $"'{s}'"));
        await TableAsync(c, html, $"{list} WHERE r.Status IN ({kadisStates}) ORDER BY r.SlaClockStartUtc LIMIT 10", ct);
        await TableAsync(c, html, "SELECT Status, COUNT(*) FROM Reports GROUP BY Status", ct);
        await TableAsync(c, html, $"{list} WHERE r.{open} AND r.SlaClockStartUtc < $p0 ORDER BY r.SlaClockStartUtc LIMIT 10", ct, breached);
        await TableAsync(c, html, $"{list} WHERE r.{open} AND r.SlaClockStartUtc >= $p0 AND r.SlaClockStartUtc < $p1 ORDER BY r.SlaClockStartUtc LIMIT 10", ct, breached, warning);
        var nowWib = now.AddHours(7);
        var month = new DateTime(nowWib.Year, nowWib.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-7);
        await TableAsync(c, html, "SELECT SlaElapsedSeconds FROM Reports WHERE WorkCompletedAtUtc >= $p0 AND SlaElapsedSeconds IS NOT NULL", ct, month);
        // Six months counted by their first instants (p0 = the oldest), as the page does.
        var starts = Enumerable.Range(0, 6).Select(i => month.AddHours(7).AddMonths(i - 5).AddHours(-7)).Cast<object?>().ToArray();
        string ByMonth(string column) =>
            $"SELECT CASE {string.Concat(Enumerable.Range(1, 5).Reverse().Select(i => $"WHEN {column} >= $p{i} THEN {i} "))}ELSE 0 END m, COUNT(*) " +
            $"FROM Reports WHERE {column} >= $p0 GROUP BY m";
        await TableAsync(c, html, ByMonth("ReceivedAtUtc"), ct, starts);
        await TableAsync(c, html, ByMonth("WorkCompletedAtUtc"), ct, starts);
        await TableAsync(c, html, "SELECT OpdId, COUNT(*) FROM Reports GROUP BY OpdId", ct);
        await TableAsync(c, html, "SELECT Id, COALESCE(ShortName, Name) FROM Opds", ct);
        await TableAsync(c, html, "SELECT Category, COUNT(*) FROM Reports GROUP BY Category", ct);
        await TableAsync(c, html, "SELECT FromStatus, AVG(SecondsInFromStatus) FROM ReportEvents WHERE AtUtc >= $p0 AND FromStatus IS NOT NULL AND SecondsInFromStatus IS NOT NULL GROUP BY FromStatus", ct, now.AddDays(-90));
        await TableAsync(c, html, $"SELECT FullName n, COUNT(*) c FROM ReportAssignments WHERE ReportId IN (SELECT Id FROM Reports WHERE Status IN ({openStates}) AND WorkCompletedAtUtc IS NULL) GROUP BY n ORDER BY c DESC, n LIMIT 15", ct);
        // The year's IKM (WIB calendar year): element sums per OPD, added up and put through IkmCalculator by the page.
        var year = new DateTime(nowWib.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-7);
        await TableAsync(c, html, "SELECT OpdId, COUNT(*), SUM(U1), SUM(U2), SUM(U3), SUM(U4), SUM(U5), SUM(U6), SUM(U7), SUM(U8), SUM(U9) " +
            "FROM SatisfactionSurveys WHERE SubmittedAtUtc >= $p0 AND SubmittedAtUtc < $p1 GROUP BY OpdId", ct, year, year.AddYears(1));
        return Html(html.ToString());
    }

    /// <summary>The list's filters the runner uses (status, OPD, days received in WIB, text search).</summary>
    private sealed record ListFilter(string? Status, int? OpdId, DateOnly? From, DateOnly? To, string? Q);

    private static async Task<IResult> ListAsync(string cs, ListFilter filter, int page, CancellationToken ct)
    {
        var html = new StringBuilder();
        await using var c = await OpenAsync(cs, ct);
        var conditions = new List<string> { "1 = 1" };
        var args = new List<object?>();
        void Add(string condition, object? value)
        {
            conditions.Add(condition.Replace("$p", "$p" + args.Count, StringComparison.Ordinal));
            args.Add(value);
        }
        if (filter.Status is { } status) Add("r.Status = $p", status);
        if (filter.OpdId is { } opdId) Add("r.OpdId = $p", opdId);
        if (filter.From is { } from) Add("r.ReceivedAtUtc >= $p", Wib.ToUtc(from.ToDateTime(TimeOnly.MinValue)));
        if (filter.To is { } to) Add("r.ReceivedAtUtc < $p", Wib.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        // The same FTS5 index as the page (ReportTextSearch), for terms of three characters or more.
        if (!string.IsNullOrWhiteSpace(filter.Q)) Add("r.Id IN (SELECT rowid FROM ReportSearch WHERE ReportSearch MATCH $p)", Reports.ReportTextSearch.Phrase(filter.Q.Trim()));
        var where = string.Join(" AND ", conditions);
        // Counted up to the list's cap (a text search's own), as the page does (ReportCount).
        var cap = Reports.ReportCount.CapFor(!string.IsNullOrWhiteSpace(filter.Q));
        var count = await ScalarAsync(c, $"SELECT COUNT(*) FROM (SELECT 1 FROM Reports r WHERE {where} LIMIT {cap + 1})", ct, [.. args]);
        html.Append(CultureInfo.InvariantCulture, $"<p>{count}</p>");
        await TableAsync(c, html, "SELECT r.Id, r.Number, COALESCE(o.ShortName, o.Name), r.ReporterName, r.Category, r.Channel, r.Status, r.ReceivedAtUtc, r.Location, " +
            $"r.SlaClockStartUtc, r.SlaPausedSinceUtc, r.WorkCompletedAtUtc FROM Reports r JOIN Opds o ON o.Id = r.OpdId WHERE {where} " +
            $"ORDER BY r.ReceivedAtUtc DESC, r.Id DESC LIMIT 25 OFFSET {(Math.Max(page, 1) - 1) * 25}", ct, [.. args]);
        // The page's filter options (OPDs, technicians) come from its reference-data cache: no query per request.
        return Html(html.ToString());
    }

    private static async Task<IResult> DetailsAsync(string cs, int id, CancellationToken ct)
    {
        var html = new StringBuilder();
        await using var c = await OpenAsync(cs, ct);
        await TableAsync(c, html, "SELECT r.*, o.Name FROM Reports r JOIN Opds o ON o.Id = r.OpdId WHERE r.Id = $p0", ct, id);
        await TableAsync(c, html, "SELECT * FROM ReportEvents WHERE ReportId = $p0 ORDER BY AtUtc, Id", ct, id);
        await TableAsync(c, html, "SELECT * FROM ReportAssignments WHERE ReportId = $p0", ct, id);
        await TableAsync(c, html, "SELECT * FROM ReportDevices WHERE ReportId = $p0", ct, id);
        await TableAsync(c, html, "SELECT * FROM ReportPauses WHERE ReportId = $p0", ct, id);
        await TableAsync(c, html, "SELECT Id, Type, Number, Version, IssuedAtUtc, IsSuperseded FROM IssuedDocuments WHERE ReportId = $p0 ORDER BY Id", ct, id);
        await TableAsync(c, html, "SELECT Id, OriginalName FROM Attachments WHERE ReportId = $p0", ct, id);
        // The page says whether the satisfaction survey was filled in.
        await TableAsync(c, html, "SELECT EXISTS (SELECT 1 FROM SatisfactionSurveys WHERE ReportId = $p0)", ct, id);
        return Html(html.ToString());
    }

    private static async Task<IResult> TrackAsync(string cs, string? number, string? code, CancellationToken ct)
    {
        var html = new StringBuilder();
        await using var c = await OpenAsync(cs, ct);
        var id = await ScalarAsync(c, "SELECT Id FROM Reports WHERE Number = $p0 AND TrackingCode = $p1", ct, number ?? "", code ?? "");
        if (id is null) return Html("<p>Tidak ditemukan</p>");
        await TableAsync(c, html, "SELECT Number, Status, ReceivedAtUtc, ClosedAtUtc FROM Reports WHERE Id = $p0", ct, id);
        await TableAsync(c, html, "SELECT Action, AtUtc FROM ReportEvents WHERE ReportId = $p0 ORDER BY AtUtc, Id", ct, id);
        return Html(html.ToString());
    }

    private static async Task<IResult> DocumentAsync(string cs, int id, CancellationToken ct)
    {
        await using var c = await OpenAsync(cs, ct);
        await using var command = Command(c, "SELECT Pdf FROM IssuedDocuments WHERE Id = $p0", id);
        var pdf = await command.ExecuteScalarAsync(ct) as byte[];
        return pdf is null ? Results.NotFound() : Results.File(pdf, "application/pdf");
    }

    private static async Task<SqliteConnection> OpenAsync(string cs, CancellationToken ct)
    {
        var connection = new SqliteConnection(cs);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, params object?[] args)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue("$p" + i, args[i] ?? DBNull.Value);
        return command;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection c, string sql, CancellationToken ct, params object?[] args)
    {
        await using var command = Command(c, sql, args);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task TableAsync(SqliteConnection c, StringBuilder html, string sql, CancellationToken ct, params object?[] args)
    {
        await using var command = Command(c, sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        html.Append("<table>");
        while (await reader.ReadAsync(ct))
        {
            html.Append("<tr>");
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? $"{bytes.Length} B" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                html.Append("<td>").Append(WebUtility.HtmlEncode(value)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</table>");
    }
}
