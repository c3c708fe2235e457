extern alias benchmarks;
using benchmarks::NetworkMaintenance.Benchmarks.Http;

namespace NetworkMaintenance.UnitTests.Benchmarks;

/// <summary>
/// Issue #18 point 6: the comparison with Redmine counts the requests that succeeded. Its issue creations that failed
/// at once with "database is locked" are no throughput (the figures are those of the run of 2026-12-06).
/// </summary>
public sealed class PeerRatio
{
    private static Measurement Run(long requests, long errors, double seconds, double p95) =>
        new(requests, errors, seconds, requests / seconds, p95 / 2, p95, p95 * 1.2, p95 * 2, 1000);

    [Fact]
    public void TheWriteIsComparedOnIssuesCreatedNotOnRequestsAnswered()
    {
        var row = new PeerRow("Filing a report", "Creating an issue", Run(1228, 0, 10.06, 80.3), Run(298, 84, 10.29, 679.3), 5);

        Assert.Equal(20.8, row.PeerResult.SucceededPerSecond, 1);
        Assert.Equal(5.87, row.Ratio, 2);
        Assert.True(row.Met);
    }

    [Fact]
    public void WithoutFailuresTheRatioIsThatOfTheAnsweredRequests()
    {
        var row = new PeerRow("Report pages", "Issue pages", Run(4789, 0, 10.01, 26.9), Run(70, 0, 10.77, 1789.5), 20);

        Assert.Equal(row.OursResult.RequestsPerSecond / row.PeerResult.RequestsPerSecond, row.Ratio, 6);
    }

    [Fact]
    public void OurFailuresStillFailTheRow()
    {
        var row = new PeerRow("Filing a report", "Creating an issue", Run(1228, 1, 10.06, 80.3), Run(298, 84, 10.29, 679.3), 5);

        Assert.False(row.Met);
    }

    [Fact]
    public void ThePrintedTableShowsTheAnsweredRateBesideTheSuccessfulOne()
    {
        var row = new PeerRow("Filing a report", "Creating an issue", Run(1228, 0, 10.06, 80.3), Run(298, 84, 10.29, 679.3), 5);
        var comparison = new PeerComparison(new DateTime(2026, 12, 6), "Redmine", new Uri("http://127.0.0.1:3900/"), 100000,
            101023, 8, 10, "2.9", "3.4", [row], 331, 585, 469, 3);

        var line = comparison.Markdown().Split('\n').Single(l => l.StartsWith("| Filing a report", StringComparison.Ordinal));
        Assert.Contains("| 122.1 | 20.8 (29.0 answered) | 5.9× |", line, StringComparison.Ordinal);
    }
}
