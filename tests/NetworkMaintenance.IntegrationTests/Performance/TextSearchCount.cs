using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The report list's count of a text search (issue #18 point 4). On PostgreSQL the planner, given the count's row limit,
/// read <c>Reports</c> row by row testing the ILIKEs instead of using the trigram indexes (a common word: 80 ms against
/// 11 ms at 100,000 reports); the count is planned without plain scans, so it reads the trigram index. On both
/// databases the count is exact.
/// </summary>
public sealed partial class TextSearchCount : IDisposable
{
    private readonly ExplainTextCount _explain = new();
    private readonly AppFactory _factory;

    public TextSearchCount()
    {
        _factory = new AppFactory { TestServices = services => services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(_explain)) };
    }

    [Fact]
    public async Task ACommonWordIsCountedExactlyAndOnPostgreSqlFromItsTrigramIndex()
    {
        var reporterId = await _factory.QueryAsync(db => db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Id).SingleAsync());
        var actor = (await _factory.WithScopeAsync(sp => sp.GetRequiredService<ActorFactory>().ForUserAsync(reporterId)))!;
        var descriptions = new[] { "Printer jaringan tidak terdeteksi", "Internet mati sejak pagi", "PRINTER lantai 2 offline",
            "Wi-Fi lambat", "Antrean printer macet" };
        foreach (var description in descriptions)
        {
            await _factory.WithScopeAsync(sp => sp.GetRequiredService<ReportService>().ReceiveAsync(new NewReport(actor.OpdId!.Value, reporterId,
                "Rina Marlina", null, null, "+6281260000100", null, ReportChannel.Web, DateTime.UtcNow, "Ruang rapat",
                FaultCategory.NoInternet, description), actor));
        }
        var expected = (await _factory.QueryAsync(db => db.Reports.Select(r => new { r.Number, r.Location, r.Description, r.LaporNumber }).ToListAsync()))
            .Count(r => new[] { r.Number, r.Location, r.Description, r.LaporNumber }.Any(t => t?.Contains("printer", StringComparison.OrdinalIgnoreCase) == true));
        Assert.True(expected >= 3);

        using var kadis = await WebSession.SignedInAsync(_factory, "kadis");
        _explain.Armed = true;
        var page = await kadis.GetPageAsync("/laporan?q=printer");

        Assert.Equal(expected, int.Parse(TotalRegex().Match(page).Groups[1].Value, CultureInfo.InvariantCulture));
        if (AppFactory.PostgresServer is not null)
        {
            var plan = Assert.Single(_explain.Plans);
            Assert.Contains("Bitmap Index Scan on \"IX_Reports_Description_Trigram\"", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan on \"Reports\"", plan, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("data-testid=\"total\">(\\d+)<")]
    private static partial Regex TotalRegex();

    public void Dispose() => _factory.Dispose();

    /// <summary>
    /// On PostgreSQL, asks for the plan of the list's count of a text search on the same connection and in the same
    /// transaction as the app runs it (so with the settings the app gave it), just before it runs.
    /// </summary>
    private sealed class ExplainTextCount : DbCommandInterceptor
    {
        public volatile bool Armed;

        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("ILIKE", StringComparison.Ordinal)
                && command.CommandText.Contains("count(*)", StringComparison.OrdinalIgnoreCase))
            {
                await using var explain = command.Connection!.CreateCommand();
                explain.Transaction = command.Transaction;
                explain.CommandText = "EXPLAIN " + command.CommandText;
                foreach (DbParameter parameter in command.Parameters)
                {
                    var copy = explain.CreateParameter();
                    copy.ParameterName = parameter.ParameterName;
                    copy.Value = parameter.Value;
                    copy.DbType = parameter.DbType;
                    explain.Parameters.Add(copy);
                }
                var lines = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
                }
                lock (Plans) Plans.Add(string.Join('\n', lines));
            }
            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
