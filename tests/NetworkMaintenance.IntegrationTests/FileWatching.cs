using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>
/// An app started by a test takes no inotify instance (tests/Shared/NoFileWatchers.cs): the kernel allows a user 128, and
/// with the test suites' apps running side by side CI ran out of them (GET /masuk answered 500 from the layout's
/// asp-append-version, or an app did not start).
/// </summary>
public sealed class FileWatching
{
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task AnAppServingAPageWithFingerprintedFilesTakesNoInotifyInstance()
    {
        var before = InotifyInstances();

        using var factory = new AppFactory();
        using var session = WebSession.Create(factory);
        var login = await session.GetPageAsync("/masuk");

        Assert.Contains("site.css?v=", login, StringComparison.Ordinal);
        Assert.True(InotifyInstances() <= before,
            $"The process held {before} inotify instances before the app started and {InotifyInstances()} after it served /masuk.");
    }

    private static int InotifyInstances() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => { try { return fd.LinkTarget == "anon_inode:inotify"; } catch (IOException) { return false; } });
}
