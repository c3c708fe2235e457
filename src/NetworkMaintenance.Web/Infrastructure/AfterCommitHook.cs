namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// A test-only pause between a filing's commit and the work after it (rendering the receipt), for the kill -9 test
/// (FilingCrashTests): when <c>Testing:HoldAfterCommitFile</c> is set (never in Production), the request appends the
/// report's number to that file and waits there until the process is killed. Without the setting it does nothing.
/// The file is read from the settings at registration (FeatureServices).
/// </summary>
public sealed class AfterCommitHook(string? holdFile)
{
    private readonly string? _file = holdFile;
    private readonly Lock _write = new();

    public async Task ReachedAsync(string reportNumber, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(_file)) return;
        lock (_write) File.AppendAllText(_file, reportNumber + Environment.NewLine);
        await Task.Delay(Timeout.Infinite, ct);
    }
}
