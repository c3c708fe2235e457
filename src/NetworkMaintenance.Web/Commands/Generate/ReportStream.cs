using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Commands.Generate;

/// <summary>
/// One generated report's plan: its target state, its path, when it was received, how long the front desk took to
/// record it, and the report's own random numbers (everything else the report draws comes from <see cref="Random"/>).
/// </summary>
internal sealed record ReportPlan(ReportStatus Target, List<PlannedStep> Steps, DateTime ReceivedAtUtc, TimeSpan RecordDelay, Random Random);

/// <summary>
/// Plans the generated reports one at a time, in order of receipt, without holding any of them: report <c>i</c> is
/// planned from its own random numbers (seeded by the run's seed and its id), so the plans need no list and the same
/// seed gives the same reports. Receipt times rise with <c>i</c>: each report is placed in its own slot of a fixed
/// time curve (weighted towards weekday office hours, WIB). The closed and rejected reports come first, spread over
/// the last two years up to <see cref="OpenWindow"/> before now; the last <see cref="OpenCount"/> reports (every
/// state that is not final, the oldest furthest along) arrive in that window. A path that would not be finished by
/// now is compressed to fit.
/// </summary>
internal sealed class ReportStream
{
    /// <summary>How far back the open reports reach.</summary>
    public static readonly TimeSpan OpenWindow = TimeSpan.FromDays(10);

    private static readonly TimeSpan History = TimeSpan.FromDays(730);
    private static readonly ReportStatus[] OpenStates = Enum.GetValues<ReportStatus>().Where(s => !Workflow.FinalStates.Contains(s)).ToArray();

    private readonly int _seed;
    private readonly int _firstReportId;
    private readonly DateTime _now;
    private readonly ArrivalCurve _closedArrivals;
    private readonly ArrivalCurve _openArrivals;

    public ReportStream(int count, int seed, int firstReportId, DateTime nowUtc)
    {
        Count = count;
        _seed = seed;
        _firstReportId = firstReportId;
        _now = nowUtc;
        OpenCount = Math.Min(count, Math.Max(2 * OpenStates.Length, count * 3 / 200));
        _closedArrivals = new ArrivalCurve(nowUtc - History, nowUtc - OpenWindow);
        _openArrivals = new ArrivalCurve(nowUtc - OpenWindow, nowUtc - TimeSpan.FromHours(6));
    }

    public int Count { get; }

    public int OpenCount { get; }

    private int ClosedCount => Count - OpenCount;

    /// <summary>The plan of the <paramref name="index"/>-th report (0-based, in order of receipt).</summary>
    public ReportPlan Plan(int index)
    {
        var rng = RandomOf(index);
        var closed = index < ClosedCount;
        // The first draw decides a closed report's outcome (LastClosed reads it without planning the report).
        var target = closed
            ? rng.NextDouble() < 0.07 ? ReportStatus.Rejected : ReportStatus.Closed
            : OpenStates[OpenStates.Length - 1 - (index - ClosedCount) * OpenStates.Length / OpenCount];
        var received = closed
            ? _closedArrivals.At((index + rng.NextDouble()) / ClosedCount)
            : _openArrivals.At((index - ClosedCount + rng.NextDouble()) / OpenCount);
        received = new DateTime(received.Ticks - received.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var steps = ReportPlanner.Plan(rng, target);
        var recordDelay = TimeSpan.FromMinutes(rng.Next(0, 30));

        // Finished by now: a closed report an hour before, an open one's last step five minutes before.
        var available = _now - (closed ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(5)) - received - recordDelay - TimeSpan.FromMinutes(10);
        var total = TimeSpan.Zero;
        foreach (var step in steps) total += step.Delay;
        if (total > available)
        {
            var minimum = TimeSpan.FromMinutes(1);
            var factor = Math.Max(0, (available - minimum * steps.Count) / total);
            for (var k = 0; k < steps.Count; k++)
            {
                var delay = TimeSpan.FromSeconds(Math.Round(steps[k].Delay.TotalSeconds * factor));
                steps[k] = steps[k] with { Delay = delay < minimum ? minimum : delay };
            }
        }
        return new ReportPlan(target, steps, received, recordDelay, rng);
    }

    /// <summary>
    /// The indexes of the last <paramref name="count"/> closed reports (the newest), from each report's first draw alone.
    /// </summary>
    public HashSet<int> LastClosed(int count)
    {
        var result = new HashSet<int>();
        for (var index = ClosedCount - 1; index >= 0 && result.Count < count; index--)
        {
            if (RandomOf(index).NextDouble() >= 0.07) result.Add(index);
        }
        return result;
    }

    private Random RandomOf(int index) => new(ReportSeed(_seed, _firstReportId + index));

    /// <summary>
    /// A report's own seed: the run's seed and the report's id mixed by a bijection of the 31-bit numbers (an odd
    /// multiplier and xor-shifts), so two reports of one run never share their random numbers (seeds drawn at random
    /// would: a million 31-bit seeds hold a few hundred pairs).
    /// </summary>
    internal static int ReportSeed(int seed, long reportId)
    {
        const uint mask = 0x7FFFFFFF;
        unchecked
        {
            var x = ((uint)reportId + (uint)seed * 0x9E3779B1u) & mask;
            x = (x * 0x2545F491u) & mask;
            x ^= x >> 15;
            x = (x * 0x6C8E9CF5u) & mask;
            x ^= x >> 13;
            return (int)x;
        }
    }

    /// <summary>
    /// Maps a fraction 0–1 to a time between two bounds, monotonically: hour by hour, weekday office hours (07–17 WIB)
    /// weigh ten times the rest, so most reports arrive in office hours and fractions in order give times in order.
    /// </summary>
    private sealed class ArrivalCurve
    {
        private const double OffHours = 0.1;
        private readonly DateTime _from;
        private readonly DateTime _to;
        private readonly double[] _cumulative;

        public ArrivalCurve(DateTime fromUtc, DateTime toUtc)
        {
            _from = fromUtc;
            _to = toUtc;
            var hours = (int)Math.Ceiling((toUtc - fromUtc).TotalHours);
            _cumulative = new double[hours + 1];
            for (var h = 0; h < hours; h++)
            {
                var wib = Wib.FromUtc(fromUtc.AddHours(h));
                var office = wib.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && wib.Hour is >= 7 and < 17;
                _cumulative[h + 1] = _cumulative[h] + (office ? 1 : OffHours);
            }
        }

        public DateTime At(double fraction)
        {
            var target = Math.Clamp(fraction, 0, 1) * _cumulative[^1];
            var index = Array.BinarySearch(_cumulative, target);
            var hour = index >= 0 ? index : ~index - 1;
            hour = Math.Clamp(hour, 0, _cumulative.Length - 2);
            var within = (target - _cumulative[hour]) / (_cumulative[hour + 1] - _cumulative[hour]);
            var at = _from + TimeSpan.FromHours(hour + Math.Clamp(within, 0, 1));
            return at > _to ? _to : at;
        }
    }
}
