using Microsoft.Extensions.Time.Testing;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.UnitTests.Operations;

/// <summary>
/// How long the background renderer lets queued writers go first (<see cref="PendingDocuments.WaitWhileAsync(Func{bool}, TimeSpan, TimeSpan, TimeProvider, CancellationToken)"/>):
/// until they are through, and never longer than its bound, so that a queue that never empties cannot hold the
/// documents back for good. Each pause moves a fake clock at once, on the test's thread: the waiter never runs behind the
/// clock (with timers on a fake clock its continuation ran on another thread, and CI saw it lag).
/// </summary>
public sealed class RendererYield
{
    [Fact]
    public async Task TheWaitEndsWhenTheWritersAreThrough()
    {
        var time = new FakeTimeProvider();
        var looks = 0;

        var waited = await PendingDocuments.WaitWhileAsync(() => ++looks < 4, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100),
            time, Pause(time), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(300), waited);
        Assert.Equal(4, looks);
    }

    [Fact]
    public async Task AQueueThatNeverEmptiesHoldsTheRendererBackForItsBoundOnly()
    {
        var time = new FakeTimeProvider();
        var looks = 0;

        var waited = await PendingDocuments.WaitWhileAsync(() => ++looks > 0, PendingDocuments.MaxYield, PendingDocuments.YieldPoll,
            time, Pause(time), CancellationToken.None);

        Assert.Equal(PendingDocuments.MaxYield, waited);
        Assert.Equal((int)(PendingDocuments.MaxYield / PendingDocuments.YieldPoll) + 1, looks);
    }

    [Fact]
    public async Task NoWaitWhenNoWriterQueues()
    {
        var waited = await PendingDocuments.WaitWhileAsync(() => false, PendingDocuments.MaxYield, PendingDocuments.YieldPoll,
            new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, waited);
    }

    private static Func<TimeSpan, CancellationToken, Task> Pause(FakeTimeProvider time) => (delay, _) =>
    {
        time.Advance(delay);
        return Task.CompletedTask;
    };
}
