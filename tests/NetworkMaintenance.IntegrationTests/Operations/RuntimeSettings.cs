using System.Text.Json;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>
/// The runtime settings the web project ships in its <c>runtimeconfig.json</c> (docs/operations.md, "Runtime settings
/// of the published app"; each measured in docs/performance.md), read from the app's build output: the file the runtime
/// reads when the app starts as its own process (<see cref="AppProcess"/>, and a publish folder alike).
/// </summary>
public sealed class RuntimeSettings
{
    [Fact]
    public void TheAppShipsItsMeasuredGarbageCollectorThreadPoolAndJitSettings()
    {
        var webBin = Path.GetDirectoryName(AppProcess.WebAppDll())!;
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(webBin, "NetworkMaintenance.Web.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean()); // workstation GC: less resident memory
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean()); // a faster first minute
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
        // The PDF renderer's buffers die in generation 0 instead of the large object heap.
        Assert.Equal(2 * 1024 * 1024, properties.GetProperty("System.GC.LOHThreshold").GetInt32());
    }
}
