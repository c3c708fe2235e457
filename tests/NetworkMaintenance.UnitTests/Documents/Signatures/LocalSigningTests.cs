using System.Security.Cryptography.X509Certificates;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Signatures;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Tests.Shared;
using Xunit;

namespace NetworkMaintenance.UnitTests.Documents.Signatures;

/// <summary>
/// The local certificate signer (PDFsharp's DigitalSignatureHandler over SignedCms) with a CA made in the test: pdfsig
/// and the application's own check both find the signature valid, and one changed byte makes both find it invalid.
/// </summary>
public sealed class LocalSigningTests : IDisposable
{
    private readonly TestCertificateAuthority _ca = new();

    private static byte[] Unsigned() => OfficialDocumentRenderer.Render(DocumentSamples.WorkBeritaAcara());

    [Fact]
    public void A_sealed_document_is_valid_for_pdfsig_and_for_the_application()
    {
        using var leaf = _ca.IssueLeaf("E-Segel Diskominfo Kota Tebing Tinggi");
        var signedAt = new DateTime(2026, 12, 4, 3, 0, 0, DateTimeKind.Utc);
        var signed = LocalPdfSigner.Sign(Unsigned(), leaf, new X509Certificate2Collection(_ca.Root), "Segel elektronik",
            "Tebing Tinggi", signedAt);

        var pdfsig = Assert.Single(PdfSig.Check(signed));
        Assert.Equal("Signature is Valid.", pdfsig.Validation);
        Assert.Equal("E-Segel Diskominfo Kota Tebing Tinggi", pdfsig.SignerName);

        var own = Assert.Single(PdfSignatures.Read(signed, new X509Certificate2Collection(_ca.Root)));
        Assert.True(own.IntegrityValid);
        Assert.True(own.CoversWholeFile);
        Assert.True(own.CertificateTrusted);
        Assert.True(own.Valid);
        Assert.Equal("E-Segel Diskominfo Kota Tebing Tinggi", own.SignerName);
        Assert.Contains("Test Root CA Diskominfo", own.CertificateIssuer, StringComparison.Ordinal);
        Assert.Equal(signedAt, own.SignedAtUtc);
    }

    [Fact]
    public void One_changed_byte_in_the_signed_range_makes_the_signature_invalid()
    {
        using var leaf = _ca.IssueLeaf("E-Segel Diskominfo Kota Tebing Tinggi");
        var signed = LocalPdfSigner.Sign(Unsigned(), leaf, null, "Segel elektronik", "Tebing Tinggi", DateTime.UtcNow);
        var changed = (byte[])signed.Clone();
        // A byte of the first page's content, well inside the first signed range.
        var index = System.Text.Encoding.ASCII.GetString(signed).IndexOf("stream", StringComparison.Ordinal) + 20;
        changed[index] ^= 0x01;

        var pdfsig = Assert.Single(PdfSig.Check(changed));
        Assert.NotEqual("Signature is Valid.", pdfsig.Validation);
        var own = Assert.Single(PdfSignatures.Read(changed));
        Assert.False(own.IntegrityValid);
        Assert.False(own.Valid);
    }

    [Fact]
    public void A_certificate_from_another_authority_is_not_trusted()
    {
        using var other = new TestCertificateAuthority("Other Root");
        using var leaf = other.IssueLeaf("Orang Lain");
        var signed = LocalPdfSigner.Sign(Unsigned(), leaf, null, "Uji", "Tebing Tinggi", DateTime.UtcNow);

        var own = Assert.Single(PdfSignatures.Read(signed, new X509Certificate2Collection(_ca.Root)));
        Assert.True(own.IntegrityValid);
        Assert.False(own.CertificateTrusted);
        Assert.False(own.Valid);
    }

    [Fact]
    public void A_signed_file_is_not_signed_again_by_PDFsharp_which_would_break_the_first_signature()
    {
        using var leaf = _ca.IssueLeaf("E-Segel");
        var signed = LocalPdfSigner.Sign(Unsigned(), leaf, null, "Segel", "Tebing Tinggi", DateTime.UtcNow);
        Assert.Throws<LocalPdfSigner.AlreadySignedException>(() =>
            LocalPdfSigner.Sign(signed, leaf, null, "Lagi", "Tebing Tinggi", DateTime.UtcNow));
    }

    public void Dispose() => _ca.Dispose();
}
