using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Commands;

/// <summary>
/// <c>files migrate --to database|folder [--from-folder DIR]</c>: copies every attachment into the chosen file store
/// (docs/operations.md, "Where files live"), e.g. the files of a single instance's folder into the database before a
/// second instance starts. A file already in the target is left as it is; a file found in neither store is reported.
/// The source is the other store: the configured folder (<c>Files:Folder</c>, or <c>--from-folder</c>) or the database.
/// Then set <c>Files:Store</c> to the target.
/// </summary>
public static class FilesCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.FirstOrDefault() != "migrate" || !Enum.TryParse<FileStoreKind>(CommandLine.Option(args, "--to"), true, out var target))
        {
            await Console.Error.WriteLineAsync("Usage: files migrate --to database|folder [--from-folder DIR]");
            return 2;
        }
        var folder = CommandLine.Option(args, "--from-folder") is { Length: > 0 } from
            ? Path.GetFullPath(from)
            : FileStoreOptions.EffectiveFolder(app.Configuration, app.Environment);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var source = FileStores.Create(target == FileStoreKind.Database ? FileStoreKind.Folder : FileStoreKind.Database, db, clock, folder);
        var destination = FileStores.Create(target, db, clock, folder);

        var names = await db.Attachments.AsNoTracking().OrderBy(a => a.Id).Select(a => a.StoredName).ToListAsync();
        int copied = 0, present = 0, missing = 0;
        foreach (var name in names)
        {
            await using (var existing = await destination.OpenReadAsync(name))
            {
                if (existing is not null)
                {
                    present++;
                    continue;
                }
            }
            await using var content = await source.OpenReadAsync(name);
            if (content is null)
            {
                missing++;
                await Console.Error.WriteLineAsync($"Not found in the {source.Kind} store: {name}");
                continue;
            }
            await destination.SaveAsync(name, content);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            copied++;
        }
        Console.WriteLine($"Attachments: {names.Count}; copied to the {target} store: {copied}; already there: {present}; missing: {missing}.");
        return missing == 0 ? 0 : 1;
    }
}
