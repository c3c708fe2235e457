namespace NetworkMaintenance.Web.Features.Signatures;

/// <summary>What the signer typed to unlock their signing key: BSrE's passphrase, or a TOTP code from its app.</summary>
public enum SecretKind
{
    Passphrase,
    Totp,
}

/// <summary>
/// The passphrase or TOTP code typed for one signing. Held only for the request that sends it: never stored, never
/// logged. Its <see cref="ToString"/> hides the value, so a log template or an exception message that formats it by
/// mistake shows nothing.
/// </summary>
public sealed class SigningSecret(SecretKind kind, string value)
{
    public SecretKind Kind { get; } = kind;

    /// <summary>The value, read once by the signer that sends it.</summary>
    internal string Reveal() => value;

    public override string ToString() => "[rahasia]";
}

/// <summary>One signing: the registered file, the signer's NIK (BSrE), what they typed, and the reason printed.</summary>
public sealed record SigningRequest(byte[] Pdf, string FileName, string? Nik, SigningSecret? Secret, string Reason, string Location)
{
    // The record's generated ToString would list the PDF and the secret object; keep it short.
    public override string ToString() => $"SigningRequest {{ FileName = {FileName} }}";
}

/// <summary>What came of a signing.</summary>
public abstract record SigningResult
{
    /// <summary>The signed file.</summary>
    public sealed record Done(byte[] Pdf) : SigningResult;

    /// <summary>
    /// Not signed. <paramref name="Message"/> is Indonesian and shown to the signer (BSrE's own message when it gave
    /// one). Nothing is retried by itself: the person may try again.
    /// </summary>
    public sealed record Failed(string Message, SigningFailure Reason) : SigningResult;
}

public enum SigningFailure
{
    /// <summary>The service refused: wrong passphrase or code, unknown NIK, certificate not issued, …</summary>
    Refused,
    /// <summary>The service did not answer in time, or could not be reached.</summary>
    Unavailable,
    /// <summary>The service answered with an error of its own (HTTP 5xx) or an answer that cannot be read.</summary>
    ServiceError,
    /// <summary>The file cannot be signed by this signer (e.g. PDFsharp and an already signed file).</summary>
    NotSignable,
}

/// <summary>
/// The seam every certified signature goes through: BSrE (<see cref="BsreSigner"/>), a regional gateway with the same
/// contract (<see cref="BsreSigner"/> at another address), or a local PKCS#12 certificate (<see cref="LocalCertificateSigner"/>),
/// chosen by <see cref="SignatureOptions.Provider"/>.
/// </summary>
public interface IDocumentSigner
{
    /// <summary>Stored with each signature ("Bsre", "Gateway", "LocalCertificate").</summary>
    string Provider { get; }

    /// <summary>Whether the signer must give a NIK and a passphrase or TOTP code.</summary>
    bool NeedsSecret { get; }

    Task<SigningResult> SignAsync(SigningRequest request, CancellationToken ct = default);
}
