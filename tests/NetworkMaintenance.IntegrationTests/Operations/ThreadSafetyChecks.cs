using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>
/// EF Core's check against two queries at once on one context (<c>Database:ThreadSafetyChecks</c>): off as shipped, where
/// it cost 8 % of a report page's allocations for a guard against a programming error (docs/performance.md, eighteenth
/// session); on in Development, and so in most of the test suites, where such an error must still fail loudly. The check
/// is read from the context the app hands out, on the configured provider.
/// </summary>
public sealed class ThreadSafetyChecks
{
    [Fact]
    public void TheProductionPipelineRunsWithoutTheCheck()
    {
        using var factory = AppFactory.Configured(Environments.Staging);

        Assert.False(ChecksOf(factory));
    }

    [Fact]
    public void DevelopmentKeepsTheCheck()
    {
        // Development's appsettings switch it on; the suites' factory does not set it here.
        using var factory = AppFactory.Configured(Environments.Development);

        Assert.True(ChecksOf(factory));
    }

    [Fact]
    public void TheSettingSwitchesItOnInProduction()
    {
        using var factory = AppFactory.Configured(Environments.Staging, new KeyValuePair<string, string>("Database:ThreadSafetyChecks", "true"));

        Assert.True(ChecksOf(factory));
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

    private static bool ChecksOf(AppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled;
    }
}
