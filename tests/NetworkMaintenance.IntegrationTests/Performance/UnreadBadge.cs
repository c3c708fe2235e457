using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Notifications;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Performance;

/// <summary>
/// The navigation badge and the report page with an official who has many unread notifications (issue #18, point 2:
/// the Kepala Dinas is notified of every new report, and each step made every page read all of them again, a third of
/// a step's CPU at 3,000 unread). The badge counts them, and the report page finds the one about its report, from the
/// (UserId, ReadAtUtc, ReportId) index alone.
/// </summary>
public sealed class UnreadBadge(AppFactory factory) : IClassFixture<AppFactory>
{
    private const int Unread = 1500;

    [Fact]
    public async Task ManyUnreadNotificationsAreCountedAndTheOneAboutAReportIsFoundAndMarkedRead()
    {
        var kadis = await factory.UserIdAsync("kadis");
        var reportId = await FileAsync();
        var other = await FileAsync();
        await factory.QueryAsync(async db =>
        {
            // Read, so that only this report's notification is unread about it.
            await db.Notifications.Where(n => n.UserId == kadis && n.ReportId == other).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, DateTime.UtcNow));
            db.Notifications.AddRange(Enumerable.Range(0, Unread).Select(i => new Notification(kadis, $"Pemberitahuan uji {i}", null, DateTime.UtcNow)));
            return await db.SaveChangesAsync();
        });
        var expected = await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == kadis && n.ReadAtUtc == null));
        Assert.True(expected > Unread);

        await factory.WithScopeAsync(async sp =>
        {
            var counts = sp.GetRequiredService<NavCounts>();
            Assert.Equal(expected, (await counts.ForAsync(kadis)).Unread);
            Assert.True(await counts.HasUnreadAboutAsync(kadis, reportId));
            Assert.False(await counts.HasUnreadAboutAsync(kadis, other));
            await sp.GetRequiredService<ReportNotifications>().MarkReadAsync(kadis, reportId);
        });
        await factory.WithScopeAsync(async sp =>
        {
            var counts = sp.GetRequiredService<NavCounts>();
            Assert.False(await counts.HasUnreadAboutAsync(kadis, reportId));
            Assert.Equal(expected - 1, (await counts.ForAsync(kadis)).Unread);
        });
    }

    // EXPLAIN QUERY PLAN is SQLite's.
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task TheReportPageLooksForAnUnreadNotificationAboutItsReportInTheIndexAlone()
    {
        var kadis = await factory.UserIdAsync("kadis");
        var reportId = 7;
        var plan = await factory.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return SqliteStatements.PlanAsync(db, NavCounts.Unread(db.Notifications.AsNoTracking(), kadis)
                .Where(n => n.ReportId == reportId).Select(n => n.Id).ToQueryString());
        });
        Assert.Contains("COVERING INDEX IX_Notifications_UserId_ReadAtUtc_ReportId", plan, StringComparison.Ordinal);
    }

    private Task<int> FileAsync() => factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var reporterId = await db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Id).SingleAsync();
        var actor = (await sp.GetRequiredService<ActorFactory>().ForUserAsync(reporterId))!;
        var report = await sp.GetRequiredService<ReportService>().ReceiveAsync(new NewReport(actor.OpdId!.Value, reporterId,
            "Rina Marlina", null, null, "+6281260000100", null, ReportChannel.Web, DateTime.UtcNow, "Ruang rapat",
            FaultCategory.NoInternet, "Internet mati sejak pagi"), actor);
        return report.Id;
    });
}
