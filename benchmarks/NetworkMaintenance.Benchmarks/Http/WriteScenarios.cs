using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;

namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>
/// The write path measured from outside (issue #18, point 2): "Filing a report" posts the staff report form (the front
/// desk's, on behalf of an OPD, by telephone) with its antiforgery token; "Taking a step" disposes the reports just
/// filed as the Kepala Dinas (the step form's GET gives its version and token, the POST is what is timed). Each
/// connection signs in with a session of its own. Only a redirect (302/303, the form's success) counts as a success: a
/// form drawn again with its errors (200) is an error. There is no raw-SQL baseline for a write (shown as 0).
/// </summary>
public static partial class WriteScenarios
{
    /// <summary>The reports filed by the filing scenario, for the step scenario to dispose.</summary>
    private static readonly ConcurrentQueue<int> Filed = new();

    /// <summary>
    /// A complete kop surat, as a real installation has before it files anything: without it filing refuses (no receipt
    /// may be issued with an incomplete letterhead). The generator leaves the settings to the administrator.
    /// </summary>
    public static async Task CompleteLetterheadAsync(string sqlitePath)
    {
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ToString()).Options))
        {
            var settings = await db.DocumentSettings.SingleOrDefaultAsync();
            if (settings is not null && settings.MissingForIssuing().Count == 0) return;
            if (settings is not null)
            {
                db.DocumentSettings.Remove(settings);
                await db.SaveChangesAsync();
            }
            db.DocumentSettings.Add(Core.Domain.Documents.DocumentSettings.CreateDemo(Core.Documents.DocumentSamples.Letterhead.Logo!.Value.ToArray()));
            await db.SaveChangesAsync();
        }
        SqliteConnection.ClearAllPools();
    }

    public static async Task<List<PageResult>> MeasureAsync(Uri baseUrl, string password, int connections, double warmup, double seconds,
        Func<Task<long>>? pendingDocuments = null, int? appPid = null)
    {
        var none = new Measurement(0, 0, 0, 0, 0, 0, 0, 0, 0);
        var results = new List<PageResult>();

        var filers = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Filer.StartAsync(baseUrl, password)));
        try
        {
            var (filing, cpu) = await MeasureAsync(filers.Select(f => (Func<Task<bool>>)f.FileAsync).ToList(), warmup, seconds, appPid);
            results.Add(new PageResult("Filing a report (POST /laporan/baru)", filing, none));
            Print("Filing a report", filing, cpu);
        }
        finally
        {
            foreach (var f in filers) f.Dispose();
        }
        if (pendingDocuments is not null && results.Count > 0)
        {
            var drained = await WaitForBackgroundRendersAsync(pendingDocuments);
            var filings = results[0].Page.RequestsPerSecond * seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Filing sustained with its renders: {filings / (seconds + drained.TotalSeconds):F0} filings/s ({filings:F0} filings in {seconds:F0} s of filing + {drained.TotalSeconds:F1} s of rendering after it)"));
        }

        var stepper = await Stepper.StartAsync(baseUrl, password, connections);
        try
        {
            var (stepping, cpu) = await MeasureAsync(stepper.Workers, 0, seconds, appPid);
            results.Add(new PageResult("Taking a step (dispose, POST /laporan/{id}/langkah/dispose)", stepping, none));
            Print("Taking a step", stepping, cpu);
        }
        finally
        {
            stepper.Dispose();
        }
        return results;
    }

    /// <summary>
    /// The app renders each receipt in the background after the filing answered (PendingDocuments): prints how many were
    /// still to render when the filing run ended and how long the renderer took to finish them, and waits for it, so the
    /// next scenario is measured on a settled app and the deferred work is on record.
    /// </summary>
    internal static async Task<TimeSpan> WaitForBackgroundRendersAsync(Func<Task<long>> pendingDocuments)
    {
        var left = await pendingDocuments();
        if (left == 0) return TimeSpan.Zero;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var remaining = left;
        while (remaining > 0 && watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(100);
            remaining = await pendingDocuments();
        }
        var rate = watch.Elapsed.TotalSeconds > 0 ? left / watch.Elapsed.TotalSeconds : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Receipts left to the background renderer when the filing run ended: {left}; rendered {watch.Elapsed.TotalSeconds:F1} s later ({rate:F0} per second){(remaining > 0 ? $", {remaining} STILL PENDING" : "")}"));
        return watch.Elapsed;
    }

    private static void Print(string name, Measurement m, string cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {m.RequestsPerSecond:F0} req/s, p95 {m.P95:F1} ms, p99 {m.P99:F1} ms, {m.Errors} errors{cpu}"));

    /// <summary>
    /// Closed loop, one worker per connection; each worker's call returns whether its timed request succeeded. Returns
    /// the timed run after the warm-up and the app's CPU per successful request in it (see ProcessCpu).
    /// </summary>
    private static async Task<(Measurement Measured, string Cpu)> MeasureAsync(IReadOnlyList<Func<Task<bool>>> workers, double warmup,
        double seconds, int? appPid)
    {
        if (warmup > 0) await RunAsync(workers, TimeSpan.FromSeconds(warmup));
        var before = ProcessCpu.Read(appPid);
        var measured = await RunAsync(workers, TimeSpan.FromSeconds(seconds));
        return (measured, ProcessCpu.PerRequest(before, ProcessCpu.Read(appPid), measured.Requests));
    }

    private static async Task<Measurement> RunAsync(IReadOnlyList<Func<Task<bool>>> workers, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var done = await Task.WhenAll(workers.Select(work => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            long errors = 0;
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await work();
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                catch (TaskCanceledException)
                {
                    ok = false;
                }
                catch (NoWorkLeftException)
                {
                    break;
                }
                if (ok) latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds - PreparationMs.Value);
                else errors++;
                PreparationMs.Value = 0;
            }
            return (latencies, errors);
        })));
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = done.SelectMany(d => d.latencies).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new Measurement(all.Length, done.Sum(d => d.errors), elapsed, all.Length / elapsed, Percentile(0.50), Percentile(0.95),
            Percentile(0.99), all.Length == 0 ? 0 : all[^1], 0);
    }

    /// <summary>Time a worker spent preparing its timed request (the step form's GET), taken off its latency.</summary>
    private static readonly AsyncLocal<double> PreparationMs = new();

    private sealed class NoWorkLeftException : Exception;

    /// <summary>What the first failed write answered (printed once, to say why a scenario fails).</summary>
    private static string? _firstFailure;

    private static bool IsRedirect(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther) return true;
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var errors = string.Join(" | ", ValidationErrorRegex().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())));
        if (Interlocked.CompareExchange(ref _firstFailure, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri?.AbsolutePath}: {errors}", null) is null)
        {
            Console.WriteLine($"  First failed write: {_firstFailure}");
        }
        return false;
    }

    [GeneratedRegex(@"<li>([^<]+)</li>")]
    private static partial Regex ValidationErrorRegex();

    /// <summary>
    /// A telephone report recorded by the front desk for one of the form's OPDs, with a new one-time form token: the
    /// filing posted by the write scenarios and by the peer comparison alike.
    /// </summary>
    internal static HttpRequestMessage FilingRequest(string token, IReadOnlyList<string> opds, int n) =>
        new(HttpMethod.Post, "/laporan/baru")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["FormToken"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                ["OpdId"] = opds[(n & int.MaxValue) % opds.Count],
                ["Channel"] = "Phone",
                ["ReporterName"] = "Budi Santoso",
                ["ReporterPosition"] = "Pranata Komputer",
                ["ReporterPhone"] = "081234567890",
                ["Location"] = "Gedung A lantai 2, ruang rapat",
                ["Category"] = (n & 1) == 0 ? "NoInternet" : "WifiProblem",
                ["Description"] = "Jaringan internet di ruang rapat terputus sejak pagi; lampu indikator router berkedip merah.",
                ["ConfirmDuplicate"] = "true",
            }),
        };

    /// <summary>One front-desk session filing telephone reports for the OPDs of its form, each with a new form token.</summary>
    private sealed class Filer(HttpClient client, string token, IReadOnlyList<string> opds) : IDisposable
    {
        private int _next = Random.Shared.Next();

        public static async Task<Filer> StartAsync(Uri baseUrl, string password)
        {
            var client = await LoadDriver.SignInAsync(baseUrl, "uji.petugas", password);
            var html = await client.GetStringAsync("/laporan/baru");
            var token = TokenRegex().Match(html) is { Success: true } t ? WebUtility.HtmlDecode(t.Groups[1].Value)
                : throw new InvalidOperationException("No antiforgery token on /laporan/baru.");
            var select = OpdSelectRegex().Match(html);
            var opds = OptionRegex().Matches(select.Success ? select.Value : "").Select(m => m.Groups[1].Value).Where(v => v.Length > 0).ToList();
            if (opds.Count == 0) throw new InvalidOperationException("The report form offers no OPD.");
            return new Filer(client, token, opds);
        }

        public async Task<bool> FileAsync()
        {
            var n = Interlocked.Increment(ref _next);
            using var request = FilingRequest(token, opds, n);
            using var response = await client.SendAsync(request);
            if (!IsRedirect(response)) return false;
            if (ReportLocationRegex().Match(response.Headers.Location?.OriginalString ?? "") is { Success: true } m)
            {
                Filed.Enqueue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
            return true;
        }

        public void Dispose() => client.Dispose();
    }

    /// <summary>
    /// Kepala Dinas sessions disposing the reports the filing scenario filed (received, awaiting the Kepala Dinas), to
    /// the first Kepala Bidang of the form: GET the step form (not timed), POST it (timed).
    /// </summary>
    private sealed class Stepper(IReadOnlyList<HttpClient> clients) : IDisposable
    {
        public IReadOnlyList<Func<Task<bool>>> Workers => clients.Select(c => (Func<Task<bool>>)(() => DisposeNextAsync(c))).ToList();

        public static async Task<Stepper> StartAsync(Uri baseUrl, string password, int connections) =>
            new(await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => LoadDriver.SignInAsync(baseUrl, "uji.kadis", password))));

        private static async Task<bool> DisposeNextAsync(HttpClient client)
        {
            if (!Filed.TryDequeue(out var id)) throw new NoWorkLeftException();
            var preparing = Stopwatch.GetTimestamp();
            var path = $"/laporan/{id}/langkah/dispose";
            var html = await client.GetStringAsync(path);
            var form = FormRegex().Match(html) is { Success: true } f ? f.Value : html;
            var fields = new Dictionary<string, string>();
            foreach (Match input in InputRegex().Matches(form))
            {
                if (!input.Value.Contains("type=\"hidden\"", StringComparison.Ordinal)) continue;
                var name = AttributeRegex("name").Match(input.Value);
                var value = AttributeRegex("value").Match(input.Value);
                if (name.Success) fields[name.Groups[1].Value] = value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
            }
            foreach (Match select in SelectRegex().Matches(form))
            {
                var option = OptionRegex().Matches(select.Value).Select(m => m.Groups[1].Value).FirstOrDefault(v => v.Length > 0);
                if (option is not null) fields[select.Groups[1].Value] = option;
            }
            if (InstructionRegex().Match(form) is { Success: true } instruction) fields["Instructions"] = instruction.Groups[1].Value;
            fields["Note"] = "Prioritas: layanan publik terganggu, mohon segera ditangani.";
            PreparationMs.Value = Stopwatch.GetElapsedTime(preparing).TotalMilliseconds;
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(path, content);
            return IsRedirect(response);
        }

        public void Dispose()
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"<select[^>]*name=""OpdId""[\s\S]*?</select>")]
    private static partial Regex OpdSelectRegex();

    [GeneratedRegex(@"<option[^>]*value=""([^""]*)""")]
    private static partial Regex OptionRegex();

    [GeneratedRegex(@"^/laporan/(\d+)$")]
    private static partial Regex ReportLocationRegex();

    [GeneratedRegex(@"<form[^>]*method=""post""[\s\S]*?</form>", RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex(@"name=""Instructions"" value=""([^""]+)""")]
    private static partial Regex InstructionRegex();

    [GeneratedRegex(@"<input\b[^>]*>")]
    private static partial Regex InputRegex();

    private static Regex AttributeRegex(string name) => name == "name" ? NameAttributeRegex() : ValueAttributeRegex();

    [GeneratedRegex(@"\sname=""([^""]+)""")]
    private static partial Regex NameAttributeRegex();

    [GeneratedRegex(@"\svalue=""([^""]*)""")]
    private static partial Regex ValueAttributeRegex();

    [GeneratedRegex(@"<select[^>]*name=""([^""]+)""[\s\S]*?</select>")]
    private static partial Regex SelectRegex();
}
