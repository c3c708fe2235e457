using System.Runtime.CompilerServices;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>
/// Every app a test starts (in memory or as a process, which inherits the environment) polls for file changes instead of
/// asking the kernel for an inotify instance. Each app takes one for its configuration and one for its web root (the
/// layout's asp-append-version watches the files it fingerprints), and the kernel allows a user 128: with the integration
/// and browser suites running side by side the limit was reached, and then an app failed to start or answered GET /masuk
/// with 500 (an IOException from FileSystemWatcher in the layout's link tag helper), which is what failed CI.
/// </summary>
internal static class NoFileWatchers
{
#pragma warning disable CA2255 // A test assembly, not a library: the setting must be in place before any test builds a host.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void PollInstead() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
