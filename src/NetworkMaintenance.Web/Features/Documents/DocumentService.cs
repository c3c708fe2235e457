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
    CurrentVersion? Current)
{
    /// <summary>The certified signatures in the registered file, each as checked now (docs/signatures.md).</summary>
    public IReadOnlyList<VerifiedSignature> Signatures { get; init; } = [];

    /// <summary>
    /// BSrE's own answer about the registered file (<see cref="Signatures.SignatureOptions.VerifyWithBsre"/>), when it was
    /// asked: null when not asked (no signature through BSrE, or the setting is off).
    /// </summary>
    public BsreCheck? Bsre { get; init; }

    /// <summary>The SHA-256 of the file before each signature (an earlier state of the same document), by signature number.</summary>
    public IReadOnlyDictionary<string, int> EarlierStates { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// One signature of the registered file: who signed (as recorded, and the certificate's name), when, the certificate's
/// issuer, and whether the file's check finds it valid.
/// </summary>
public sealed record VerifiedSignature(int Sequence, Core.Domain.Documents.SignatureKind Kind, string SignerName,
    string? CertificateName, DateTime SignedAtUtc, string? CertificateIssuer, bool Valid, bool? Trusted, string? Problem);

/// <summary>
/// The verification page's question to BSrE: <paramref name="Answer"/> is BSrE's verdict, or null when its verification
/// service could not be reached (the page then shows the application's own check with a note).
/// </summary>
public sealed record BsreCheck(string Service, Signatures.BsreVerification? Answer);

/// <summary>The version in force when the verified one has been superseded.</summary>
public sealed record CurrentVersion(string Number, int Version, DateTime IssuedAtUtc, string VerificationCode);

/// <summary>
/// Comparison of an uploaded file with the registered PDF. <paramref name="BeforeSignature"/>: the file is the document as
/// it was before that certified signature (genuine, but not the registered file).
/// </summary>
public sealed record FileCheck(string FileName, long Length, string Sha256, bool Matches, int? BeforeSignature = null);

/// <summary>Reads issued documents: the report page's list, downloads, the wet-signature print and verification.</summary>
public sealed class DocumentService(AppDbContext db, PendingDocuments pending,
    Microsoft.Extensions.Options.IOptions<Signatures.SignatureOptions> signatureOptions, Signatures.BsreSigner bsre)
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    // Compiled and tagged (its prepared statement reused: SqlitePreparedStatements): the report page lists its documents on every view.
    private static readonly Func<AppDbContext, int, IAsyncEnumerable<IssuedDocumentRow>> DocumentsOf =
        EF.CompileAsyncQuery((AppDbContext db, int reportId) => db.IssuedDocuments.TagWith(SqlitePreparedStatements.Tag).AsNoTracking()
            .Where(d => d.ReportId == reportId).Select(d => new IssuedDocumentRow(d.Id, d.Type, d.Number, d.Version, d.IssuedAtUtc, d.IsSuperseded, d.VerificationCode)));

    public async Task<IReadOnlyList<IssuedDocumentRow>> ListForReportAsync(int reportId, CancellationToken ct = default)
    {
        var rows = await DocumentsOf(db, reportId).ToListAsync(ct);
        return rows.OrderBy(r => r.Type).ThenByDescending(r => r.Version).ToList();
    }

    /// <summary>
    /// A document of the report, with its PDF; null when it does not belong to that report. A document asked for before
    /// the background renderer got to it (or after a crash, before the start-up pass) is rendered now, once
    /// (<see cref="PendingDocuments"/>), then read again: the web and API downloads never see an empty file.
    /// </summary>
    public async Task<IssuedDocument?> FindAsync(int reportId, int documentId, CancellationToken ct = default)
    {
        var document = await FindAsIsAsync(reportId, documentId, ct);
        if (document is not { IsPendingRendering: true }) return document;
        await pending.EnsureRenderedAsync(documentId, ct);
        return await FindAsIsAsync(reportId, documentId, ct);
    }

    private Task<IssuedDocument?> FindAsIsAsync(int reportId, int documentId, CancellationToken ct) =>
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
    public Task<VerifiedDocument?> VerifyAsync(string? code, CancellationToken ct = default) => VerifyAsync(code, renderPending: true, ct);

    private async Task<VerifiedDocument?> VerifyAsync(string? code, bool renderPending, CancellationToken ct)
    {
        var normalized = VerificationCode.Normalize(code);
        if (normalized is null) return null;
        var found = await db.IssuedDocuments.AsNoTracking().Where(d => d.VerificationCode == normalized)
            .Select(d => new
            {
                d.Id,
                d.ReportId, d.Type, d.Number, d.Version, d.VersionReason, d.IssuedAtUtc, d.PartiesJson, d.Sha256, d.IsSuperseded,
                d.SupersededAtUtc,
                ReportNumber = db.Reports.Where(r => r.Id == d.ReportId).Select(r => r.Number).Single(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        if (found.Sha256.Length == 0 && renderPending)
        {
            // Not rendered yet (PendingDocuments): the page shows the registered file's fingerprint, so render it first.
            await pending.EnsureRenderedAsync(found.Id, ct);
            return await VerifyAsync(code, renderPending: false, ct);
        }

        CurrentVersion? current = null;
        if (found.IsSuperseded)
        {
            current = await db.IssuedDocuments.AsNoTracking()
                .Where(d => d.ReportId == found.ReportId && d.Type == found.Type && !d.IsSuperseded)
                .Select(d => new CurrentVersion(d.Number, d.Version, d.IssuedAtUtc, d.VerificationCode))
                .SingleOrDefaultAsync(ct);
        }

        return new VerifiedDocument(normalized, found.Type, found.Number, found.Version, found.VersionReason, found.IssuedAtUtc, found.ReportNumber,
            IssuedDocument.ReadParties(found.PartiesJson), found.Sha256, found.IsSuperseded, found.SupersededAtUtc, current)
        {
            Signatures = await SignaturesAsync(found.Id, ct),
            Bsre = await BsreCheckAsync(found.Id, ct),
            EarlierStates = await db.DocumentSignatures.AsNoTracking().Where(s => s.IssuedDocumentId == found.Id)
                .ToDictionaryAsync(s => s.PreviousSha256, s => s.Sequence, ct),
        };
    }

    /// <summary>
    /// The recorded signatures of a document, each checked in the registered file (signature n is the n-th in file
    /// order: every signature is appended after the ones before it).
    /// </summary>
    private async Task<IReadOnlyList<VerifiedSignature>> SignaturesAsync(int documentId, CancellationToken ct)
    {
        var recorded = await db.DocumentSignatures.AsNoTracking().Where(s => s.IssuedDocumentId == documentId)
            .OrderBy(s => s.Sequence).ToListAsync(ct);
        if (recorded.Count == 0) return [];
        var pdf = await db.IssuedDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Pdf).SingleAsync(ct);
        var found = Core.Documents.Signatures.PdfSignatures.Read(pdf, signatureOptions.Value.LoadTrustedRoots());
        return recorded.Select((s, i) =>
        {
            var check = i < found.Count ? found[i] : null;
            return new VerifiedSignature(s.Sequence, s.Kind, s.SignerName, check?.SignerName, check?.SignedAtUtc ?? s.SignedAtUtc,
                check?.CertificateIssuer ?? s.CertificateIssuer, check?.Valid ?? false, check?.CertificateTrusted,
                check is null ? "Tanda tangan tidak ditemukan dalam berkas." : check.Problem);
        }).ToList();
    }

    /// <summary>
    /// Asks BSrE's verify endpoint about the registered file when a signature in it was made through BSrE (or the
    /// gateway) and <see cref="Signatures.SignatureOptions.VerifyWithBsre"/> is on; its answer is shown beside the local
    /// check, never instead of it.
    /// </summary>
    private async Task<BsreCheck?> BsreCheckAsync(int documentId, CancellationToken ct)
    {
        var settings = signatureOptions.Value;
        if (!settings.VerifyWithBsre || settings.Provider is not (Signatures.SignerProvider.Bsre or Signatures.SignerProvider.Gateway))
            return null;
        var throughBsre = await db.DocumentSignatures.AsNoTracking()
            .AnyAsync(s => s.IssuedDocumentId == documentId && (s.Provider == "Bsre" || s.Provider == "Gateway"), ct);
        if (!throughBsre) return null;
        var pdf = await db.IssuedDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.Pdf).SingleAsync(ct);
        return new BsreCheck(settings.Provider == Signatures.SignerProvider.Gateway ? "gateway daerah" : "BSrE",
            await bsre.VerifyAsync(pdf, ct));
    }

    /// <summary>Hashes an uploaded file and compares it with the registered PDF's SHA-256.</summary>
    public static async Task<FileCheck> CompareAsync(VerifiedDocument document, IFormFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        var hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct));
        return new FileCheck(Path.GetFileName(file.FileName), file.Length, hash,
            string.Equals(hash, document.Sha256, StringComparison.Ordinal),
            document.EarlierStates.TryGetValue(hash, out var sequence) ? sequence : null);
    }
}
