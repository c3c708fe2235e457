using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Documents.Signatures;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Signatures;

/// <summary>
/// The order docs/signatures.md prescribes, end to end: the Dinas's e-seal at issue (PDFsharp), then a personal
/// signature through BSrE (the fake appends an incremental update, as BSrE does), with the verification page asking
/// BSrE's verify endpoint too (<c>Signatures:VerifyWithBsre</c>). One test CA issues the seal and the signer's
/// certificate and is the trusted root of the application and of pdfsig.
/// </summary>
public sealed class SealAndBsreWorld : IDisposable
{
    private readonly TestCertificateAuthority _ca = new();
    private readonly string _p12 = Path.Combine(Path.GetTempPath(), $"seal-{Guid.NewGuid():N}.p12");
    private readonly string _rootFile = Path.Combine(Path.GetTempPath(), $"root-{Guid.NewGuid():N}.cer");

    public SealAndBsreWorld()
    {
        using (var seal = _ca.IssueLeaf("Segel Diskominfo Kota Tebing Tinggi"))
            File.WriteAllBytes(_p12, _ca.ExportPkcs12(seal, "sandi-segel"));
        File.WriteAllBytes(_rootFile, _ca.Root.Export(X509ContentType.Cert));
        Leaf = _ca.IssueLeaf("Bayu Pratama");
        Bsre = new FakeBsre(Leaf, _ca.Root, "Passphrase-" + Guid.NewGuid().ToString("N")[..12]);
        Factory = AppFactory.Configured("Development",
            new("Signatures:Provider", "Bsre"),
            new("Signatures:BaseUrl", Bsre.BaseUrl),
            new("Signatures:ClientUserName", FakeBsre.ClientUser),
            new("Signatures:ClientPassword", FakeBsre.ClientPassword),
            new("Signatures:TimeoutSeconds", "5"),
            new("Signatures:VerifyWithBsre", "true"),
            new("Signatures:Seal:CertificatePath", _p12),
            new("Signatures:Seal:CertificatePassword", "sandi-segel"),
            new("Signatures:Required:WorkBa:0", "Technician"),
            new("Signatures:TrustedRootCertificates:0", _rootFile));
    }

    internal X509Certificate2 Leaf { get; }
    internal X509Certificate2 Root => _ca.Root;
    internal FakeBsre Bsre { get; }
    public AppFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Bsre.Dispose();
        Leaf.Dispose();
        _ca.Dispose();
        File.Delete(_p12);
        File.Delete(_rootFile);
    }
}

public sealed class SealThenBsre(SealAndBsreWorld world) : IClassFixture<SealAndBsreWorld>, IDisposable
{
    private readonly WorkflowDriver _w = new(world.Factory);

    [Fact]
    public async Task ASealedDocumentSignedThroughBsreCarriesBothSignaturesAndBothAreValid()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        var ba = await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Include(d => d.Signatures)
            .SingleAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa && !d.IsSuperseded));
        Assert.Equal(SignatureKind.Seal, Assert.Single(ba.Signatures).Kind);
        var sealedPdf = ba.Pdf;

        var page = $"/laporan/{id}/dokumen/{ba.Id}/tandatangan";
        var teknisi = await _w.As("teknisi");
        using (var response = await teknisi.SubmitFormAsync(page, page,
            [new("Nik", FakeBsre.RegisteredNik), new("Jenis", "Passphrase"), new("Rahasia", world.Bsre.GoodPassphrase)]))
        {
            await HttpAssert.RedirectsToAsync(response, page);
        }

        var stored = await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Include(d => d.Signatures)
            .SingleAsync(d => d.Id == ba.Id));
        Assert.Equal([SignatureKind.Seal, SignatureKind.Personal], stored.Signatures.OrderBy(s => s.Sequence).Select(s => s.Kind));
        // Appended, not rewritten: the sealed file is the start of the signed one, byte for byte.
        Assert.True(stored.Pdf.AsSpan().StartsWith(sealedPdf), "BSrE's signature must be an incremental update of the sealed file.");
        Assert.Equal(sealedPdf, stored.Signatures.Single(s => s.Kind == SignatureKind.Personal).PreviousPdf);

        // pdfsig: two signatures, both valid and both chaining to the trusted test root; the seal covers the original
        // revision, the personal signature the whole file.
        var pdfsig = PdfSig.Check(stored.Pdf, world.Root);
        Assert.Equal(2, pdfsig.Count);
        Assert.All(pdfsig, s => Assert.Equal("Signature is Valid.", s.Validation));
        Assert.All(pdfsig, s => Assert.Equal(PdfSig.Trusted, s.CertificateValidation));
        Assert.Equal(["Segel Diskominfo Kota Tebing Tinggi", "Bayu Pratama"], pdfsig.Select(s => s.SignerName));

        // The application's own check: two intact, trusted signatures; only the last covers the whole file.
        var own = PdfSignatures.Read(stored.Pdf, new X509Certificate2Collection(world.Root));
        Assert.Equal(2, own.Count);
        Assert.All(own, s => Assert.True(s.Valid && s.IntegrityValid && s.CertificateTrusted == true));
        Assert.False(own[0].CoversWholeFile);
        Assert.True(own[1].CoversWholeFile);

        // The verification page lists both as "Sah", and shows BSrE's own verdict next to them.
        var verifyRequests = world.Bsre.VerifyRequests;
        using var visitor = WebSession.Create(world.Factory);
        var html = await visitor.GetPageAsync($"/verifikasi/{stored.VerificationCode}");
        var text = WebPageHelpers.Text(html);
        Assert.Equal(2, CountOf(html, "data-testid=\"verified-signature\" data-valid=\"true\""));
        Assert.Contains("Segel elektronik Dinas", text, StringComparison.Ordinal);
        Assert.Contains("Segel Diskominfo Kota Tebing Tinggi", text, StringComparison.Ordinal);
        Assert.Contains("Bayu Pratama", text, StringComparison.Ordinal);
        Assert.Contains("Hasil verifikasi layanan BSrE: VALID", text, StringComparison.Ordinal);
        Assert.Contains("Penanda tangan menurut BSrE: Segel Diskominfo Kota Tebing Tinggi, Bayu Pratama", text, StringComparison.Ordinal);
        Assert.Equal(verifyRequests + 1, world.Bsre.VerifyRequests);

        // BSrE's verification unreachable: the page still shows the application's own result, with a note.
        world.Bsre.VerifyReachable = false;
        try
        {
            var offline = await visitor.GetPageAsync($"/verifikasi/{stored.VerificationCode}");
            var offlineText = WebPageHelpers.Text(offline);
            Assert.Contains("Layanan verifikasi BSrE tidak dapat dihubungi", offlineText, StringComparison.Ordinal);
            Assert.Equal(2, CountOf(offline, "data-testid=\"verified-signature\" data-valid=\"true\""));
            Assert.DoesNotContain("Hasil verifikasi layanan BSrE", offlineText, StringComparison.Ordinal);
            Assert.Equal(verifyRequests + 2, world.Bsre.VerifyRequests);
        }
        finally
        {
            world.Bsre.VerifyReachable = true;
        }
    }

    [Fact]
    public async Task AnUnsignedOrSealOnlyDocumentDoesNotAskBsre()
    {
        var id = await _w.SubmitAsync();
        var receipt = await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .SingleAsync(d => d.ReportId == id && d.Type == DocumentType.Receipt));
        var before = world.Bsre.VerifyRequests;
        using var visitor = WebSession.Create(world.Factory);
        var html = await visitor.GetPageAsync($"/verifikasi/{receipt.VerificationCode}");
        Assert.Equal(1, CountOf(html, "data-testid=\"verified-signature\" data-valid=\"true\""));
        Assert.DoesNotContain("data-testid=\"bsre-verification\"", html, StringComparison.Ordinal);
        Assert.Equal(before, world.Bsre.VerifyRequests);
    }

    private static int CountOf(string html, string needle)
    {
        var count = 0;
        for (var at = html.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = html.IndexOf(needle, at + 1, StringComparison.Ordinal)) count++;
        return count;
    }

    public void Dispose() => _w.Dispose();
}
