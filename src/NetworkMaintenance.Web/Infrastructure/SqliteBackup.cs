using Microsoft.Data.Sqlite;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Online backup and restore of the embedded SQLite database. The backup uses SQLite's backup API, so it is a
/// consistent copy taken while the app keeps serving; both directions check the copy with PRAGMA integrity_check.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the live database at <paramref name="connectionString"/> to <paramref name="destinationFile"/>.</summary>
    public static async Task BackupAsync(string connectionString, string destinationFile, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(destinationFile);
        if (File.Exists(full)) throw new IOException($"{full} already exists; choose a new file name.");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);

        await using (var source = new SqliteConnection(connectionString))
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
        }

        await EnsureIntactAsync(full, ct);
    }

    /// <summary>
    /// Replaces the database file of <paramref name="connectionString"/> with <paramref name="backupFile"/>.
    /// Run it while the app is stopped. The current file is kept next to it as *.before-restore-TIMESTAMP.
    /// </summary>
    public static async Task<string?> RestoreAsync(string connectionString, string backupFile, DateTime nowUtc,
        CancellationToken ct = default)
    {
        var backup = Path.GetFullPath(backupFile);
        if (!File.Exists(backup)) throw new FileNotFoundException("Backup file not found.", backup);
        await EnsureIntactAsync(backup, ct);

        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // This database's pool only: clearing every pool of the process can close a connection another database's user
        // is opening at that moment (Microsoft.Data.Sqlite reclaims it as leaked).
        using (var pooled = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(pooled);

        string? kept = null;
        if (File.Exists(target))
        {
            // Fold the write-ahead log into the file first, so the kept copy is complete on its own.
            await using (var live = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
            {
                await live.OpenAsync(ct);
                await using var checkpoint = live.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync(ct);
            }
            kept = $"{target}.before-restore-{nowUtc:yyyyMMddHHmmss}";
            File.Move(target, kept);
        }

        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(target + suffix)) File.Delete(target + suffix);
        }
        File.Copy(backup, target);
        return kept;
    }

    private static async Task EnsureIntactAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await command.ExecuteScalarAsync(ct);
        if (result != "ok") throw new InvalidDataException($"{file} failed the integrity check: {result}");
    }
}
