using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain.Documents;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>A document in the report page's "Dokumen" card (without its bytes).</summary>
public sealed record IssuedDocumentRow(int Id, DocumentType Type, string Number, int Version, DateTime IssuedAtUtc,
    bool IsSuperseded, string VerificationCode);

/// <summary>What the public verification page shows about a genuine code.</summary>
public sealed record VerifiedDocument(
    string VerificationCode,
    DocumentType Type,
    string Number,
    int Version,
    string? VersionReason,
    DateTime IssuedAtUtc,
    string ReportNumber,
    IReadOnlyList<DocumentParty> Parties,
    string Sha256,
    bool IsSuperseded,
    DateTime? SupersededAtUtc,
    CurrentVersion? Current);

/// <summary>The version in force when the verified one has been superseded.</summary>
public sealed record CurrentVersion(string Number, int Version, DateTime IssuedAtUtc, string VerificationCode);

/// <summary>Comparison of an uploaded file with the registered PDF.</summary>
public sealed record FileCheck(string FileName, long Length, string Sha256, bool Matches);

/// <summary>Reads issued documents: the report page's list, downloads, the wet-signature print and verification.</summary>
public sealed class DocumentService(AppDbContext db)
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    // Compiled: the report page lists its documents on every view.
    private static readonly Func<AppDbContext, int, IAsyncEnumerable<IssuedDocumentRow>> DocumentsOf =
        EF.CompileAsyncQuery((AppDbContext db, int reportId) => db.IssuedDocuments.AsNoTracking().Where(d => d.ReportId == reportId)
            .Select(d => new IssuedDocumentRow(d.Id, d.Type, d.Number, d.Version, d.IssuedAtUtc, d.IsSuperseded, d.VerificationCode)));

    public async Task<IReadOnlyList<IssuedDocumentRow>> ListForReportAsync(int reportId, CancellationToken ct = default)
    {
        var rows = await DocumentsOf(db, reportId).ToListAsync(ct);
        return rows.OrderBy(r => r.Type).ThenByDescending(r => r.Version).ToList();
    }

    /// <summary>A document of the report, with its PDF; null when it does not belong to that report.</summary>
    public Task<IssuedDocument?> FindAsync(int reportId, int documentId, CancellationToken ct = default) =>
        db.IssuedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.ReportId == reportId, ct);

    /// <summary>
    /// The same snapshot rendered with blank signing spaces, for signing by hand. Not stored and not numbered anew:
    /// it carries the issued document's number and verification code.
    /// </summary>
    public static byte[] RenderWetSignature(IssuedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = DocumentSnapshot.Deserialize(document.SnapshotJson, ReportDocumentMapper.ModelType(document.Type));
        return OfficialDocumentRenderer.Render(model with { WetSignature = true });
    }

    /// <summary>The registered document for a code as someone typed or scanned it; null when there is none.</summary>
    public async Task<VerifiedDocument?> VerifyAsync(string? code, CancellationToken ct = default)
    {
        var normalized = VerificationCode.Normalize(code);
        if (normalized is null) return null;
        var found = await db.IssuedDocuments.AsNoTracking().Where(d => d.VerificationCode == normalized)
            .Select(d => new
            {
                d.ReportId, d.Type, d.Number, d.Version, d.VersionReason, d.IssuedAtUtc, d.PartiesJson, d.Sha256, d.IsSuperseded,
                d.SupersededAtUtc,
                ReportNumber = db.Reports.Where(r => r.Id == d.ReportId).Select(r => r.Number).Single(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;

        CurrentVersion? current = null;
        if (found.IsSuperseded)
        {
            current = await db.IssuedDocuments.AsNoTracking()
                .Where(d => d.ReportId == found.ReportId && d.Type == found.Type && !d.IsSuperseded)
                .Select(d => new CurrentVersion(d.Number, d.Version, d.IssuedAtUtc, d.VerificationCode))
                .SingleOrDefaultAsync(ct);
        }

        return new VerifiedDocument(normalized, found.Type, found.Number, found.Version, found.VersionReason, found.IssuedAtUtc, found.ReportNumber,
            IssuedDocument.ReadParties(found.PartiesJson), found.Sha256, found.IsSuperseded, found.SupersededAtUtc, current);
    }

    /// <summary>Hashes an uploaded file and compares it with the registered PDF's SHA-256.</summary>
    public static async Task<FileCheck> CompareAsync(VerifiedDocument document, IFormFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        var hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct));
        return new FileCheck(Path.GetFileName(file.FileName), file.Length, hash,
            string.Equals(hash, document.Sha256, StringComparison.Ordinal));
    }
}
