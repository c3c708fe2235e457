using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Infrastructure;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>An online backup taken while the app runs restores into a working app with every report in it.</summary>
// The embedded database's own file, tools or locking: not run on PostgreSQL (.ci/run, docs/operations.md).
[Trait("Database", "SqliteOnly")]
public sealed class BackupAndRestore : IDisposable
{
    private readonly string _restoreDirectory = Path.Combine(Path.GetTempPath(), "nm-restore-" + Guid.NewGuid().ToString("N"));
    private readonly string _backupFile = Path.Combine(Path.GetTempPath(), "nm-backup-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task ABackupOfTheRunningAppRestoresIntoAnAppWithTheSameReports()
    {
        using var live = new AppFactory();
        string number;
        using (var driver = new WorkflowDriver(live))
        {
            var id = await driver.SubmitAsync();
            await driver.DisposeAsync(id);
            number = await live.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        }

        var connectionString = await live.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await SqliteBackup.BackupAsync(connectionString, _backupFile);

        // Restore into an empty data folder, then start an app on it.
        Directory.CreateDirectory(_restoreDirectory);
        var target = $"Data Source={Path.Combine(_restoreDirectory, "networkmaintenance.db")}";
        Assert.Null(await SqliteBackup.RestoreAsync(target, _backupFile, DateTime.UtcNow));
        using var restored = AppFactory.OnDirectory(_restoreDirectory);
        using var kadis = await WebSession.SignedInAsync(restored, "kadis");
        var list = await kadis.GetPageAsync("/laporan");
        Assert.Contains(number, list, StringComparison.Ordinal);
        var events = await restored.QueryAsync(db => db.ReportEvents.CountAsync(e => db.Reports.Any(r => r.Id == e.ReportId && r.Number == number)));
        Assert.Equal(2, events);
    }

    [Fact]
    public async Task ABackupFileThatIsNotADatabaseIsRefusedAndTheCurrentDatabaseStays()
    {
        await File.WriteAllTextAsync(_backupFile, "not a database");
        Directory.CreateDirectory(_restoreDirectory);
        var targetFile = Path.Combine(_restoreDirectory, "networkmaintenance.db");
        await File.WriteAllTextAsync(targetFile, "current");

        await Assert.ThrowsAnyAsync<Exception>(() => SqliteBackup.RestoreAsync($"Data Source={targetFile}", _backupFile, DateTime.UtcNow));
        Assert.Equal("current", await File.ReadAllTextAsync(targetFile));
    }

    [Fact]
    public async Task ABackupNeverOverwritesAnExistingFile()
    {
        await File.WriteAllTextAsync(_backupFile, "earlier backup");
        await Assert.ThrowsAsync<IOException>(() => SqliteBackup.BackupAsync("Data Source=:memory:", _backupFile));
        Assert.Equal("earlier backup", await File.ReadAllTextAsync(_backupFile));
    }

    public void Dispose()
    {
        SqlitePools.ReleaseDataDirectory(_restoreDirectory);
        try
        {
            if (Directory.Exists(_restoreDirectory)) Directory.Delete(_restoreDirectory, recursive: true);
            if (File.Exists(_backupFile)) File.Delete(_backupFile);
        }
        catch (IOException)
        {
        }
    }
}
