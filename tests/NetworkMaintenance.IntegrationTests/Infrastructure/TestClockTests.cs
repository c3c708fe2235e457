using Microsoft.Extensions.Time.Testing;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>The integration tests' clock keeps a class that depends on "today" six hours or more from midnight WIB.</summary>
public sealed class TestClockTests
{
    private static readonly TimeSpan WibOffset = TimeSpan.FromHours(7);

    [Fact]
    public void InTheEveningItReadsTheNextMorningAndRunsOn()
    {
        // 31 January, 23:30 WIB: the month would turn within the half hour.
        var real = new FakeTimeProvider(new DateTimeOffset(2027, 1, 31, 23, 30, 0, WibOffset));
        var clock = new TestClock(real).KeepAwayFromMidnightWib();

        Assert.Equal(new DateTimeOffset(2027, 2, 1, 10, 0, 0, WibOffset), clock.GetUtcNow());
        real.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new DateTime(2027, 2, 1, 12, 0, 0), clock.NowWib);
        Assert.Equal(new DateOnly(2027, 2, 1), clock.TodayWib);

        // Moved once: a second call (the next test of the class) keeps the date.
        clock.KeepAwayFromMidnightWib();
        Assert.Equal(new DateTime(2027, 2, 1, 12, 0, 0), clock.NowWib);
    }

    [Fact]
    public void DuringTheDayItKeepsTheRealTime()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2027, 3, 10, 9, 15, 0, WibOffset));
        var clock = new TestClock(real).KeepAwayFromMidnightWib();
        Assert.Equal(real.GetUtcNow(), clock.GetUtcNow());
        Assert.Equal(new TestClock(real).GetUtcNow(), clock.GetUtcNow());
    }
}
