using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// The app as it runs in production: its own OS process (<c>dotnet NetworkMaintenance.Web.dll</c> from the web
/// project's build output), Kestrel on a free loopback port, a non-Development environment (Staging: the production
/// pipeline, with the demo accounts that Production refuses), and a data folder of the caller's. Unlike the in-memory
/// <see cref="AppFactory"/> it can be killed with SIGKILL and started again on the same database.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public string DatabasePath => Path.Combine(DataDirectory, "networkmaintenance.db");
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the app wrote to its console (for a failure message).</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>The app's console output kept so far (the last 32-64 KB).</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the app on <paramref name="dataDirectory"/> and waits until <c>/health</c> answers 200.</summary>
    public static Task<AppProcess> StartAsync(string dataDirectory, params (string Key, string Value)[] settings) =>
        StartAsync(dataDirectory, new Dictionary<string, string>(), settings);

    /// <summary>
    /// Starts the app on <paramref name="dataDirectory"/> with extra environment variables (e.g. its own <c>HOME</c>)
    /// and settings (given last on the command line, so they win), and waits until <c>/health</c> answers 200.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment,
        params (string Key, string Value)[] settings)
    {
        var webProject = Path.Combine(RepositoryRoot(), "src", "NetworkMaintenance.Web");
        var dll = WebAppDll();

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = webProject, // content root: appsettings.json and wwwroot
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in new (string, string)[]
                 {
                     ("urls", baseAddress.ToString().TrimEnd('/')),
                     ("Database:Provider", "Sqlite"),
                     ("Database:DataDirectory", dataDirectory),
                     ("ConnectionStrings:Sqlite", ""),
                     ("Demo:Enabled", "true"),
                     ("Caches:DashboardWarmUpRounds", "1"), // as AppFactory: many apps start in a run
                     ("Database:RetryingStrategy", AppFactory.RetryingStrategyRequested ? "true" : "false"),
                 }.Concat(settings))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["DOTNET_ENVIRONMENT"] = "Staging";
        start.Environment["Security__RequireHttps"] = "false"; // plain HTTP on the loopback interface
        // Many simulated people sign in from the one loopback address within a minute.
        start.Environment["RateLimiting__LoginPermitLimitPerIp"] = "100000";
        start.Environment["RateLimiting__LoginPermitLimitPerUser"] = "100000";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, baseAddress, dataDirectory);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            // Generous: on a machine shared with other builds a cold start has taken over a minute.
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(180));
        }
        catch
        {
            app.Dispose();
            throw;
        }
        return app;
    }

    /// <summary>SIGKILL: the process ends at once, mid-request and mid-transaction, with no shutdown code run.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                // The output is read asynchronously and may still be behind the exit: the parameterless WaitForExit
                // returns once it has been read to the end, so the tail holds the app's last words (under load they
                // were missing, and a test looking for the message of a refused setting failed).
                _process.WaitForExit();
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting:\n{OutputTail}");
            }
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not become healthy within {timeout.TotalSeconds} s:\n{OutputTail}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 64_000) _output.Remove(0, _output.Length - 32_000);
        }
    }

    /// <summary>The web app's build output, built next to the tests (tests/&lt;project&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/).</summary>
    public static string WebAppDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(RepositoryRoot(), "src", "NetworkMaintenance.Web", "bin", testBin.Parent!.Name, testBin.Name, "NetworkMaintenance.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The web app is not built at {dll}.", dll);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetworkMaintenance.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("NetworkMaintenance.sln not found above the test folder.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
