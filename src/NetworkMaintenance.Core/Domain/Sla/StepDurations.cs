using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Domain.Sla;

/// <summary>How long a report spent in each state, computed from its timeline.</summary>
public static class StepDurations
{
    /// <summary>
    /// Sums, per state, the time from the event that entered it to the next event; the current state counts
    /// until <paramref name="nowUtc"/> unless it is final. Ordered by first entry.
    /// </summary>
    public static IReadOnlyList<(ReportStatus Status, TimeSpan Duration)> From(
        IEnumerable<(ReportStatus ToStatus, DateTime AtUtc)> events, DateTime nowUtc)
    {
        var ordered = events.OrderBy(e => e.AtUtc).ToList();
        var totals = new Dictionary<ReportStatus, TimeSpan>();
        var order = new List<ReportStatus>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (status, at) = ordered[i];
            DateTime end;
            if (i + 1 < ordered.Count) end = ordered[i + 1].AtUtc;
            else if (Workflow.Workflow.FinalStates.Contains(status)) continue;
            else end = nowUtc;
            if (!totals.ContainsKey(status))
            {
                totals[status] = TimeSpan.Zero;
                order.Add(status);
            }
            totals[status] += end > at ? end - at : TimeSpan.Zero;
        }
        return order.Select(s => (s, totals[s])).ToList();
    }
}
