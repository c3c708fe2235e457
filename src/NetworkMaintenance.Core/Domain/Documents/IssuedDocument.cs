using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>What a party's signing space holds in a stored version.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartyStatus>))]
public enum PartyStatus
{
    /// <summary>Named on the document without a signing space (the reporter on the receipt).</summary>
    None,
    /// <summary>Approved this document in the application (<see cref="DocumentParty.AtUtc"/>).</summary>
    Approved,
    /// <summary>Signed on the technician's phone (<see cref="DocumentParty.AtUtc"/>); the image is printed.</summary>
    SignedOnDevice,
    /// <summary>No step of the application approves it: the space is for a handwritten signature.</summary>
    WetSignature,
    /// <summary>A later step will approve it; not yet.</summary>
    Pending,
}

/// <summary>A person named on a document, as the public verification page lists them.</summary>
/// <param name="Role">Their part in the document: "PIHAK PERTAMA", "Mengetahui", "Pelaksana", …</param>
/// <param name="Status">What their signing space holds in this version.</param>
/// <param name="AtUtc">When they approved or signed (for <see cref="PartyStatus.Approved"/> and <see cref="PartyStatus.SignedOnDevice"/>).</param>
public sealed record DocumentParty(string Role, string Name, string? Position, PartyStatus Status = PartyStatus.None,
    DateTime? AtUtc = null);

/// <summary>
/// An official document as it was issued for a report: its number, the PDF bytes exactly as first rendered (a reprint
/// is the same file), their SHA-256, the code of its public verification page, and the model snapshot it was rendered
/// from (for the wet-signature print). Never edited or deleted: a signature, an acknowledgement or an approval is a new
/// version under the same number; a substantive correction is a new version with a new number. Either way the old
/// version is marked superseded. The one exception is a certified signature (<see cref="AddSignature"/>): the signed
/// file becomes this version's registered file, and the file before it is kept in the <see cref="DocumentSignature"/>.
/// </summary>
public class IssuedDocument
{
    private static readonly JsonSerializerOptions PartiesJsonOptions = new(JsonSerializerDefaults.Web);

    private IssuedDocument() { }

    /// <summary>
    /// Issues a document. When <paramref name="previous"/> (the current document of the same type for the same report)
    /// is given, this one is its next version and the previous one becomes superseded. <paramref name="reason"/> says
    /// why this version exists ("Ditandatangani pelapor di lokasi").
    /// </summary>
    public static IssuedDocument Issue(int reportId, DocumentType type, string number, DateTime issuedAtUtc,
        string? issuedByUserId, string verificationCode, byte[] pdf, string snapshotJson,
        IReadOnlyList<DocumentParty> parties, IssuedDocument? previous, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (string.IsNullOrWhiteSpace(number)) throw new ArgumentException("A document needs a number.", nameof(number));
        if (Documents.VerificationCode.Normalize(verificationCode) != verificationCode)
            throw new ArgumentException("Not a verification code in stored form.", nameof(verificationCode));
        if (previous is not null && (previous.ReportId != reportId || previous.Type != type || previous.IsSuperseded))
            throw new InvalidOperationException("Only the current document of the same report and type can be superseded.");

        var document = new IssuedDocument
        {
            ReportId = reportId,
            Type = type,
            Number = number,
            Version = previous is null ? 1 : previous.Version + 1,
            IssuedAtUtc = issuedAtUtc,
            IssuedByUserId = issuedByUserId,
            VerificationCode = verificationCode,
            Pdf = pdf,
            Sha256 = HashOf(pdf),
            SnapshotJson = snapshotJson,
            PartiesJson = JsonSerializer.Serialize(parties, PartiesJsonOptions),
            VersionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, MaxReasonLength)],
        };
        previous?.SupersedeWith(document, issuedAtUtc);
        return document;
    }

    /// <summary>
    /// Issues a document whose PDF is rendered from <paramref name="snapshotJson"/> after the issuing transaction has
    /// committed (<see cref="CompleteRendering"/>): the number, the verification code and the snapshot are recorded in
    /// the transaction, together with a <see cref="PendingDocumentRender"/> that says the file is still to be made.
    /// </summary>
    public static IssuedDocument IssuePending(int reportId, DocumentType type, string number, DateTime issuedAtUtc,
        string? issuedByUserId, string verificationCode, string snapshotJson, IReadOnlyList<DocumentParty> parties,
        IssuedDocument? previous, string? reason = null)
    {
        var document = Issue(reportId, type, number, issuedAtUtc, issuedByUserId, verificationCode, [], snapshotJson, parties,
            previous, reason);
        document.Sha256 = "";
        return document;
    }

    /// <summary>Whether the PDF is still to be rendered (<see cref="IssuePending"/>).</summary>
    public bool IsPendingRendering => Sha256.Length == 0;

    /// <summary>Registers the PDF rendered from the snapshot of a document issued with <see cref="IssuePending"/>.</summary>
    public void CompleteRendering(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (!IsPendingRendering) throw new InvalidOperationException("The document's PDF was rendered already.");
        if (pdf.Length == 0) throw new ArgumentException("A rendered file has content.", nameof(pdf));
        Pdf = pdf;
        Sha256 = HashOf(pdf);
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public DocumentType Type { get; private set; }

    /// <summary>
    /// Letter number ("000.8.3.3/15/BA-PK/Diskominfo/2026"), the same for every version that only adds a signature; the
    /// receipt's and the lembar disposisi's is the report number (the nomor agenda).
    /// </summary>
    public string Number { get; private set; } = "";

    /// <summary>1 for the first issue of this type for the report, then 2, 3, … for signatures, approvals and corrections.</summary>
    public int Version { get; private set; }

    public const int MaxReasonLength = 200;

    /// <summary>Why this version was issued: "Diterbitkan", "Ditandatangani pelapor di lokasi", …</summary>
    public string? VersionReason { get; private set; }

    public DateTime IssuedAtUtc { get; private set; }

    /// <summary>The user whose step issued the document.</summary>
    public string? IssuedByUserId { get; private set; }

    /// <summary>16 characters from <see cref="Documents.VerificationCode.Alphabet"/>, stored without dashes.</summary>
    public string VerificationCode { get; private set; } = "";

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="Pdf"/>.</summary>
    public string Sha256 { get; private set; } = "";

    public byte[] Pdf { get; private set; } = [];

    /// <summary>The document model (JSON) the PDF was rendered from.</summary>
    public string SnapshotJson { get; private set; } = "";

    public string PartiesJson { get; private set; } = "[]";

    public bool IsSuperseded { get; private set; }
    public DateTime? SupersededAtUtc { get; private set; }
    public int? SupersededById { get; private set; }
    public IssuedDocument? SupersededBy { get; private set; }

    public IReadOnlyList<DocumentParty> Parties => ReadParties(PartiesJson);

    private readonly List<DocumentSignature> _signatures = [];

    /// <summary>The certified signatures applied to this version, in order (<see cref="AddSignature"/>).</summary>
    public IReadOnlyList<DocumentSignature> Signatures => _signatures;

    /// <summary>
    /// Registers <paramref name="signedPdf"/> (this version's file with one more certified signature) as the document's
    /// file: its bytes and SHA-256 replace the registered ones, and the file as it was is kept in the new
    /// <see cref="DocumentSignature"/>. The number, the verification code and the version stay: the QR code printed in
    /// the file keeps opening this document. A superseded version is not signed.
    /// </summary>
    public DocumentSignature AddSignature(byte[] signedPdf, SignatureKind kind, string provider, string? signerUserId,
        string signerName, string? certificateSubject, string? certificateIssuer, DateTime signedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(signedPdf);
        if (IsSuperseded) throw new InvalidOperationException("A superseded version is not signed.");
        if (signedPdf.Length == 0) throw new ArgumentException("A signed file has content.", nameof(signedPdf));
        var signature = DocumentSignature.Create(_signatures.Count + 1, kind, provider, signerUserId, signerName,
            certificateSubject, certificateIssuer, signedAtUtc, Pdf, Sha256, HashOf(signedPdf));
        _signatures.Add(signature);
        Pdf = signedPdf;
        Sha256 = signature.Sha256;
        return signature;
    }

    /// <summary>The parties stored in <see cref="PartiesJson"/> (also for queries that project the column alone).</summary>
    public static IReadOnlyList<DocumentParty> ReadParties(string json) =>
        JsonSerializer.Deserialize<List<DocumentParty>>(json, PartiesJsonOptions) ?? [];

    /// <summary>A download name without characters a file system or a header could trip on.</summary>
    public string FileName(bool wetSignature = false)
    {
        var number = new string(Number.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' ? ch : '-').ToArray());
        var version = Version > 1 ? $"-v{Version}" : "";
        return $"{Type.FileSlug()}-{number}{version}{(wetSignature ? "-basah" : "")}.pdf";
    }

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private void SupersedeWith(IssuedDocument next, DateTime atUtc)
    {
        IsSuperseded = true;
        SupersededAtUtc = atUtc;
        SupersededBy = next;
    }
}
