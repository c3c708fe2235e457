namespace NetworkMaintenance.Core.Domain.Sla;

/// <summary>
/// The facts the clock needs, all stored on the report so lists can read them in one query:
/// <paramref name="ClockStartUtc"/> is the receipt time shifted later by every finished pause, so
/// the deadline is always <c>ClockStartUtc + target</c>; <paramref name="PausedSinceUtc"/> is set while paused.
/// </summary>
public readonly record struct SlaFacts(DateTime ClockStartUtc, DateTime? PausedSinceUtc, DateTime? WorkCompletedAtUtc,
    bool Rejected);

/// <summary>The clock's reading at one moment.</summary>
public readonly record struct SlaReading(SlaState State, TimeSpan Elapsed, TimeSpan Remaining, DateTime? DeadlineUtc)
{
    public bool IsRunning => State is SlaState.OnTime or SlaState.Warning or SlaState.Breached;
}

/// <summary>
/// Reads the 24-hour clock (docs/sla.md). Pure: the current time comes from the caller's <see cref="TimeProvider"/>.
/// </summary>
public sealed class SlaClock(SlaOptions options, TimeProvider time)
{
    public SlaOptions Options { get; } = options;

    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public SlaReading Read(SlaFacts facts) => Read(facts, NowUtc);

    public SlaReading Read(SlaFacts facts, DateTime nowUtc)
    {
        var target = Options.Target;
        if (facts.Rejected) return new SlaReading(SlaState.NotApplicable, TimeSpan.Zero, TimeSpan.Zero, null);

        if (facts.WorkCompletedAtUtc is { } done)
        {
            var used = done - facts.ClockStartUtc;
            return new SlaReading(used <= target ? SlaState.Met : SlaState.Missed, used, target - used, facts.ClockStartUtc + target);
        }

        if (facts.PausedSinceUtc is { } paused)
        {
            var used = paused - facts.ClockStartUtc;
            return new SlaReading(SlaState.Paused, used, target - used, null);
        }

        var elapsed = nowUtc - facts.ClockStartUtc;
        var remaining = target - elapsed;
        var state = remaining < TimeSpan.Zero ? SlaState.Breached
            : remaining <= Options.Warning ? SlaState.Warning
            : SlaState.OnTime;
        return new SlaReading(state, elapsed, remaining, facts.ClockStartUtc + target);
    }

    /// <summary>Running reports whose clock started before this are breached (for SQL filters).</summary>
    public DateTime BreachedIfStartedBefore(DateTime nowUtc) => nowUtc - Options.Target;

    /// <summary>Running reports whose clock started before this are at risk or breached (for SQL filters).</summary>
    public DateTime WarningIfStartedBefore(DateTime nowUtc) => nowUtc - Options.Target + Options.Warning;
}
