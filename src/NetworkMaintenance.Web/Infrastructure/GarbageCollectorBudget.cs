using System.Globalization;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Reports at start how far the garbage collector lets generation 0 grow before it collects: the one memory setting of
/// the runtime that only an environment variable sets (<see cref="Variable"/>; <c>runtimeconfig.json</c> cannot).
/// Left alone, workstation GC sizes generation 0 from the processor's cache; on a server whose processor reports a large
/// last-level cache (260 MB on the benchmark's machine) it grew to 80 MB between collections, and the peak resident
/// memory under the benchmark's mixed load was 350 MB against 280-286 MB with 4, 8 or 16 MB (docs/performance.md,
/// seventeenth session). The container image and <c>dotnet run</c>'s launch profile set <see cref="ShippedBytes"/>; a
/// service started another way is warned when its budget is above <see cref="WarnAboveBytes"/>.
/// </summary>
public sealed class GarbageCollectorBudget(ILogger<GarbageCollectorBudget> logger) : IHostedService
{
    /// <summary>The environment variable of the generation-0 budget, in bytes, hexadecimal.</summary>
    public const string Variable = "DOTNET_GCgen0size";

    /// <summary>The budget the app ships with (Dockerfile, launchSettings.json): 16 MiB.</summary>
    public const long ShippedBytes = 16L * 1024 * 1024;

    /// <summary>Above this budget the start logs a warning naming <see cref="Variable"/>.</summary>
    public const long WarnAboveBytes = 2 * ShippedBytes;

    /// <summary><see cref="Variable"/>'s value for <see cref="ShippedBytes"/>.</summary>
    public static string ShippedValue => "0x" + ShippedBytes.ToString("X", CultureInfo.InvariantCulture);

    /// <summary>The largest generation-0 budget the collector allows in this process, as the runtime reports it.</summary>
    public static long? Gen0MaxBudgetBytes() =>
        GC.GetConfigurationVariables().TryGetValue("GCGen0MaxBudget", out var value) && value is not null
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Gen0MaxBudgetBytes() is not { } budget) return Task.CompletedTask;
        var megabytes = budget / (1024.0 * 1024);
        var kind = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation";
        if (budget > WarnAboveBytes)
        {
            logger.LogWarning(
                "Garbage collector ({Kind}): generation 0 may grow to {Megabytes:F0} MB between collections, sized from this processor's cache, and keeps that much more memory resident. Set {Variable}={Value} in the service's environment, as the container image does (docs/operations.md)",
                kind, megabytes, Variable, ShippedValue);
        }
        else
        {
            logger.LogInformation("Garbage collector ({Kind}): generation 0 grows to at most {Megabytes:F0} MB between collections",
                kind, megabytes);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
