using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace StackFloor;

/// <summary>
/// Starts the floor app in a child process on loopback, signs in and measures, at <c>--connections</c> connections for
/// <c>--seconds</c> each: the raw baseline and the MVC report page on random reports (alternating, <c>--rounds</c>
/// times), then filing a report, then the report page again; prints each phase's throughput, p95, the app's CPU per
/// request (<c>/proc/PID/stat</c>) and its resident memory, and at the end the peak (VmHWM).
/// </summary>
public static partial class FloorMeasurement
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        // The app logs nothing (its logging is cleared); what it writes to the console, an unhandled exception, shows here.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false };
        foreach (var arg in (string[])[typeof(FloorMeasurement).Assembly.Location, "--Db", $"Data Source={options.Db}",
                     "--urls", baseUrl.ToString().TrimEnd('/'), "--Items", options.Items.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }
        var fresh = !File.Exists(options.Db);
        var clock = Stopwatch.StartNew();
        using var app = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        try
        {
            using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 256 };
            using var client = new HttpClient(handler) { BaseAddress = baseUrl };
            await WaitForFirstPageAsync(client, app, fresh ? TimeSpan.FromMinutes(15) : TimeSpan.FromSeconds(60));
            Console.WriteLine(fresh
                ? $"Stack floor: database of {options.Items:N0} reports made and first page served after {clock.Elapsed.TotalSeconds:F1} s."
                : $"Stack floor: first page served {clock.Elapsed.TotalSeconds:F2} s after process start; {Memory(app.Id)}.");

            var signInForm = await client.GetStringAsync(new Uri("masuk", UriKind.Relative));
            using var signedIn = await client.PostAsync(new Uri("masuk", UriKind.Relative), Form(signInForm,
                ("userName", FloorData.UserName), ("password", FloorData.Password)));
            if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {(int)signedIn.StatusCode}.");

            // Random.Shared: the connections draw from it at once (an instance of Random is not safe across threads).
            Uri RandomReport(string prefix) => new($"{prefix}laporan/{Random.Shared.Next(1, options.Items + 1)}", UriKind.Relative);
            Console.WriteLine($"| Phase ({options.Connections} connections, {options.Seconds} s) | req/s | p95 ms | app CPU per request | RSS after |");
            Console.WriteLine("|---|---|---|---|---|");
            for (var round = 1; round <= options.Rounds; round++)
            {
                await PhaseAsync($"Raw baseline, random reports (round {round})", app.Id, options, () => client.GetAsync(RandomReport("_baseline/")));
                await PhaseAsync($"MVC report page, random reports (round {round})", app.Id, options, () => client.GetAsync(RandomReport("")));
            }
            var createForm = await client.GetStringAsync(new Uri("laporan/baru", UriKind.Relative));
            var token = Token(createForm);
            await PhaseAsync("Filing a report (POST with antiforgery)", app.Id, options, () => client.PostAsync(new Uri("laporan/baru", UriKind.Relative),
                new FormUrlEncodedContent([new("Location", "Kantor Kelurahan Bandar Utama"), new("Description", "Internet mati sejak pagi"), new("__RequestVerificationToken", token)])));
            await PhaseAsync("MVC report page after the writes", app.Id, options, () => client.GetAsync(RandomReport("")));
            Console.WriteLine($"Stack floor peak: {Memory(app.Id)}; load average {File.ReadAllText("/proc/loadavg").Trim()}.");
            return 0;
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private static async Task WaitForFirstPageAsync(HttpClient client, Process app, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (app.HasExited) throw new InvalidOperationException($"The app exited with {app.ExitCode} before serving a page.");
            try
            {
                using var response = await client.GetAsync(new Uri("masuk", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (waited.Elapsed > timeout) throw new TimeoutException($"No page within {timeout}.");
            await Task.Delay(50);
        }
    }

    private static async Task PhaseAsync(string name, int pid, Options options, Func<Task<HttpResponseMessage>> request)
    {
        var latencies = new List<double>[options.Connections];
        long errors = 0;
        var cpuBefore = CpuMilliseconds(pid);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed.TotalSeconds < options.Seconds)
            {
                var started = clock.Elapsed.TotalMilliseconds;
                using var response = await request();
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(clock.Elapsed.TotalMilliseconds - started);
                if ((int)response.StatusCode >= 400) Interlocked.Increment(ref errors);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = CpuMilliseconds(pid) - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var p95 = all.Length == 0 ? 0 : all[(int)Math.Min(all.Length - 1, Math.Ceiling(all.Length * 0.95) - 1)];
        if (errors > 0) throw new InvalidOperationException($"{name}: {errors} of {all.Length} requests failed.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {all.Length / seconds:F0} | {p95:F1} | {cpu / all.Length:F2} ms | {Memory(pid)} |"));
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", Token(page))]);

    private static string Token(string page) =>
        TokenInput().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    /// <summary>User and system CPU of the process in milliseconds (clock ticks of 10 ms).</summary>
    private static double CpuMilliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static string Memory(int pid)
    {
        string[] wanted = ["VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem"];
        var status = File.ReadAllLines($"/proc/{pid}/status").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && wanted.Contains(p[0]))
            .ToDictionary(p => p[0], p => double.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"RSS {status["VmRSS"]:F0} MB (peak {status["VmHWM"]:F0}; anonymous {status["RssAnon"]:F0}, files {status["RssFile"]:F0}, shared {status["RssShmem"]:F0})");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Options(string Db, int Items, int Seconds, int Connections, int Rounds)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new(Path.GetFullPath(Value("--db") ?? Path.Combine(Path.GetTempPath(), "stack-floor.db")), Number("--items", 100_000),
                Number("--seconds", 10), Number("--connections", 8), Number("--rounds", 2));
        }
    }
}
