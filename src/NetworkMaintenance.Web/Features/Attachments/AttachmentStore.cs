using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Attachments;

/// <summary>The <c>Uploads</c> section: sizes and quotas of attachments.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Largest accepted attachment, in bytes (setting <c>Uploads:MaxBytes</c>).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Largest attachment of an anonymous complaint (<c>Uploads:AnonymousMaxBytes</c>, default 2 MB).</summary>
    public long AnonymousMaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Anonymous attachments one client address may store in 24 hours (<c>Uploads:AnonymousDailyBytesPerIp</c>, 10 MB).</summary>
    public long AnonymousDailyBytesPerIp { get; set; } = 10 * 1024 * 1024;

    /// <summary>Anonymous attachments all clients together may store in 24 hours (<c>Uploads:AnonymousDailyBytesTotal</c>, 200 MB).</summary>
    public long AnonymousDailyBytesTotal { get; set; } = 200L * 1024 * 1024;

    /// <summary>Below this much free space anonymous attachments are refused (<c>Uploads:MinFreeBytes</c>, 1 GB).</summary>
    public long MinFreeBytes { get; set; } = 1024L * 1024 * 1024;
}

/// <summary>Every size and quota positive, the anonymous limit no larger than the general one.</summary>
public sealed class UploadOptionsValidator : Infrastructure.SettingsValidator<UploadOptions>
{
    public override IEnumerable<string> Check(UploadOptions options)
    {
        (string Setting, long Value)[] sizes =
        [
            ("Uploads:MaxBytes", options.MaxBytes),
            ("Uploads:AnonymousMaxBytes", options.AnonymousMaxBytes),
            ("Uploads:AnonymousDailyBytesPerIp", options.AnonymousDailyBytesPerIp),
            ("Uploads:AnonymousDailyBytesTotal", options.AnonymousDailyBytesTotal),
        ];
        foreach (var (setting, value) in sizes.Where(s => s.Value < 1)) yield return Positive(setting, value);
        if (options.MinFreeBytes < 0) yield return $"Uploads:MinFreeBytes must be zero or more (it is {options.MinFreeBytes}).";
        // Kestrel's request limit is MaxBytes plus room for the form: keep the sum far from overflowing.
        if (options.MaxBytes > 1024L * 1024 * 1024 * 1024)
            yield return $"Uploads:MaxBytes must be at most 1 TB (it is {options.MaxBytes}).";
        if (options.AnonymousMaxBytes > options.MaxBytes && options.MaxBytes > 0)
            yield return $"Uploads:AnonymousMaxBytes ({options.AnonymousMaxBytes}) must not exceed Uploads:MaxBytes ({options.MaxBytes}).";
    }
}

/// <summary>A checked upload: its detected type and a display name safe to show and to send back.</summary>
public sealed record CheckedUpload(IFormFile File, string ContentType, string Extension, string SafeName)
{
    /// <summary>The client address of an anonymous upload, recorded for the daily quota per address.</summary>
    public string? AnonymousClientIp { get; init; }
}

/// <summary>
/// Keeps attachments outside the web root, in the shared file store (<see cref="IFileStore"/>: the database, or a
/// folder, by default {DataDirectory}/attachments on SQLite), under generated names. Only JPEG, PNG and PDF are
/// accepted, recognised by their first bytes (never by the name or the browser's content type).
/// </summary>
public sealed class AttachmentStore(AppDbContext db, IFileStore files, AppPaths paths,
    IOptions<UploadOptions> options, TimeProvider clock, IDiskSpace disk)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>
    /// The folder whose disk takes the bytes: the store's folder, or the data folder when files live in the database
    /// (the embedded database's disk; for a server database, the nearest local measure of this instance's disk).
    /// </summary>
    private string SpaceDirectory => files.Kind == FileStoreKind.Folder ? paths.FileStoreFolder : paths.DataDirectory;

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

    /// <summary>
    /// Checks an attachment of an anonymous visitor (the complaint form): the checks of <see cref="CheckAsync"/>, then a
    /// smaller size limit, a daily quota per client address and for everyone together, and a free-space floor. A
    /// refused upload stores nothing; the reason is in Indonesian.
    /// </summary>
    public async Task<(CheckedUpload? Upload, string? Error)> CheckAnonymousAsync(IFormFile file, string? clientIp,
        CancellationToken ct = default)
    {
        var o = options.Value;
        if (file.Length > o.AnonymousMaxBytes)
        {
            return (null, $"Ukuran lampiran pengaduan melebihi batas {MaxText(o.AnonymousMaxBytes)}. Kecilkan foto atau kirim tanpa lampiran.");
        }
        var (upload, error) = await CheckAsync(file, ct);
        if (upload is null) return (null, error);

        var address = clientIp ?? "unknown";
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        var anonymous = db.Attachments.AsNoTracking().Where(a => a.UploadedByUserId == null && a.UploadedAtUtc >= since);
        var fromAddress = await anonymous.Where(a => a.UploaderIp == address).SumAsync(a => a.SizeBytes, ct);
        if (fromAddress + file.Length > o.AnonymousDailyBytesPerIp)
        {
            return (null, "Batas unggahan lampiran dari alamat Anda untuk hari ini sudah tercapai. "
                + "Kirim pengaduan tanpa lampiran, atau coba lagi besok.");
        }
        var total = await anonymous.SumAsync(a => a.SizeBytes, ct);
        if (total + file.Length > o.AnonymousDailyBytesTotal)
        {
            return (null, "Batas unggahan lampiran pengaduan untuk hari ini sudah tercapai. "
                + "Kirim pengaduan tanpa lampiran, atau coba lagi besok.");
        }
        if (disk.AvailableBytes(SpaceDirectory) - file.Length < o.MinFreeBytes)
        {
            return (null, "Ruang penyimpanan server hampir penuh sehingga lampiran tidak dapat diterima saat ini. "
                + "Kirim pengaduan tanpa lampiran.");
        }
        return (upload with { AnonymousClientIp = address }, null);
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
        if (upload.AnonymousClientIp is not null) attachment.UploadedFrom(upload.AnonymousClientIp);
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
