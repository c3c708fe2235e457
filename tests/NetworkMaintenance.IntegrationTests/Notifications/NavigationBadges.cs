using System.Text.RegularExpressions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Notifications;

/// <summary>
/// The navigation badges (awaiting me, unread notifications) are cached per user (Infrastructure/NavCounts); what the
/// person does must still show on the very next page: a new hand-over, a step taken, "mark all as read" (a bulk
/// update that bypasses SaveChanges).
/// </summary>
public sealed partial class NavigationBadges(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task BadgesFollowHandOversStepsAndMarkAllRead()
    {
        var kadis = await _w.As("kadis");
        var (inbox, unread) = Badges(await kadis.GetPageAsync("/"));

        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji lencana navigasi");
        Assert.Equal((inbox + 1, unread + 1), Badges(await kadis.GetPageAsync("/")));

        using (var response = await kadis.SubmitFormAsync("/notifikasi", "/notifikasi/baca-semua", []))
        {
            await HttpAssert.RedirectsToAsync(response, "/notifikasi");
        }
        Assert.Equal((inbox + 1, 0), Badges(await kadis.GetPageAsync("/")));

        await _w.StepOkAsync("kadis", id, WorkflowAction.Reject, ReportStatus.Rejected, ("Reason", "Uji lencana navigasi"));
        // Off the inbox, and nothing new in the bell: nobody is notified of their own step (the front desk gets the
        // note to tell the reporter, see ReporterWhatsAppLinks).
        Assert.Equal((inbox, 0), Badges(await kadis.GetPageAsync("/")));
    }

    /// <summary>
    /// Under a stream of writes every change makes the badges stale. The cache keeps one entry per user, replaced when it
    /// is stale, not one per change: one per change held the user's whole unread set for 30 s each, and the benchmark's
    /// steps (3,500 unread, 160 changes a second) took the heap to 190 MB.
    /// </summary>
    [Fact]
    public async Task TheBadgesKeepOneCacheEntryPerUserHoweverManyChanges()
    {
        var kadis = await _w.UserIdAsync("kadis");
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji cache lencana");
        var entries = await factory.WithScopeAsync(async services =>
        {
            var counts = services.GetRequiredService<NavCounts>();
            var changes = services.GetRequiredService<DataChanges>();
            for (var i = 0; i < 50; i++)
            {
                changes.ReportsChanged();
                var (inbox, unread) = await counts.ForAsync(kadis);
                Assert.True(inbox >= 1 && unread >= 1, "the filed report awaits the Kepala Dinas, unread");
                Assert.True(await counts.HasUnreadAboutAsync(kadis, id));
            }
            var cache = (MemoryCache)services.GetRequiredService<IMemoryCache>();
            return cache.Keys.Count(k => k.ToString()!.Contains(nameof(NavCounts), StringComparison.Ordinal)
                && k.ToString()!.Contains(kadis, StringComparison.Ordinal));
        });
        Assert.Equal(1, entries);
    }

    /// <summary>The same for the caches keyed by the reference counter: the signed-in user's actor and the lists.</summary>
    [Fact]
    public async Task ReferenceChangesLeaveOneActorAndOneListEntryBehind()
    {
        var kadis = await _w.UserIdAsync("kadis");
        for (var i = 0; i < 30; i++)
        {
            await factory.WithScopeAsync(async services =>
            {
                services.GetRequiredService<DataChanges>().ReferenceChanged();
                Assert.NotNull(await services.GetRequiredService<Web.Features.Reports.ActorFactory>().ForUserAsync(kadis));
                Assert.Contains(await services.GetRequiredService<ReferenceLists>().UsersInRoleAsync(Core.Domain.Roles.KepalaDinas),
                    u => u.Id == kadis);
            });
        }
        var keys = await factory.WithScopeAsync(services =>
            Task.FromResult(((MemoryCache)services.GetRequiredService<IMemoryCache>()).Keys.Select(k => k.ToString()!).ToList()));
        Assert.Single(keys, k => k.Contains("ActorFactory", StringComparison.Ordinal) && k.Contains(kadis, StringComparison.Ordinal));
        Assert.Single(keys, k => k.Contains("ReferenceLists", StringComparison.Ordinal)
            && k.Contains("role-" + Core.Domain.Roles.KepalaDinas, StringComparison.Ordinal));
    }

    private static (int Inbox, int Unread) Badges(string html) => (Badge(html, "tugas"), Badge(html, "notifikasi"));

    private static int Badge(string html, string name)
    {
        var match = BadgeRegex().Matches(html).FirstOrDefault(m => m.Groups[1].Value == name);
        return match is null ? 0 : int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("data-testid=\"badge-([a-z]+)\">(\\d+)<")]
    private static partial Regex BadgeRegex();

    public void Dispose() => _w.Dispose();
}
