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
    /// <summary>The database the run measured (SQLite or PostgreSQL).</summary>
    public string Database { get; init; } = "SQLite";

    /// <summary>The runs' figures next to each other: one row per page, req/s and p95 per database.</summary>
    public static string SideBySide(IReadOnlyList<(string Database, BenchmarkReport Report)> runs)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("| Page |");
        foreach (var (database, _) in runs) text.Append(c, $" {database} req/s | {database} p95 (ms) |");
        text.AppendLine();
        text.Append("|---|");
        foreach (var _ in runs) text.Append("---|---|");
        text.AppendLine();
        for (var i = 0; i < runs[0].Report.Pages.Count; i++)
        {
            text.Append(c, $"| {runs[0].Report.Pages[i].Name} |");
            foreach (var (_, report) in runs) text.Append(c, $" {report.Pages[i].Page.RequestsPerSecond:F0} | {report.Pages[i].Page.P95:F1} |");
            text.AppendLine();
        }
        return text.ToString();
    }

    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{Database}: {Reports} reports, {Connections} connections, {SecondsPerPage:0.#} s per page, {Cores} cores, .NET {Runtime}, load average {LoadAverage}");
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
