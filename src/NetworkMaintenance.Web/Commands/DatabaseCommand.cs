using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Commands;

/// <summary>
/// <c>database backup --out FILE</c>: an online, consistent copy of the SQLite database (the app may keep running).
/// <c>database restore --from FILE</c>: replaces the database with a backup (stop the app first).
/// <c>database generate --reports N</c>: bulk test data for load tests (<see cref="Generate.GenerateCommand"/>).
/// </summary>
internal static class DatabaseCommand
{
    public const string Usage = "Usage: database backup --out FILE | database restore --from FILE | database generate --reports N";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.FirstOrDefault() == "generate") return await Generate.GenerateCommand.RunAsync(app, args[1..]);

        string connectionString;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!db.Database.IsSqlite())
            {
                Console.Error.WriteLine("These commands are for the embedded SQLite database. For SQL Server use BACKUP DATABASE / RESTORE DATABASE (see docs/operations.md).");
                return 2;
            }
            connectionString = db.Database.GetConnectionString()!;
        }

        try
        {
            switch (args.FirstOrDefault())
            {
                case "backup" when CommandLine.Option(args, "--out") is { } output:
                    await SqliteBackup.BackupAsync(connectionString, output);
                    Console.WriteLine($"Backup written to {Path.GetFullPath(output)} (integrity check: ok).");
                    return 0;
                case "restore" when CommandLine.Option(args, "--from") is { } input:
                    var kept = await SqliteBackup.RestoreAsync(connectionString, input, DateTime.UtcNow);
                    Console.WriteLine($"Database restored from {Path.GetFullPath(input)}." + (kept is null ? "" : $" The previous file is kept as {kept}."));
                    return 0;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
