using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Hands the memory that the C library's allocator holds free back to the operating system, every
/// <see cref="CacheOptions.NativeMemoryTrimSeconds"/> (Linux with glibc; nothing elsewhere). SQLite, the JIT, ICU and
/// OpenSSL allocate with <c>malloc</c>; glibc keeps what they free in its arenas (one per thread that allocated) and gives
/// memory back by itself only from the top of a heap, so after a burst of work the freed pages in the middle stayed
/// resident. <c>malloc_trim(0)</c> releases those too. Under the benchmark's mixed load the peak resident memory was
/// 24–27 MB lower, for a call of 0.4–3 ms every 2 s on this service's thread (docs/performance.md, sixteenth session).
/// </summary>
public sealed class NativeMemoryTrim(IOptions<CacheOptions> options, ILogger<NativeMemoryTrim> logger) : BackgroundService
{
    private static readonly Lazy<bool> Present = new(() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "malloc_trim", out _));

    /// <summary>Whether this platform's C library can trim (glibc).</summary>
    public static bool Available => Present.Value;

    /// <summary>Releases the allocator's free memory now; whether any was released.</summary>
    public static bool Trim() => Available && MallocTrim(0) == 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.NativeMemoryTrimSeconds;
        if (seconds == 0) return;
        if (!Available)
        {
            logger.LogInformation("Free native memory is not trimmed: this platform's C library has no malloc_trim");
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken)) Trim();
    }

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
