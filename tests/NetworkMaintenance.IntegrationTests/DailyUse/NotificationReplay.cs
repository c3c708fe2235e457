using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.Reports;
using Xunit.Abstractions;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>
/// The bell means something: a short shift replayed over HTTP (five reports filed, disposed, rejected, assigned, worked,
/// disputed, acknowledged, reviewed and closed by the people whose turn it is, each opening the step form of the report
/// they act on). Afterwards every person has at most one unread notification per report, and the officials and
/// technicians only about reports that still wait for them; nobody was notified of their own step.
/// </summary>
public sealed class NotificationReplay(AppFactory factory, ITestOutputHelper output) : IClassFixture<AppFactory>, IDisposable
{
    private static readonly string[] Everyone =
        ["pelapor", "pelapor.dinkes", "petugas", "kadis", "kabid", "kasi", "teknisi", "teknisi2"];

    private static readonly string[] WaitedFor = ["kadis", "kabid", "kasi", "teknisi", "teknisi2"];

    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task AfterAShiftEachPersonHasAtMostOneUnreadNotificationPerReportStillWaitingForThem()
    {
        var closed = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji satu shift (1)");
        var disputed = await _w.SubmitAsync(description: "Wi-Fi aula putus-putus, uji satu shift (2)");
        var waiting = await _w.SubmitAsync(description: "Printer jaringan tidak terjangkau, uji satu shift (3)");
        var rejected = await _w.SubmitAsync("pelapor.dinkes", "Aplikasi pendaftaran error, uji satu shift (4)");
        var fresh = await _w.SubmitAsync(description: "Kabel LAN ruang server longgar, uji satu shift (5)");

        foreach (var id in new[] { closed, disputed, waiting }) await _w.DisposeAsync(id);
        await _w.StepOkAsync("kadis", rejected, WorkflowAction.Reject, ReportStatus.Rejected, ("Reason", "Bukan gangguan jaringan"));
        foreach (var id in new[] { closed, disputed, waiting }) await _w.VerifyAsync(id);
        foreach (var id in new[] { closed, disputed, waiting }) await _w.AssignAsync(id);

        foreach (var id in new[] { closed, disputed })
        {
            await _w.StepOkAsync("teknisi", id, WorkflowAction.StartDiagnosis, ReportStatus.Diagnosing);
            await _w.DiagnoseAsync(id, inDataCenter: true);
            await _w.CompleteRepairAsync(id);
        }
        await _w.AcknowledgeAsync(closed);
        await _w.StepOkAsync("pelapor", disputed, WorkflowAction.Dispute, ReportStatus.Diagnosing, ("Reason", "Masih putus-putus"));
        await _w.ReviewUpAsync(closed);

        // Nobody was notified of their own step: no notification was written at the time of a step its recipient took.
        var ownSteps = await factory.QueryAsync(db => db.Notifications
            .Where(n => db.ReportEvents.Any(e => e.ReportId == n.ReportId && e.AtUtc == n.CreatedAtUtc && e.ActorUserId == n.UserId))
            .Select(n => n.Message).ToListAsync());
        Assert.Empty(ownSteps);

        foreach (var userName in Everyone)
        {
            var userId = await _w.UserIdAsync(userName);
            var unread = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null)
                .Select(n => new { n.ReportId, n.Message }).ToListAsync());
            var total = await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == userId));
            output.WriteLine($"{userName}: {unread.Count} unread of {total}: {string.Join(" | ", unread.Select(u => u.Message))}");
            foreach (var perReport in unread.GroupBy(n => n.ReportId))
            {
                Assert.True(perReport.Count() <= 1, $"{userName} has {perReport.Count()} unread notifications of report {perReport.Key}.");
            }
            if (WaitedFor.Contains(userName))
            {
                var awaiting = await AwaitingAsync(userId);
                Assert.All(unread, n => Assert.True(n.ReportId is int r && awaiting.Contains(r),
                    $"{userName} has an unread notification of a report that does not wait for them: {n.Message}"));
            }
        }

        // What waits is in the bell: the technicians for the assigned and the disputed report; the Kadis for the new one.
        Assert.Equal(
            [disputed, waiting],
            (await UnreadReportsAsync("teknisi2")).Order());
        Assert.Equal([disputed, waiting], (await UnreadReportsAsync("teknisi")).Order());
        Assert.Equal([fresh], await UnreadReportsAsync("kadis"));
        // The disputing reporter's reason reaches the technicians.
        var teknisiId = await _w.UserIdAsync("teknisi");
        Assert.Contains("Masih putus-putus", await factory.QueryAsync(db => db.Notifications
            .Where(n => n.UserId == teknisiId && n.ReportId == disputed && n.ReadAtUtc == null).Select(n => n.Message).SingleAsync()));
    }

    private async Task<List<int>> UnreadReportsAsync(string userName)
    {
        var userId = await _w.UserIdAsync(userName);
        return await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null && n.ReportId != null)
            .Select(n => n.ReportId!.Value).ToListAsync());
    }

    private async Task<HashSet<int>> AwaitingAsync(string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<ActorFactory>().ForUserAsync(userId);
        var db = scope.ServiceProvider.GetRequiredService<NetworkMaintenance.Core.Data.AppDbContext>();
        return (await db.Reports.AwaitingActionBy(actor!).Select(r => r.Id).ToListAsync()).ToHashSet();
    }

    public void Dispose() => _w.Dispose();
}
