using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Sla;

/// <summary>
/// The list page and the dashboard send the same number of SQL commands for 5 reports as for 50, the dashboard both
/// when its shared aggregates are served and when a change makes it compute them (the IKM's survey query included).
/// </summary>
public sealed class ConstantSqlCommands(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheListAndTheDashboardIssueAConstantNumberOfCommands()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(Start));
        await SeedAsync(app, 5);
        var (list5, home5, computing5) = await CountAsync(app);

        await SeedAsync(app, 45);
        var (list50, home50, computing50) = await CountAsync(app);

        Assert.Equal(list5, list50);
        Assert.Equal(home5, home50);
        Assert.Equal(computing5, computing50);
    }

    private static async Task SeedAsync(SlaApp app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            // Two OPDs, so the per-OPD aggregates (the IKM's survey totals among them) grow in rows too.
            var id = await app.ReceiveAsync(app.Now.AddMinutes(1), (FaultCategory)(i % 7), i % 2 == 0 ? "pelapor" : "pelapor.dinkes");
            // Every fifth report is in the technicians' hands, so events and assignments grow too.
            if (i % 5 == 0) await app.ToRepairingAsync(id);
            // Every third has a satisfaction survey (the dashboard's IKM of the year).
            if (i % 3 == 0) await AddSurveyAsync(app, id, 1 + (i % 4));
        }
    }

    private static Task<int> AddSurveyAsync(SlaApp app, int reportId, int score) => app.QueryAsync(async db =>
    {
        var opdId = await db.Reports.Where(r => r.Id == reportId).Select(r => r.OpdId).SingleAsync();
        db.SatisfactionSurveys.Add(new SatisfactionSurvey(reportId, opdId, null, Enumerable.Repeat(score, 9).ToList(), null, app.Now));
        return await db.SaveChangesAsync();
    });

    private static async Task<(int List, int Home, int Computing)> CountAsync(SlaApp app)
    {
        using var kadis = await WebSession.SignedInAsync(app.Factory, "kadis");
        using var counter = await SqlCommandCounter.StartAsync(app.Root.DataDirectory, () => app.QueryAsync(db => db.Users.AnyAsync()));
        async Task<int> MeasureAsync(string url)
        {
            await kadis.GetPageAsync(url); // warm: anything done once per session is not counted
            counter.Reset();
            await kadis.GetPageAsync(url);
            return counter.Count;
        }
        var list = await MeasureAsync("/laporan");
        var home = await MeasureAsync("/");
        Assert.True(list > 0 && home > 0, "the counter saw no commands");

        // A change (as any save through the app makes) and the next load computes the shared aggregates.
        app.Factory.Services.GetRequiredService<DataChanges>().ReportsChanged();
        counter.Reset();
        await kadis.GetPageAsync("/");
        var computing = counter.Count;
        Assert.True(computing > home, "a change must make the dashboard compute its aggregates");
        Assert.Contains(counter.Texts, t => t.Contains("SatisfactionSurveys", StringComparison.Ordinal));
        return (list, home, computing);
    }
}
