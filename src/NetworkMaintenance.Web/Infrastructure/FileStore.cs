using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Infrastructure;

public enum FileStoreKind
{
    /// <summary>The <c>StoredFiles</c> table: shared by every instance on the database, backed up with it.</summary>
    Database,

    /// <summary>A folder (<c>Files:Folder</c>); for several instances a shared one (NFS, SMB).</summary>
    Folder,
}

/// <summary>The "Files" configuration section: where the files the app writes (attachments) are kept.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary><c>Database</c> or <c>Folder</c>; unset: <c>Folder</c> on SQLite, <c>Database</c> on a server database.</summary>
    public FileStoreKind? Store { get; set; }

    /// <summary>The folder of the <c>Folder</c> store; unset: <c>{DataDirectory}/attachments</c>.</summary>
    public string? Folder { get; set; }

    public static FileStoreKind EffectiveKind(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<FileStoreOptions>() ?? new FileStoreOptions();
        if (options.Store is { } kind) return kind;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        return database.Provider == DatabaseProvider.Sqlite ? FileStoreKind.Folder : FileStoreKind.Database;
    }

    public static string EffectiveFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = configuration.GetSection(Section).Get<FileStoreOptions>()?.Folder;
        return string.IsNullOrWhiteSpace(folder)
            ? Path.Combine(DatabaseSetup.DataDirectory(configuration, environment), "attachments")
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, folder));
    }
}

/// <summary>
/// Keeps the bytes of the files the app writes under generated names. Every instance on one database must see the
/// same files, so the store is the database or a shared folder (docs/operations.md, "Where files live").
/// </summary>
public interface IFileStore
{
    FileStoreKind Kind { get; }

    /// <summary>Stores a file. The database store adds it to the context: it is saved with the caller's changes.</summary>
    Task SaveAsync(string name, Stream content, CancellationToken ct = default);

    /// <summary>The file's bytes, or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken ct = default);

    /// <summary>Throws when the store cannot take a new file now (the readiness check).</summary>
    Task CheckWritableAsync(CancellationToken ct = default);
}

public static class FileStores
{
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        if (FileStoreOptions.EffectiveKind(configuration) == FileStoreKind.Database)
        {
            services.AddScoped<IFileStore, DatabaseFileStore>();
        }
        else
        {
            var folder = FileStoreOptions.EffectiveFolder(configuration, environment);
            services.AddSingleton<IFileStore>(new FolderFileStore(folder));
        }
        return services;
    }

    /// <summary>A store of the given kind, whatever the configuration chose (the <c>files migrate</c> command).</summary>
    public static IFileStore Create(FileStoreKind kind, AppDbContext db, TimeProvider clock, string folder) =>
        kind == FileStoreKind.Database ? new DatabaseFileStore(db, clock) : new FolderFileStore(folder);
}

public sealed class DatabaseFileStore(AppDbContext db, TimeProvider clock) : IFileStore
{
    public FileStoreKind Kind => FileStoreKind.Database;

    public async Task SaveAsync(string name, Stream content, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        db.StoredFiles.Add(new StoredFile(name, buffer.ToArray(), clock.GetUtcNow().UtcDateTime));
    }

    public async Task<Stream?> OpenReadAsync(string name, CancellationToken ct = default)
    {
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Name == name).Select(f => f.Content).SingleOrDefaultAsync(ct);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public async Task CheckWritableAsync(CancellationToken ct = default) =>
        // The table is there and readable; writing needs the database, which the database check covers.
        await db.StoredFiles.AsNoTracking().AnyAsync(ct);
}

public sealed class FolderFileStore(string folder) : IFileStore
{
    public FileStoreKind Kind => FileStoreKind.Folder;

    public string Folder => folder;

    public string PathOf(string name) => Path.Combine(folder, Path.GetFileName(name));

    public async Task SaveAsync(string name, Stream content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(name);
        var created = false;
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            created = true;
            await content.CopyToAsync(target, ct);
        }
        catch when (created)
        {
            // A full disk, or an upload that broke off, leaves no partial file behind (the caller saves no record).
            DeleteQuietly(path);
            throw;
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The exception that brought us here is what the request reports; a leftover file is only untidy.
        }
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken ct = default)
    {
        var path = PathOf(name);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true)
            : null);
    }

    public async Task CheckWritableAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var probe = Path.Combine(folder, $".probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(probe, [1], ct);
        File.Delete(probe);
    }
}
