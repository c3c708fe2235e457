using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>
/// The garbage collector's generation-0 budget, which only an environment variable sets (DOTNET_GCgen0size;
/// Infrastructure/GarbageCollectorBudget.cs): the container image and the launch profile of <c>dotnet run</c> ship
/// 16 MB, the app started with it reports that budget, and an app started with a larger one warns and names the
/// variable and the shipped value. The app runs as its own process, so the runtime reads the variable as in production.
/// </summary>
public sealed partial class GarbageCollectorBudgetAtStart
{
    [Fact]
    public void TheImageAndTheLaunchProfileShipTheSameBudget()
    {
        var dockerfile = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot(), "Dockerfile"));
        Assert.Equal(GarbageCollectorBudget.ShippedValue, ShippedInDockerfile().Match(dockerfile).Groups[1].Value);

        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot(), "src", "NetworkMaintenance.Web",
            "Properties", "launchSettings.json")));
        foreach (var profile in launch.RootElement.GetProperty("profiles").EnumerateObject())
        {
            Assert.Equal(GarbageCollectorBudget.ShippedValue,
                profile.Value.GetProperty("environmentVariables").GetProperty(GarbageCollectorBudget.Variable).GetString());
        }
    }

    [Fact]
    public async Task AnAppStartedWithTheShippedBudgetReportsIt()
    {
        var output = await StartAndReadAsync(GarbageCollectorBudget.ShippedValue);
        Assert.Contains("Garbage collector (workstation): generation 0 grows to at most 16 MB between collections", output, StringComparison.Ordinal);
        Assert.DoesNotContain("may grow to", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAppStartedWithALargerBudgetWarnsAndNamesTheSetting()
    {
        var output = await StartAndReadAsync("0x4000000"); // 64 MB, as a processor with a large cache gets by default
        Assert.Contains("[WRN] Garbage collector (workstation): generation 0 may grow to 64 MB between collections", output, StringComparison.Ordinal);
        Assert.Contains("Set DOTNET_GCgen0size=0x1000000 in the service's environment", output, StringComparison.Ordinal);
    }

    private static async Task<string> StartAndReadAsync(string budget)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nm-it-gc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var app = await AppProcess.StartAsync(folder, new Dictionary<string, string> { [GarbageCollectorBudget.Variable] = budget });
            return app.Output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^\s*DOTNET_GCgen0size=(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ShippedInDockerfile();
}
