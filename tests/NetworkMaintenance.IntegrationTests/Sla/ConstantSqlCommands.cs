using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Sla;

/// <summary>The list page and the dashboard send the same number of SQL commands for 5 reports as for 50.</summary>
public sealed class ConstantSqlCommands(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Start = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheListAndTheDashboardIssueAConstantNumberOfCommands()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(Start));
        await SeedAsync(app, 5);
        var (list5, home5) = await CountAsync(app);

        await SeedAsync(app, 45);
        var (list50, home50) = await CountAsync(app);

        Assert.Equal(list5, list50);
        Assert.Equal(home5, home50);
    }

    private static async Task SeedAsync(SlaApp app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = await app.ReceiveAsync(app.Now.AddMinutes(1), (FaultCategory)(i % 7));
            // Every fifth report is in the technicians' hands, so events and assignments grow too.
            if (i % 5 == 0) await app.ToRepairingAsync(id);
        }
    }

    private static async Task<(int List, int Home)> CountAsync(SlaApp app)
    {
        using var kadis = await WebSession.SignedInAsync(app.Factory, "kadis");
        using var counter = await SqlCommandCounter.StartAsync(app.Root.DataDirectory);
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
        return (list, home);
    }
}
