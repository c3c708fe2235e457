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
        // Within the test certificates' validity (issued a day back from now): the chain is checked at signing time.
        var now = DateTime.UtcNow;
        var signedAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc).AddHours(-1);
        var signed = LocalPdfSigner.Sign(Unsigned(), leaf, new X509Certificate2Collection(_ca.Root), "Segel elektronik",
            "Tebing Tinggi", signedAt);

        var pdfsig = Assert.Single(PdfSig.Check(signed, _ca.Root));
        Assert.Equal("Signature is Valid.", pdfsig.Validation);
        Assert.Equal(PdfSig.Trusted, pdfsig.CertificateValidation);
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
        // The foreign root travels in the CMS, as a real chain would: it is still not a trusted one.
        var signed = LocalPdfSigner.Sign(Unsigned(), leaf, new X509Certificate2Collection(other.Root), "Uji", "Tebing Tinggi", DateTime.UtcNow);

        var own = Assert.Single(PdfSignatures.Read(signed, new X509Certificate2Collection(_ca.Root)));
        Assert.True(own.IntegrityValid);
        Assert.False(own.CertificateTrusted);
        Assert.False(own.Valid);

        // pdfsig with our root as its only trusted issuer: intact, but the foreign issuer is not trusted.
        var pdfsig = Assert.Single(PdfSig.Check(signed, _ca.Root));
        Assert.Equal("Signature is Valid.", pdfsig.Validation);
        Assert.Equal(PdfSig.IssuerNotTrusted, pdfsig.CertificateValidation);
        // And with no root at all, not even our own signature is trusted: the trust above comes from the database.
        using var ours = _ca.IssueLeaf("Kami");
        var oursSigned = LocalPdfSigner.Sign(Unsigned(), ours, new X509Certificate2Collection(_ca.Root), "Uji", "Tebing Tinggi", DateTime.UtcNow);
        Assert.Equal(PdfSig.Trusted, Assert.Single(PdfSig.Check(oursSigned, _ca.Root)).CertificateValidation);
        Assert.Equal(PdfSig.IssuerNotTrusted, Assert.Single(PdfSig.Check(oursSigned)).CertificateValidation);
    }

    [Fact]
    public void A_sealed_file_signed_again_by_an_incremental_update_carries_two_valid_signatures()
    {
        using var seal = _ca.IssueLeaf("E-Segel Diskominfo Kota Tebing Tinggi");
        using var person = _ca.IssueLeaf("Bayu Pratama");
        var roots = new X509Certificate2Collection(_ca.Root);
        var sealedPdf = LocalPdfSigner.Sign(Unsigned(), seal, null, "Segel", "Tebing Tinggi", DateTime.UtcNow);
        var signed = IncrementalPdfSigner.Sign(sealedPdf, person, null, "Ditandatangani", "Tebing Tinggi", DateTime.UtcNow);

        Assert.True(signed.AsSpan().StartsWith(sealedPdf));
        var pdfsig = PdfSig.Check(signed, _ca.Root);
        Assert.Equal(["E-Segel Diskominfo Kota Tebing Tinggi", "Bayu Pratama"], pdfsig.Select(s => s.SignerName));
        Assert.All(pdfsig, s => Assert.Equal("Signature is Valid.", s.Validation));
        Assert.All(pdfsig, s => Assert.Equal(PdfSig.Trusted, s.CertificateValidation));
        var own = PdfSignatures.Read(signed, roots);
        Assert.Equal(2, own.Count);
        Assert.All(own, s => Assert.True(s.Valid));
        Assert.Equal([false, true], own.Select(s => s.CoversWholeFile));
        // The file still opens as a PDF of the same pages.
        using (var document = UglyToad.PdfPig.PdfDocument.Open(signed))
        using (var original = UglyToad.PdfPig.PdfDocument.Open(sealedPdf))
            Assert.Equal(original.NumberOfPages, document.NumberOfPages);

        // A third signature appends again; all three stay valid.
        using var third = _ca.IssueLeaf("Rina Marlina");
        var thrice = IncrementalPdfSigner.Sign(signed, third, null, "Ditandatangani", "Tebing Tinggi", DateTime.UtcNow);
        Assert.Equal(3, PdfSig.Check(thrice, _ca.Root).Count(s => s.Validation == "Signature is Valid."));
        Assert.Equal(3, PdfSignatures.Read(thrice, roots).Count(s => s.Valid));

        // One changed byte in the appended update (a letter of the new field's name) breaks the personal signature
        // and leaves the seal intact.
        var changed = (byte[])signed.Clone();
        var name = System.Text.Encoding.Latin1.GetString(signed).IndexOf("/T (Tanda tangan", sealedPdf.Length, StringComparison.Ordinal);
        Assert.True(name > sealedPdf.Length);
        changed[name + 5] ^= 0x01;
        var changedChecks = PdfSignatures.Read(changed, roots);
        Assert.True(changedChecks[0].IntegrityValid);
        Assert.False(changedChecks[1].IntegrityValid);
        var changedSig = PdfSig.Check(changed, _ca.Root);
        Assert.Equal("Signature is Valid.", changedSig[0].Validation);
        Assert.NotEqual("Signature is Valid.", changedSig[1].Validation);
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
