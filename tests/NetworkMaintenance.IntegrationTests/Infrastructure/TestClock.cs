using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// The app's clock in the integration tests (<see cref="AppFactory.Clock"/>): the real time, running, unless a test
/// class moves it with <see cref="KeepAwayFromMidnightWib"/>. Tests that compute "today" or "now" read it here, never from
/// <see cref="DateTime.UtcNow"/>, so the test and the app agree on the date.
/// </summary>
/// <param name="real">The clock it follows (the system's; a fake one in its own test).</param>
public sealed class TestClock(TimeProvider? real = null) : TimeProvider
{
    private readonly TimeProvider _real = real ?? System;
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>
    /// Keeps the clock at least six hours from midnight WIB for as long as the app runs: from 18:00 WIB (11:00 UTC) on it
    /// is moved forward to 10:00 WIB of the next day and keeps running from there; earlier it stays on the real time. A
    /// test class that appoints officials for "today" and "tomorrow", or checks what is in force today, then cannot see
    /// the date (or the month) turn under it when the run crosses midnight WIB (17:00 UTC). The clock only ever moves
    /// forward, so cookies and tokens it dates stay valid; timers keep real time (only the reading moves), so the
    /// background services run as usual. Moving it once is enough: later calls keep the first offset.
    /// </summary>
    public TestClock KeepAwayFromMidnightWib()
    {
        var real = _real.GetUtcNow();
        var wib = real.ToOffset(Wib.Offset);
        if (wib.Hour < 18) return this;
        var nextMorning = new DateTimeOffset(wib.Year, wib.Month, wib.Day, 10, 0, 0, Wib.Offset).AddDays(1);
        Interlocked.CompareExchange(ref _offsetTicks, (nextMorning - real).Ticks, 0);
        return this;
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/> (never back): a test that needs time to pass between two steps,
    /// such as a step done on a phone and synced hours later (Offline/OfflineSyncOverHttp).
    /// </summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The test clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Today's date in WIB on this clock.</summary>
    public DateOnly TodayWib => Wib.Today(this);

    /// <summary>The WIB wall-clock time on this clock.</summary>
    public DateTime NowWib => Wib.FromUtc(GetUtcNow().UtcDateTime);
}
