using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Sla;
using NetworkMaintenance.Web.Commands.Generate;
using Xunit.Abstractions;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The SQL commands of the two benchmarked pages (docs/performance.md): the officials' report list and a report page,
/// on generated data, once the session is warm. The signed-in user's actor and the navigation badges come from caches
/// keyed by change counters, so the pages send their content queries only; and those caches never keep an access
/// that was taken away.
/// </summary>
// Seeded by the bulk generator, a tool of the embedded database: not run on PostgreSQL (.ci/run).
[Trait("Database", "SqliteOnly")]
public sealed class PageQueries(ITestOutputHelper output) : IDisposable
{
    private const string Password = "Uji#Generator2026";
    private static readonly string[] PerUserTables = ["AspNetUsers", "AspNetUserRoles", "ActingAppointments", "Notifications"];
    private readonly AppFactory _factory = new();

    [Fact]
    public async Task TheListAndTheReportPageSendOnlyTheirContentQueries()
    {
        await GenerateAsync(120);
        var closed = await _factory.QueryAsync(db => db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Closed)
            .OrderByDescending(r => r.Events.Count).Select(r => r.Id).FirstAsync());

        using var kadis = await WebSession.SignedInAsync(_factory, "uji.kadis", Password);
        using var counter = await SqlCommandCounter.StartAsync(_factory.DataDirectory, () => _factory.QueryAsync(db => db.Users.AnyAsync()));
        var list = await MeasureAsync(kadis, counter, "/laporan?status=Closed&page=2");
        var page = await MeasureAsync(kadis, counter, $"/laporan/{closed}");

        // The list: the count and the page of rows (the filter options are cached reference data).
        Assert.Equal(2, list.Count);
        Assert.StartsWith("SELECT COUNT(*)", list[0], StringComparison.Ordinal);
        // The report page, warm: the report's current version (the report itself, with its OPD, technicians, devices,
        // pauses and timeline, is kept under it: ReportSnapshots), then attachments, the survey flag and the documents.
        Assert.Equal(4, page.Count);
        Assert.Contains("\"Version\"", page[0], StringComparison.Ordinal);
        Assert.DoesNotContain(page, text => text.Contains("\"ReportEvents\"", StringComparison.Ordinal));
        foreach (var text in list.Concat(page))
        {
            Assert.DoesNotContain(PerUserTables, table => text.Contains($"\"{table}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheDashboardReadsTheSharedFiguresIncludingTheDeviceFiguresFromTheCache()
    {
        await GenerateAsync(120);
        using var kadis = await WebSession.SignedInAsync(_factory, "uji.kadis", Password);
        using var counter = await SqlCommandCounter.StartAsync(_factory.DataDirectory, () => _factory.QueryAsync(db => db.Users.AnyAsync()));
        var dashboard = await MeasureAsync(kadis, counter, "/");

        // Warm and unchanged: only the person's own lists (queue, overdue, at risk) are read; the counts, charts, IKM and
        // the device figures (flagged devices, most faults, this month's device work, stock) are the shared figures'.
        Assert.InRange(dashboard.Count, 1, 4);
        string[] sharedTables = ["DeviceEvents", "Devices", "StockItems", "StockMovements", "DeviceReorderLevels", "SatisfactionSurveys", "ReportAssignments"];
        foreach (var text in dashboard)
        {
            Assert.DoesNotContain(sharedTables, table => text.Contains($"\"{table}\"", StringComparison.Ordinal));
            Assert.DoesNotContain("GROUP BY", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARoleTakenAwayOrADeactivationAppliesOnTheNextRequest()
    {
        await GenerateAsync(30);
        var (reportId, opdId) = await _factory.QueryAsync(db => db.Reports.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new ValueTuple<int, int>(r.Id, r.OpdId)).FirstAsync());
        var userName = $"uji.pelapor{opdId}";
        using var reporter = await WebSession.SignedInAsync(_factory, userName, Password);
        var url = $"/laporan/{reportId}";
        await reporter.GetPageAsync(url);
        await reporter.GetPageAsync(url); // the actor is cached now

        await ChangeUserAsync(userName, (users, user) => users.RemoveFromRoleAsync(user, Roles.Pelapor));
        using (var response = await reporter.GetAsync(url))
        {
            // The cookie still names the role (until its stamp check), but the report's access rule reads the actor.
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await ChangeUserAsync(userName, (users, user) => users.AddToRoleAsync(user, Roles.Pelapor));
        await reporter.GetPageAsync(url);

        await ChangeUserAsync(userName, (users, user) =>
        {
            user.IsActive = false;
            return users.UpdateAsync(user);
        });
        using (var response = await reporter.GetAsync(url))
        {
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(url, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task GenerateAsync(int reports)
    {
        var result = await _factory.WithScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<BulkDataGenerator>(sp).GenerateAsync(new GeneratorOptions(reports, 11, 3, Password)));
        Assert.Equal(reports, result.Reports);
    }

    private Task ChangeUserAsync(string userName, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change) =>
        _factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            Assert.True((await change(users, user)).Succeeded);
        });

    private async Task<IReadOnlyList<string>> MeasureAsync(WebSession session, SqlCommandCounter counter, string url)
    {
        await session.GetPageAsync(url); // warm: caches filled, nothing done once per session is counted
        counter.Reset();
        await session.GetPageAsync(url);
        var texts = counter.Texts;
        output.WriteLine($"{url}: {texts.Count} commands");
        foreach (var text in texts) output.WriteLine("  " + text.ReplaceLineEndings(" "));
        return texts;
    }

    public void Dispose() => _factory.Dispose();
}
