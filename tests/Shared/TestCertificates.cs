using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>
/// A certificate authority made in the test (never a file from the repository): a root and leaves it issues, with
/// private keys, for signing PDFs as an e-seal or as a BSrE signer would.
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private readonly RSA _rootKey = RSA.Create(2048);

    public TestCertificateAuthority(string name = "Test Root CA Diskominfo")
    {
        var request = new CertificateRequest($"CN={name}, O=Pengujian, C=ID", _rootKey, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(2));
    }

    /// <summary>The root, with its key.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>A signing leaf issued by <see cref="Root"/>, with its private key.</summary>
    public X509Certificate2 IssueLeaf(string commonName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Pemerintah Kota Tebing Tinggi, C=ID", key,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(Root, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A PKCS#12 file of a leaf (and the root), as an operator would configure it.</summary>
    public byte[] ExportPkcs12(X509Certificate2 leaf, string password)
    {
        var collection = new X509Certificate2Collection { leaf, X509CertificateLoader.LoadCertificate(Root.RawData) };
        return collection.Export(X509ContentType.Pkcs12, password)!;
    }

    public void Dispose()
    {
        Root.Dispose();
        _rootKey.Dispose();
    }
}
