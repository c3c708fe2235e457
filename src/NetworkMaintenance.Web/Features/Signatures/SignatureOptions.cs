using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Signatures;

/// <summary>Which implementation of <see cref="IDocumentSigner"/> applies personal certified signatures.</summary>
public enum SignerProvider
{
    /// <summary>No certified signatures: documents carry the in-application approvals and the QR code only.</summary>
    None,
    /// <summary>BSrE's API eSign Client Service (v2 JSON) at <see cref="SignatureOptions.BaseUrl"/>.</summary>
    Bsre,
    /// <summary>A regional signing gateway that offers the same contract as BSrE at another address.</summary>
    Gateway,
    /// <summary>A PKCS#12 file on this server (development, demonstrations): never for a person's legal signature.</summary>
    LocalCertificate,
}

/// <summary>Whose certified signature a document needs, by their part in the report.</summary>
public enum SignerRole
{
    /// <summary>The reporter (pelapor) of the report, when they have an account.</summary>
    Reporter,
    /// <summary>Any technician assigned to the report.</summary>
    Technician,
    /// <summary>The Kepala Seksi the report was disposed to.</summary>
    Kasi,
    /// <summary>The Kepala Bidang the report was disposed to.</summary>
    Kabid,
}

/// <summary>The <c>Signatures</c> section (docs/signatures.md, "Configuration").</summary>
public sealed class SignatureOptions
{
    public const string Section = "Signatures";

    public SignerProvider Provider { get; set; } = SignerProvider.None;

    /// <summary>The eSign Client Service (or gateway) address, e.g. "https://esign.example.go.id" (Bsre and Gateway).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The client account BSrE issues for this application (HTTP Basic authentication).</summary>
    public string? ClientUserName { get; set; }
    public string? ClientPassword { get; set; }

    /// <summary>How long one signing request may take before the person is told to try again (never retried by itself).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>The PKCS#12 file and its password for <see cref="SignerProvider.LocalCertificate"/>.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>The institutional e-seal: every issued document is sealed with it when a file is set.</summary>
    public SealOptions Seal { get; set; } = new();

    /// <summary>
    /// Root certificates (PEM or DER files) the verification page trusts, e.g. BSrE's root CA. With none, the page
    /// checks integrity only and says that the issuer is not checked.
    /// </summary>
    public List<string> TrustedRootCertificates { get; set; } = [];

    /// <summary>
    /// Whether the verification page also asks BSrE's verify endpoint about a file signed through BSrE (or the gateway)
    /// and shows its answer next to the application's own check (Bsre and Gateway only).
    /// </summary>
    public bool VerifyWithBsre { get; set; }

    /// <summary>Printed in every signature's location field.</summary>
    public string Location { get; set; } = "Tebing Tinggi";

    /// <summary>
    /// Which documents need whose certified signature, e.g. <c>"WorkBa": ["Technician", "Reporter"]</c>,
    /// <c>"WorkReport": ["Kasi"]</c>. A document type not listed is not signed by persons.
    /// </summary>
    public Dictionary<DocumentType, List<SignerRole>> Required { get; set; } = [];

    /// <summary>The roles that sign documents of <paramref name="type"/> (none when signing is off).</summary>
    public IReadOnlyList<SignerRole> RolesFor(DocumentType type) =>
        Provider != SignerProvider.None && Required.TryGetValue(type, out var roles) ? roles.Distinct().ToList() : [];

    /// <summary>Loads the trusted roots (checked at start by the validator).</summary>
    public X509Certificate2Collection LoadTrustedRoots()
    {
        var roots = new X509Certificate2Collection();
        foreach (var path in TrustedRootCertificates) roots.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        return roots;
    }
}

/// <summary>The <c>Signatures:Seal</c> section.</summary>
public sealed class SealOptions
{
    /// <summary>The PKCS#12 file of the Dinas's e-seal certificate; empty: documents are not sealed.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public string Reason { get; set; } = "Segel elektronik Dinas: dokumen diterbitkan oleh aplikasi";
}

public sealed class SignatureOptionsValidator : SettingsValidator<SignatureOptions>
{
    public override IEnumerable<string> Check(SignatureOptions options)
    {
        if (options.Provider is SignerProvider.Bsre or SignerProvider.Gateway)
        {
            if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                yield return $"Signatures:BaseUrl must be the absolute http(s) address of the eSign Client Service when Signatures:Provider is {options.Provider} (it is '{options.BaseUrl}').";
            if (string.IsNullOrWhiteSpace(options.ClientUserName) || string.IsNullOrWhiteSpace(options.ClientPassword))
                yield return $"Signatures:ClientUserName and Signatures:ClientPassword (the eSign client account) are required when Signatures:Provider is {options.Provider}.";
        }
        if (options.Provider == SignerProvider.LocalCertificate && Pkcs12Problem("Signatures:CertificatePath", options.CertificatePath, options.CertificatePassword) is { } local)
            yield return local;
        if (!string.IsNullOrWhiteSpace(options.Seal.CertificatePath)
            && Pkcs12Problem("Signatures:Seal:CertificatePath", options.Seal.CertificatePath, options.Seal.CertificatePassword) is { } seal)
            yield return seal;
        if (options.TimeoutSeconds is < 1 or > 300)
            yield return $"Signatures:TimeoutSeconds must be between 1 and 300 (it is {options.TimeoutSeconds}).";
        foreach (var path in options.TrustedRootCertificates)
        {
            string? problem = null;
            try
            {
                using var _ = X509CertificateLoader.LoadCertificateFromFile(path);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                problem = $"Signatures:TrustedRootCertificates: '{path}' cannot be read as a certificate ({ex.GetType().Name}).";
            }
            if (problem is not null) yield return problem;
        }
    }

    private static string? Pkcs12Problem(string setting, string? path, string? password)
    {
        if (string.IsNullOrWhiteSpace(path)) return $"{setting} must name a PKCS#12 (.p12/.pfx) file.";
        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey ? null : $"{setting}: '{path}' holds no private key.";
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The exception's message is not repeated: it never contains the password, but keep the output plain.
            return $"{setting}: '{path}' cannot be opened with the configured password ({ex.GetType().Name}).";
        }
    }
}
