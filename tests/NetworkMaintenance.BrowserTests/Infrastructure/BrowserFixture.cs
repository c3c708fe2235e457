using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.BrowserTests.Infrastructure;

/// <summary>
/// One app on a real Kestrel port and one headless Chromium, shared by the tests of a collection.
/// Each test gets its own browser context (cookies, storage) from <see cref="BrowserTest"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "xunit disposes the fixture through IAsyncLifetime.DisposeAsync.")]
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser here. Override with BROWSER_TESTS_CHROMIUM.</summary>
    public static readonly string ChromiumPath =
        Environment.GetEnvironmentVariable("BROWSER_TESTS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "nm-browser-tests-" + Guid.NewGuid().ToString("N"));

    private AppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public AppFactory App => _app ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string DatabaseFile => Path.Combine(_dataDirectory, "networkmaintenance.db");

    public async Task InitializeAsync()
    {
        // The driver must never fetch a browser of its own: the machine has no network but package registries.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install Debian's chromium package (.ci/run does) " +
                "or set BROWSER_TESTS_CHROMIUM to a Chromium executable.");
        }

        Directory.CreateDirectory(_dataDirectory);
        _app = new AppFactory(_dataDirectory, Settings());
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = ListeningAddress(_app.Services);
        if (!File.Exists(DatabaseFile))
        {
            throw new InvalidOperationException($"The app did not create its SQLite database at {DatabaseFile}.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    /// <summary>Settings of the app beyond the common ones (<see cref="AppFactory"/>), for a fixture of its own.</summary>
    protected virtual IReadOnlyList<KeyValuePair<string, string>> Settings() => [];

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        SqlitePools.ReleaseDataDirectory(_dataDirectory);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open must not fail the run; the folder is under the temp directory.
        }
    }

    private static Uri ListeningAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel reports no http address ({string.Join(", ", addresses)}).");
        var uri = new Uri(address);
        // Kestrel may report a wildcard or "localhost"; the browser talks to the loopback address it listens on.
        var host = uri.Host is "localhost" or "[::]" or "0.0.0.0" or "+" or "*" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// A second app and browser for tests that create reports, so that their notifications and badges do not show up
/// in the navigation checks of the "Browser" collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WorkflowBrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "BrowserWorkflow";
}

/// <summary>A third app and browser for the public pages, which create complaints.</summary>
[CollectionDefinition(Name)]
public sealed class PublicBrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "BrowserPublic";
}

/// <summary>An app of its own for the page-width checks, which file reports so that the lists have rows.</summary>
[CollectionDefinition(Name)]
public sealed class LayoutBrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "BrowserLayout";
}
