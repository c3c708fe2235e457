using System.Globalization;
using System.Text.RegularExpressions;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>
/// The report list as it is used at scale (issue #18, a million reports): the usual filters together (status, OPD and
/// one month) and the text search (ReportTextSearch: FTS5 on SQLite, trigram indexes on PostgreSQL), once with part of
/// a report number (selective) and once with a word that about one report in twenty-five contains (the generator's
/// "printer jaringan", category Other), which makes the count and the newest-first page work hardest.
/// </summary>
public static partial class HttpBenchmark
{
    private static async Task<IReadOnlyList<Scenario>> ListScenariosAsync(HttpClient staff, Targets targets)
    {
        var list = await staff.GetStringAsync("/laporan");
        var opd = FirstOpdOptionRegex().Match(list) is { Success: true } m ? m.Groups[1].Value : "1";
        // The previous calendar month (WIB): every generated month has reports.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var to = from.AddMonths(1).AddDays(-1);
        var filtered = string.Create(CultureInfo.InvariantCulture, $"?status=Closed&opdId={opd}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        // "GJ-2025-000123" typed without its prefix, as from a letter or a phone call.
        var numberPart = "?q=" + Uri.EscapeDataString(targets.Number[3..]);
        const string word = "?q=printer";
        return
        [
            new("Report list, filtered (status+OPD+month)", staff, () => Get("/laporan" + filtered), "/_baseline/laporan" + filtered),
            new("Report list, text search (number part)", staff, () => Get("/laporan" + numberPart), "/_baseline/laporan" + numberPart),
            new("Report list, text search (common word)", staff, () => Get("/laporan" + word), "/_baseline/laporan" + word),
        ];
    }

    [GeneratedRegex(@"name=""opdId"".*?<option value=""(\d+)""", RegexOptions.Singleline)]
    private static partial Regex FirstOpdOptionRegex();
}
