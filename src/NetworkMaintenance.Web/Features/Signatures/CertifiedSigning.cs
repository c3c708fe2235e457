using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents.Signatures;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Audit;

namespace NetworkMaintenance.Web.Features.Signatures;

/// <summary>What the signing page shows: the document, its signatures, and whether (and why not) this person may sign.</summary>
public sealed record SigningPage(
    int ReportId,
    string ReportNumber,
    int DocumentId,
    DocumentType Type,
    string Number,
    int Version,
    string VerificationCode,
    IReadOnlyList<SignatureRow> Signatures,
    string? Refusal,
    bool NeedsSecret,
    bool NeedsNik);

/// <summary>A signature as listed on the document's signing page and the verification page.</summary>
public sealed record SignatureRow(int Sequence, SignatureKind Kind, string SignerName, DateTime SignedAtUtc,
    string? CertificateSubject, string? CertificateIssuer);

/// <summary>The outcome of one signing attempt.</summary>
public abstract record SignOutcome
{
    public sealed record Added(int Sequence) : SignOutcome;
    public sealed record Failed(string Message) : SignOutcome;
    public sealed record NotFound : SignOutcome;
}

/// <summary>
/// Personal certified signatures (docs/signatures.md): who must sign which document (<see cref="SignatureOptions.Required"/>),
/// whether this person may sign it now, and the signing itself. The passphrase or TOTP code passes through
/// <see cref="SigningSecret"/> to the signer and nowhere else: not into the database, the audit trail or a log.
/// </summary>
public sealed class CertifiedSigning(AppDbContext db, Documents.PendingDocuments pending, IOptions<SignatureOptions> options,
    IDocumentSigner signer, IAuditLog audit, TimeProvider clock, ILogger<CertifiedSigning> logger)
{
    /// <summary>The roles <paramref name="userId"/> has on <paramref name="report"/> (the reporter, a technician, the Kasi, the Kabid).</summary>
    public static IReadOnlySet<SignerRole> RolesOf(Report report, string userId)
    {
        ArgumentNullException.ThrowIfNull(report);
        var roles = new HashSet<SignerRole>();
        if (report.ReporterUserId == userId) roles.Add(SignerRole.Reporter);
        if (((IReportParties)report).TechnicianUserIds.Contains(userId)) roles.Add(SignerRole.Technician);
        if (report.KasiUserId == userId) roles.Add(SignerRole.Kasi);
        if (report.KabidUserId == userId) roles.Add(SignerRole.Kabid);
        return roles;
    }

    /// <summary>
    /// Why <paramref name="user"/> may not sign <paramref name="document"/> now (Indonesian), or null: the document
    /// type needs their role's signature, the version is the one in force, they have approved it (their signing space
    /// on this version says so) and have not signed it yet.
    /// </summary>
    public string? Refusal(Report report, IssuedDocument document, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(user);
        var needed = options.Value.RolesFor(document.Type);
        if (needed.Count == 0) return "Dokumen jenis ini tidak memerlukan tanda tangan elektronik tersertifikasi.";
        if (!needed.Intersect(RolesOf(report, user.Id)).Any())
            return "Anda tidak termasuk penanda tangan dokumen ini.";
        if (document.IsSuperseded) return "Versi dokumen ini sudah diganti; tanda tangani versi yang berlaku.";
        if (document.Signatures.Any(s => s.SignerUserId == user.Id)) return "Anda sudah menandatangani dokumen ini.";
        var approved = document.Parties.Any(p => p.Name == user.FullName && p.Status is PartyStatus.Approved or PartyStatus.SignedOnDevice);
        if (!approved) return "Setujui dokumen ini lebih dahulu melalui langkah laporan; setelah itu dokumen dapat ditandatangani.";
        return null;
    }

    public async Task<SigningPage?> PageAsync(int reportId, int documentId, string userId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(reportId, documentId, userId, tracked: false, ct);
        if (loaded is null) return null;
        var (report, document, user) = loaded.Value;
        return new SigningPage(report.Id, report.Number, document.Id, document.Type, document.Number, document.Version,
            document.VerificationCode, Rows(document.Signatures), Refusal(report, document, user), signer.NeedsSecret,
            signer.NeedsSecret && string.IsNullOrEmpty(user.Nik));
    }

    public static IReadOnlyList<SignatureRow> Rows(IEnumerable<DocumentSignature> signatures) => signatures
        .OrderBy(s => s.Sequence)
        .Select(s => new SignatureRow(s.Sequence, s.Kind, s.SignerName, s.SignedAtUtc, s.CertificateSubject, s.CertificateIssuer))
        .ToList();

    /// <summary>
    /// Sends the document to the signer once. A failure is recorded (without the secret) and returned with the
    /// signer's message; nothing is retried. A signed file is checked (one more signature, intact, covering the whole
    /// file) before it becomes the registered file.
    /// </summary>
    public async Task<SignOutcome> SignAsync(int reportId, int documentId, string userId, string? typedNik, SigningSecret? secret,
        CancellationToken ct = default)
    {
        var loaded = await LoadAsync(reportId, documentId, userId, tracked: true, ct);
        if (loaded is null) return new SignOutcome.NotFound();
        var (report, document, user) = loaded.Value;
        if (Refusal(report, document, user) is { } refusal) return new SignOutcome.Failed(refusal);

        var nik = user.Nik;
        if (signer.NeedsSecret)
        {
            if (string.IsNullOrEmpty(nik))
            {
                nik = typedNik?.Trim();
                if (nik is null || nik.Length != 16 || !nik.All(char.IsAsciiDigit))
                    return new SignOutcome.Failed("NIK harus 16 angka (sesuai KTP dan pendaftaran di BSrE).");
            }
            if (secret is null || string.IsNullOrWhiteSpace(secret.Reveal()))
                return new SignOutcome.Failed("Ketik passphrase (atau kode TOTP) tanda tangan elektronik Anda.");
        }

        var before = PdfSignatures.Read(document.Pdf).Count;
        var reason = $"Ditandatangani secara elektronik oleh {user.FullName}";
        var result = await signer.SignAsync(new SigningRequest(document.Pdf, document.FileName(), nik, secret, reason,
            options.Value.Location), ct);

        if (result is SigningResult.Done signed)
        {
            var found = PdfSignatures.Read(signed.Pdf);
            if (found.Count != before + 1 || found[^1] is not { IntegrityValid: true, CoversWholeFile: true })
            {
                logger.LogWarning("The signer {Provider} returned a file whose new signature does not check out for document {DocumentId}",
                    signer.Provider, document.Id);
                result = new SigningResult.Failed(
                    "Berkas yang dikembalikan layanan tanda tangan tidak memuat tanda tangan yang sah. Dokumen belum ditandatangani; silakan coba lagi.",
                    SigningFailure.ServiceError);
            }
            else if (found.Take(before).Any(s => !s.IntegrityValid))
            {
                // The service rewrote the file instead of appending to it: the earlier signatures (the e-seal, another
                // person's) no longer verify. Such a file is not registered.
                logger.LogWarning("The signer {Provider} returned a file in which an earlier signature no longer verifies (document {DocumentId})",
                    signer.Provider, document.Id);
                result = new SigningResult.Failed(
                    "Berkas yang dikembalikan layanan tanda tangan membatalkan tanda tangan yang sudah ada pada dokumen. " +
                    "Dokumen belum ditandatangani; hubungi administrator (docs/signatures.md, urutan tanda tangan).",
                    SigningFailure.ServiceError);
            }
            else
            {
                var last = found[^1];
                var signature = document.AddSignature(signed.Pdf, SignatureKind.Personal, signer.Provider, user.Id, user.FullName,
                    last.CertificateSubject, last.CertificateIssuer, clock.GetUtcNow().UtcDateTime);
                if (string.IsNullOrEmpty(user.Nik) && nik is not null) user.Nik = nik;
                audit.Add(Core.Domain.Audit.AuditEvents.DocumentSigned,
                    $"Dokumen {document.Number} (laporan {report.Number}) ditandatangani secara elektronik oleh {user.FullName} melalui {signer.Provider}.",
                    AuditObject.Document(document.Id, document.Number),
                    new { report = report.Number, type = document.Type.ToString(), provider = signer.Provider, sequence = signature.Sequence, sha256 = signature.Sha256 });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return new SignOutcome.Failed(
                        "Dokumen ini baru saja ditandatangani orang lain. Muat ulang halaman lalu tanda tangani versi terbarunya.");
                }
                logger.LogInformation("Document {DocumentId} signed through {Provider} (signature {Sequence})", document.Id,
                    signer.Provider, signature.Sequence);
                return new SignOutcome.Added(signature.Sequence);
            }
        }

        var failed = (SigningResult.Failed)result;
        await audit.WriteAsync(Core.Domain.Audit.AuditEvents.DocumentSigningFailed,
            $"Penandatanganan dokumen {document.Number} oleh {user.FullName} melalui {signer.Provider} gagal: {failed.Message}",
            AuditObject.Document(document.Id, document.Number),
            new { report = report.Number, provider = signer.Provider, reason = failed.Reason.ToString() }, ct: ct);
        return new SignOutcome.Failed(failed.Message);
    }

    private async Task<(Report Report, IssuedDocument Document, AppUser User)?> LoadAsync(int reportId, int documentId, string userId,
        bool tracked, CancellationToken ct)
    {
        // A document is signed in its registered file: one the background renderer has not got to yet is rendered first.
        await pending.EnsureRenderedAsync(documentId, ct);
        var documents = tracked ? db.IssuedDocuments : db.IssuedDocuments.AsNoTracking();
        var document = await documents.Include(d => d.Signatures).SingleOrDefaultAsync(d => d.Id == documentId && d.ReportId == reportId, ct);
        if (document is null) return null;
        var report = await db.Reports.AsNoTracking().Include(r => r.Technicians).SingleAsync(r => r.Id == reportId, ct);
        var users = tracked ? db.Users : db.Users.AsNoTracking();
        var user = await users.SingleAsync(u => u.Id == userId, ct);
        return (report, document, user);
    }
}
