using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Documents.Signatures;

namespace NetworkMaintenance.Web.Features.Signatures;

/// <summary>
/// Signs with a PKCS#12 certificate on this server (<see cref="SignatureOptions.CertificatePath"/>): for development
/// and demonstrations, never a person's legal signature (the key is the server's, not theirs). Asks for no passphrase.
/// Refuses an already signed file (PDFsharp's single-signature limit, <see cref="LocalPdfSigner"/>).
/// </summary>
public sealed class LocalCertificateSigner(IOptions<SignatureOptions> options, TimeProvider clock) : IDocumentSigner, IDisposable
{
    private readonly Lazy<X509Certificate2Collection> _certificates = new(() =>
        X509CertificateLoader.LoadPkcs12CollectionFromFile(options.Value.CertificatePath!, options.Value.CertificatePassword));

    public string Provider => "LocalCertificate";
    public bool NeedsSecret => false;

    public Task<SigningResult> SignAsync(SigningRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (leaf, chain) = Pkcs12.Split(_certificates.Value);
        try
        {
            var signed = LocalPdfSigner.Sign(request.Pdf, leaf, chain, request.Reason, request.Location, clock.GetUtcNow().UtcDateTime);
            return Task.FromResult<SigningResult>(new SigningResult.Done(signed));
        }
        catch (LocalPdfSigner.AlreadySignedException)
        {
            return Task.FromResult<SigningResult>(new SigningResult.Failed(
                "Dokumen ini sudah memuat tanda tangan elektronik; sertifikat lokal tidak dapat menambah tanda tangan kedua " +
                "tanpa membatalkan yang pertama. Tanda tangan berikutnya dibubuhkan melalui BSrE.", SigningFailure.NotSignable));
        }
    }

    public void Dispose()
    {
        if (!_certificates.IsValueCreated) return;
        foreach (var certificate in _certificates.Value) certificate.Dispose();
    }
}

/// <summary>The signing certificate (the one with a private key) and the rest of a PKCS#12 file (its chain).</summary>
public static class Pkcs12
{
    public static (X509Certificate2 Leaf, X509Certificate2Collection Chain) Split(X509Certificate2Collection certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var leaf = certificates.First(c => c.HasPrivateKey);
        var chain = new X509Certificate2Collection();
        foreach (var certificate in certificates.Where(c => !ReferenceEquals(c, leaf))) chain.Add(certificate);
        return (leaf, chain);
    }
}

/// <summary>
/// The institutional e-seal (<see cref="SealOptions"/>): when a seal certificate is configured, every issued document
/// is sealed with it before anyone signs it personally (docs/signatures.md, "Order of signatures").
/// </summary>
public sealed class DocumentSealer(IOptions<SignatureOptions> options) : IDisposable
{
    private readonly Lazy<X509Certificate2Collection?> _certificates = new(() =>
        string.IsNullOrWhiteSpace(options.Value.Seal.CertificatePath)
            ? null
            : X509CertificateLoader.LoadPkcs12CollectionFromFile(options.Value.Seal.CertificatePath, options.Value.Seal.CertificatePassword));

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Seal.CertificatePath);

    /// <summary>The sealed file and the seal certificate's names; null when no seal is configured.</summary>
    public (byte[] Pdf, string SignerName, string Subject, string Issuer)? Seal(byte[] pdf, DateTime nowUtc)
    {
        if (_certificates.Value is not { } certificates) return null;
        var (leaf, chain) = Pkcs12.Split(certificates);
        var sealedPdf = LocalPdfSigner.Sign(pdf, leaf, chain, options.Value.Seal.Reason, options.Value.Location, nowUtc);
        return (sealedPdf, leaf.GetNameInfo(X509NameType.SimpleName, false), leaf.Subject, leaf.Issuer);
    }

    public void Dispose()
    {
        if (_certificates.IsValueCreated && _certificates.Value is { } certificates)
            foreach (var certificate in certificates) certificate.Dispose();
    }
}
