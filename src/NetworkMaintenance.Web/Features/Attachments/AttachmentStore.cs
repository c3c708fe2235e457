using System.Text;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Attachments;

public sealed class UploadOptions
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Largest accepted attachment, in bytes (setting <c>Uploads:MaxBytes</c>).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}

/// <summary>A checked upload: its detected type and a display name safe to show and to send back.</summary>
public sealed record CheckedUpload(IFormFile File, string ContentType, string Extension, string SafeName);

/// <summary>
/// Keeps attachments outside the web root, in the shared file store (<see cref="IFileStore"/>: the database, or a
/// folder, by default {DataDirectory}/attachments on SQLite), under generated names. Only JPEG, PNG and PDF are
/// accepted, recognised by their first bytes (never by the name or the browser's content type).
/// </summary>
public sealed class AttachmentStore(AppDbContext db, IFileStore files, IOptions<UploadOptions> options, TimeProvider clock)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();

    public long MaxBytes => options.Value.MaxBytes;

    public static string MaxText(long bytes) => $"{bytes / (1024 * 1024)} MB";

    /// <summary>Checks an upload; returns the Indonesian reason it is refused, or null with the checked upload.</summary>
    public async Task<(CheckedUpload? Upload, string? Error)> CheckAsync(IFormFile file, CancellationToken ct = default)
    {
        if (file.Length == 0) return (null, "Berkas lampiran kosong.");
        if (file.Length > MaxBytes) return (null, $"Ukuran lampiran melebihi batas {MaxText(MaxBytes)}.");
        var head = new byte[8];
        await using (var stream = file.OpenReadStream())
        {
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            head = head[..read];
        }
        (string Type, string Ext)? kind = head switch
        {
            _ when head.AsSpan().StartsWith(Jpeg) => ("image/jpeg", ".jpg"),
            _ when head.AsSpan().StartsWith(Png) => ("image/png", ".png"),
            _ when head.AsSpan().StartsWith(Pdf) => ("application/pdf", ".pdf"),
            _ => null,
        };
        if (kind is null) return (null, "Lampiran harus berupa gambar JPEG, PNG atau dokumen PDF.");
        return (new CheckedUpload(file, kind.Value.Type, kind.Value.Ext, SafeName(file.FileName, kind.Value.Ext)), null);
    }

    /// <summary>Writes the bytes under a generated name and adds the record (saved by the caller).</summary>
    public async Task<Attachment> SaveAsync(CheckedUpload upload, int? reportId, int? complaintId, string? userId,
        CancellationToken ct = default)
    {
        var storedName = Guid.NewGuid().ToString("N") + upload.Extension;
        await using (var source = upload.File.OpenReadStream())
        {
            await files.SaveAsync(storedName, source, ct);
        }
        var attachment = new Attachment(reportId, complaintId, storedName, upload.SafeName, upload.ContentType,
            upload.File.Length, userId, clock.GetUtcNow().UtcDateTime);
        db.Attachments.Add(attachment);
        return attachment;
    }

    /// <summary>The attachment's bytes, or null when the store has no such file.</summary>
    public Task<Stream?> OpenAsync(Attachment attachment, CancellationToken ct = default) =>
        files.OpenReadAsync(Path.GetFileName(attachment.StoredName), ct);

    /// <summary>
    /// The name shown and offered for download: only the last path segment, letters, digits, spaces, dots, dashes
    /// and underscores, at most 100 characters, always ending in the extension of the detected type.
    /// </summary>
    public static string SafeName(string? fileName, string extension)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = Path.GetFileNameWithoutExtension(name);
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c is ' ' or '-' or '_') sb.Append(c);
            else if (c == '.') sb.Append('_');
        }
        var clean = sb.ToString().Trim(' ', '_');
        if (clean.Length == 0) clean = "lampiran";
        if (clean.Length > 100) clean = clean[..100];
        return clean + extension;
    }
}
