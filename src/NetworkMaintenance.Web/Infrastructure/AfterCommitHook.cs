namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// A test-only pause between a filing's commit and the work after it (rendering the receipt), for the kill -9 test
/// (FilingCrashTests): when <c>Testing:HoldAfterCommitFile</c> is set (never in Production), the request appends the
/// report's number to that file and waits there until the process is killed. Without the setting it does nothing.
/// </summary>
public sealed class AfterCommitHook(IConfiguration configuration, IHostEnvironment environment)
{
    private readonly string? _file = environment.IsProduction() ? null : configuration["Testing:HoldAfterCommitFile"];
    private readonly Lock _write = new();

    public async Task ReachedAsync(string reportNumber, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_file)) return;
        lock (_write) File.AppendAllText(_file, reportNumber + Environment.NewLine);
        await Task.Delay(Timeout.Infinite, ct);
    }
}
