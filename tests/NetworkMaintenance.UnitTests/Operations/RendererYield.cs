using Microsoft.Extensions.Time.Testing;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.UnitTests.Operations;

/// <summary>
/// How long the background renderer lets queued writers go first (<see cref="PendingDocuments.WaitWhileAsync"/>): until
/// they are through, and never longer than its bound, so that a queue that never empties cannot hold the documents back
/// for good.
/// </summary>
public sealed class RendererYield
{
    [Fact]
    public async Task TheWaitEndsWhenTheWritersAreThrough()
    {
        var time = new FakeTimeProvider();
        var looks = 0;
        var wait = PendingDocuments.WaitWhileAsync(() => ++looks < 4, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), time,
            CancellationToken.None);

        while (!wait.IsCompleted)
        {
            Assert.True(time.GetUtcNow() < time.Start.AddSeconds(1), "the wait went on after the queue was gone");
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        // Three polls at least; the clock may have moved once more before the waiter's continuation ran on another
        // thread (CI saw 400 ms), which the loop above already bounds.
        Assert.InRange(await wait, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));
        Assert.Equal(4, looks);
    }

    [Fact]
    public async Task AQueueThatNeverEmptiesHoldsTheRendererBackForItsBoundOnly()
    {
        var time = new FakeTimeProvider();
        var wait = PendingDocuments.WaitWhileAsync(() => true, PendingDocuments.MaxYield, PendingDocuments.YieldPoll, time,
            CancellationToken.None);

        while (!wait.IsCompleted)
        {
            // One poll of slack: the clock may move once before the waiter's continuation has looked at it.
            Assert.True(time.GetUtcNow() <= time.Start + PendingDocuments.MaxYield + PendingDocuments.YieldPoll,
                "the renderer waited past its bound");
            time.Advance(PendingDocuments.YieldPoll);
            await Task.Yield();
        }

        Assert.InRange(await wait, PendingDocuments.MaxYield, PendingDocuments.MaxYield + 2 * PendingDocuments.YieldPoll);
    }

    [Fact]
    public async Task NoWaitWhenNoWriterQueues()
    {
        var waited = await PendingDocuments.WaitWhileAsync(() => false, PendingDocuments.MaxYield, PendingDocuments.YieldPoll,
            new FakeTimeProvider(), CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, waited);
    }
}
