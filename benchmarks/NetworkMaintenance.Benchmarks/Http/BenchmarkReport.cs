using System.Globalization;
using System.Text;

namespace NetworkMaintenance.Benchmarks.Http;

public sealed record PageResult(string Name, Measurement Page, Measurement Baseline)
{
    public double Ratio => Baseline.RequestsPerSecond == 0 ? 0 : Page.RequestsPerSecond / Baseline.RequestsPerSecond;
}

/// <summary>Everything one run measured: written as artifacts/benchmark.json and printed as a markdown table.</summary>
public sealed record BenchmarkReport(DateTime RunAtUtc, int Cores, string Runtime, string LoadAverage, int Reports, int Connections,
    double SecondsPerPage, double? GenerateSeconds, double StartToFirstPageSeconds, double PeakRssMb, double RssAtEndMb,
    IReadOnlyList<PageResult> Pages, double DatabaseMb)
{
    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{Reports} reports, {Connections} connections, {SecondsPerPage:0.#} s per page, {Cores} cores, .NET {Runtime}, load average {LoadAverage}");
        text.AppendLine();
        text.AppendLine("| Page | req/s | p50 (ms) | p95 (ms) | p99 (ms) | Baseline req/s | Ratio | Errors |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var p in Pages)
        {
            text.AppendLine(c, $"| {p.Name} | {p.Page.RequestsPerSecond:F0} | {p.Page.P50:F1} | {p.Page.P95:F1} | {p.Page.P99:F1} | {p.Baseline.RequestsPerSecond:F0} | {p.Ratio:P0} | {p.Page.Errors + p.Baseline.Errors} |");
        }
        text.AppendLine();
        var generated = GenerateSeconds is { } g ? string.Create(c, $", generated in {g:F1} s (including the command's start-up).") : ".";
        text.AppendLine(c, $"Peak RSS (VmHWM) {PeakRssMb:F0} MB, RSS at end {RssAtEndMb:F0} MB; process start to first page {StartToFirstPageSeconds:F2} s; database {DatabaseMb:F0} MB{generated}");
        return text.ToString();
    }
}
