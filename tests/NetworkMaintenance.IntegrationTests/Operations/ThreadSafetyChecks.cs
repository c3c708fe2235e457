using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>
/// EF Core's check against two queries at once on one context (<c>Database:ThreadSafetyChecks</c>): off as shipped, where
/// it cost 8 % of a report page's allocations for a guard against a programming error (docs/performance.md, eighteenth
/// session); on in Development and in the test suites, where such an error must still fail loudly.
/// The shipped settings are read from the app's own appsettings files and turned into the context's options by the app's
/// own registration, without starting an app: the setting gives EF Core another model, and the app's compiled queries
/// are bound to the first model they meet, so one test process keeps one value (<see cref="AppFactory"/>).
/// </summary>
public sealed class ThreadSafetyChecks
{
    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public void TheShippedSettingsKeepTheCheckInDevelopmentOnly(string environment, bool expected)
    {
        Assert.Equal(expected, ChecksAsShipped(environment));
    }

    [Fact]
    public void TheSettingSwitchesItOnInProduction()
    {
        Assert.True(ChecksAsShipped("Production", new() { ["Database:ThreadSafetyChecks"] = "true" }));
    }

    [Fact]
    public void TheTestSuitesKeepTheCheck()
    {
        using var factory = AppFactory.Configured(Environments.Staging);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.True(db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled);
    }

    [Fact]
    public async Task WithTheCheckASecondQueryOnABusyContextFailsLoudly()
    {
        using var factory = AppFactory.Configured(Environments.Development);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var detector = db.GetService<IConcurrencyDetector>();

        // Another flow holds the context, as a query still reading would; this flow then starts a second query on it.
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = Task.Run(async () =>
        {
            using (detector.EnterCriticalSection())
            {
                held.SetResult();
                await release.Task;
            }
        });
        await held.Task;
        try
        {
            var second = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Opds.AsNoTracking().CountAsync());
            Assert.Contains("A second operation was started on this context instance", second.Message, StringComparison.Ordinal);
        }
        finally
        {
            release.SetResult();
            await first;
        }
    }

    /// <summary>
    /// The context options the app would register in <paramref name="environment"/>, from its appsettings.json and
    /// appsettings.{environment}.json and any <paramref name="settings"/> on top; no context or model is made.
    /// </summary>
    private static bool ChecksAsShipped(string environment, Dictionary<string, string?>? settings = null)
    {
        var web = Path.Combine(AppProcess.RepositoryRoot(), "src", "NetworkMaintenance.Web");
        var folder = Path.Combine(Path.GetTempPath(), "nm-it-tsc-" + Guid.NewGuid().ToString("N"));
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(web, "appsettings.json"))
                .AddJsonFile(Path.Combine(web, $"appsettings.{environment}.json"), optional: true)
                .AddInMemoryCollection(new Dictionary<string, string?>(settings ?? [])
                {
                    ["Database:Provider"] = "Sqlite",
                    ["Database:DataDirectory"] = folder,
                })
                .Build();
            var host = new HostEnvironment(environment, folder);
            var services = new ServiceCollection().AddLogging();
            services.AddAppDatabase(configuration, host);
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<DbContextOptions<AppDbContext>>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class HostEnvironment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "NetworkMaintenance.Web";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
