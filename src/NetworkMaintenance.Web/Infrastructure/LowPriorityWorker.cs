using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// CPU-bound background work (the background renderer's PDF rendering and sealing) on one dedicated thread that runs at
/// a lower scheduling priority than the requests: nice 10 on Linux, <see cref="ThreadPriority.BelowNormal"/> on Windows.
/// Under a burst of requests the cores go to the requests and the work waits in the kernel's run queue instead of taking
/// a share equal to a request's; on an idle server it runs at full speed. It is never starved: the scheduler still gives
/// a niced thread a small share of a busy core (docs/performance.md, sixth session). One piece of work at a time, in
/// order.
/// </summary>
public sealed class LowPriorityWorker : IDisposable
{
    /// <summary>The niceness of the thread on Linux (0 is a request's; 19 the lowest).</summary>
    public const int Niceness = 10;

    private readonly BlockingCollection<Action> _queue = [];
    private readonly ILogger<LowPriorityWorker> _logger;

    public LowPriorityWorker(ILogger<LowPriorityWorker> logger)
    {
        _logger = logger;
        new Thread(Run) { IsBackground = true, Name = "Low-priority work" }.Start();
    }

    /// <summary>Whether the thread's priority was lowered (false until it started, or where the platform refused).</summary>
    public bool Lowered { get; private set; }

    /// <summary>Runs <paramref name="work"/> on the low-priority thread; its result or exception comes back here.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            if (ct.IsCancellationRequested)
            {
                done.TrySetCanceled(ct);
                return;
            }
            try
            {
                done.TrySetResult(work());
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    private void Run()
    {
        Lower();
        foreach (var work in _queue.GetConsumingEnumerable()) work();
        // Disposed here, by its one reader, once Dispose said no more work comes.
        _queue.Dispose();
    }

    private void Lower()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // Linux schedules threads individually: PRIO_PROCESS with a thread id sets that thread's niceness.
                Lowered = SetPriority(PrioProcess, GetThreadId(), Niceness) == 0;
            }
            else if (OperatingSystem.IsWindows())
            {
                Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
                Lowered = true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Lowered = false;
        }
        if (!Lowered) _logger.LogWarning("The low-priority thread runs at normal priority: this platform did not lower it");
    }

    private const int PrioProcess = 0;

    // Two blittable calls: DllImport needs no unsafe code in the project (LibraryImport's generated stubs would).
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();

    public void Dispose() => _queue.CompleteAdding();
}
