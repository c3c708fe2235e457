using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Dashboard;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Sla;

/// <summary>The dashboard's figures against values worked out by hand from seeded reports.</summary>
public sealed partial class DashboardFigures(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc); // 12.00 WIB
    private static DateTime Nov(int day, int hour) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheFiguresEqualTheHandComputedOnes()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)); // a fake clock only moves forward
        // One completed in October in 2 h; completed this month in 2 h, 10 h and 30 h of clock time.
        var g = await app.ReceiveAsync(new DateTime(2026, 10, 15, 1, 0, 0, DateTimeKind.Utc), FaultCategory.Other);
        await app.ToRepairingAsync(g);
        await app.CompleteAsync(g, new DateTime(2026, 10, 15, 3, 0, 0, DateTimeKind.Utc));
        var a = await app.ReceiveAsync(Nov(10, 1));
        await app.ToRepairingAsync(a);
        await app.CompleteAsync(a, Nov(10, 3));
        var b = await app.ReceiveAsync(Nov(12, 1), FaultCategory.WifiProblem);
        await app.ToRepairingAsync(b);
        await app.CompleteAsync(b, Nov(12, 11));
        var c = await app.ReceiveAsync(Nov(14, 1), FaultCategory.CableDamage);
        await app.ToRepairingAsync(c);
        await app.CompleteAsync(c, Nov(15, 7));
        // Open: overdue (52 h), at risk (22 h), on time (1 h).
        var d = await app.ReceiveAsync(Nov(18, 1));
        await app.ToRepairingAsync(d);
        var e = await app.ReceiveAsync(Nov(19, 7));
        var f = await app.ReceiveAsync(Nov(20, 4), FaultCategory.SlowConnection);
        app.At(Now);

        var kadisId = await factory.UserIdAsync("kadis");
        var model = await app.ScopeAsync(async sp =>
        {
            var actor = (await sp.GetRequiredService<ActorFactory>().ForUserAsync(kadisId))!;
            return await sp.GetRequiredService<DashboardService>().BuildAsync(actor);
        });

        // Compliance: 2 completed within 24 h of 3 completed plus 1 open report already overdue (d): 2 / 4, not 2 / 3.
        Assert.Equal(new Kpis(Open: 7, CompletedThisMonth: 3, MedianHours: 10, P90Hours: 30, CompliancePercent: 50, OpenOverdue: 1), model.Kpis);
        Assert.Equal([d], model.Overdue.Select(r => r.Id));
        Assert.Equal([e], model.AtRisk.Select(r => r.Id));
        Assert.Equal([(ReportStatus.Submitted, 2), (ReportStatus.Repairing, 1), (ReportStatus.AwaitingAcknowledgement, 4)], model.ByStatus);
        Assert.Equal([e, f], model.MyQueue.Select(r => r.Id)); // the Kadis disposes new reports; oldest clock first

        var charts = model.Charts.ToDictionary(c => c.Id);
        var trend = charts["trend"];
        Assert.Equal(["Jun 2026", "Jul 2026", "Agu 2026", "Sep 2026", "Okt 2026", "Nov 2026"], trend.Labels);
        Assert.Equal([0d, 0, 0, 0, 1, 6], trend.Series[0].Data);
        Assert.Equal([0d, 0, 0, 0, 1, 3], trend.Series[1].Data);
        var categories = charts["by-category"];
        Assert.Equal(3, categories.Series[0].Data[categories.Labels.ToList().IndexOf(Labels.Of(FaultCategory.NoInternet))]);
        Assert.Equal(7, categories.Series[0].Data.Sum());
        Assert.Equal(["BKD"], charts["by-opd"].Labels);
        Assert.Equal([7d], charts["by-opd"].Series[0].Data);
        Assert.Equal(["Bayu Pratama, A.Md"], charts["workload"].Labels);
        Assert.Equal([1d], charts["workload"].Series[0].Data);
        var steps = charts["time-per-step"];
        double Step(ReportStatus s) => steps.Series[0].Data[steps.Labels.ToList().IndexOf(Labels.Of(s))];
        Assert.Equal(600 / 3600d, Step(ReportStatus.Submitted), 2);
        // Repairing: 70, 550, 1750 and 70 minutes.
        Assert.Equal((70 + 550 + 1750 + 70) / 4d / 60, Step(ReportStatus.Repairing), 2);

        // The page shows the same figures and hands the charts to dashboard.js as data attributes.
        using var kadis = await WebSession.SignedInAsync(app.Factory, "kadis");
        var html = await kadis.GetPageAsync("/");
        Assert.Equal("50%", Kpi(html, "compliance"));
        Assert.Contains("1 terlambat masih terbuka", WebPageHelpers.Text(html));
        Assert.Contains("data-testid=\"compliance-definition\"", html, StringComparison.Ordinal);
        Assert.Equal("10 jam", Kpi(html, "median"));
        Assert.Equal("30 jam", Kpi(html, "p90"));
        Assert.Equal("7", Kpi(html, "open"));
        Assert.Contains("data-chart=", html);
        Assert.Contains("/js/dashboard.js", html);
        Assert.DoesNotMatch(InlineScript(), html);

        // OPD staff see their OPD's open reports instead.
        using var pelapor = await WebSession.SignedInAsync(app.Factory, "pelapor");
        var home = await pelapor.GetPageAsync("/");
        Assert.Contains("data-testid=\"opd-open\"", home);
        // (Below what waits for the reporter: docs/daily-use.md.)
        Assert.Equal(7, Regex.Count(home[home.IndexOf("data-testid=\"opd-open\"", StringComparison.Ordinal)..], "data-testid=\"sla\""));
    }

    private static string Kpi(string html, string name)
    {
        var m = Regex.Match(html, $"data-kpi=\"{name}\">([^<]*)<");
        Assert.True(m.Success, $"KPI {name} not on the page");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
