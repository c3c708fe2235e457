namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>Who applied a certified signature: the Dinas's institutional e-seal, or a person through BSrE.</summary>
public enum SignatureKind
{
    /// <summary>The institutional e-seal of the Dinas (a local PKCS#12 certificate), applied at issue.</summary>
    Seal,
    /// <summary>A person's certified electronic signature (TTE), applied by them from the document's page.</summary>
    Personal,
}

/// <summary>
/// A certified electronic signature applied to an issued document. The signed PDF replaces the document's registered
/// bytes (<see cref="IssuedDocument.Pdf"/> and <see cref="IssuedDocument.Sha256"/>); the bytes as they were before this
/// signature are kept here (<see cref="PreviousPdf"/>), so every earlier state of the file stays verifiable. Nothing
/// secret is stored: no passphrase, no TOTP code, no key.
/// </summary>
public class DocumentSignature
{
    private DocumentSignature() { }

    public const int MaxNameLength = 200;
    public const int MaxDistinguishedNameLength = 500;

    public int Id { get; private set; }
    public int IssuedDocumentId { get; private set; }

    /// <summary>1 for the first signature on the document, then 2, 3, …</summary>
    public int Sequence { get; private set; }

    public SignatureKind Kind { get; private set; }

    /// <summary>The signer implementation that signed ("Bsre", "Gateway", "LocalCertificate").</summary>
    public string Provider { get; private set; } = "";

    /// <summary>The account that signed; null for the e-seal applied by the application at issue.</summary>
    public string? SignerUserId { get; private set; }

    /// <summary>The name shown for the signer (the account's name, or the seal certificate's subject).</summary>
    public string SignerName { get; private set; } = "";

    /// <summary>The signing certificate's subject and issuer as read from the signed PDF (null when it could not be read).</summary>
    public string? CertificateSubject { get; private set; }
    public string? CertificateIssuer { get; private set; }

    public DateTime SignedAtUtc { get; private set; }

    /// <summary>The registered file before this signature, and its SHA-256.</summary>
    public byte[] PreviousPdf { get; private set; } = [];
    public string PreviousSha256 { get; private set; } = "";

    /// <summary>The SHA-256 of the signed file this signature produced.</summary>
    public string Sha256 { get; private set; } = "";

    internal static DocumentSignature Create(int sequence, SignatureKind kind, string provider, string? signerUserId,
        string signerName, string? certificateSubject, string? certificateIssuer, DateTime signedAtUtc, byte[] previousPdf,
        string previousSha256, string sha256) => new()
    {
        Sequence = sequence,
        Kind = kind,
        Provider = provider,
        SignerUserId = signerUserId,
        SignerName = Clip(signerName, MaxNameLength),
        CertificateSubject = certificateSubject is null ? null : Clip(certificateSubject, MaxDistinguishedNameLength),
        CertificateIssuer = certificateIssuer is null ? null : Clip(certificateIssuer, MaxDistinguishedNameLength),
        SignedAtUtc = signedAtUtc,
        PreviousPdf = previousPdf,
        PreviousSha256 = previousSha256,
        Sha256 = sha256,
    };

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
