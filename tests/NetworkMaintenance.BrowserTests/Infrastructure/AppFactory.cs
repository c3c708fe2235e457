using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NetworkMaintenance.BrowserTests.Infrastructure;

/// <summary>
/// The real app in Development (so the demo accounts are seeded) on a real SQLite file in its own folder.
/// The fixture turns it onto a real Kestrel port with <c>UseKestrel(0)</c> before starting it.
/// </summary>
public sealed class AppFactory(string dataDirectory, IReadOnlyList<KeyValuePair<string, string>>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string BootstrapAdministratorUserName = "admin.awal";
    public const string BootstrapAdministratorPassword = "Pertama2026Kuat";

    public string DataDirectory { get; } = dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        // An explicit connection string would win over the data directory: make sure none leaks in.
        builder.UseSetting("ConnectionStrings:Sqlite", "");
        builder.UseSetting("Demo:Enabled", "true");
        // One round of the dashboard's warm-up, not the shipped 100 (the integration test DashboardWarmUpAtStart runs those).
        builder.UseSetting("Caches:DashboardWarmUpRounds", "1");
        // The tests sign in many times a minute from 127.0.0.1: lift the login rate limits.
        builder.UseSetting("RateLimiting:LoginPermitLimitPerIp", "100000");
        builder.UseSetting("RateLimiting:LoginPermitLimitPerUser", "100000");
        // The first administrator as an installation creates it: user name and password only.
        builder.UseSetting("Bootstrap:Administrator:UserName", BootstrapAdministratorUserName);
        builder.UseSetting("Bootstrap:Administrator:Password", BootstrapAdministratorPassword);
        // Keep the test output readable: the app's request log would print every page and asset the browser loads.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // A fixture's own settings (e.g. the signing service of SigningBrowserFixture) come last and win.
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
    }
}
