using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Documents.Signatures;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Signatures;

/// <summary>The app with the Dinas's e-seal (a PKCS#12 file of a CA made in the test) and the local signer.</summary>
public sealed class SealWorld : IDisposable
{
    private readonly TestCertificateAuthority _ca = new();
    private readonly string _p12 = Path.Combine(Path.GetTempPath(), $"seal-{Guid.NewGuid():N}.p12");
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"root-{Guid.NewGuid():N}.cer");

    public SealWorld()
    {
        using var leaf = _ca.IssueLeaf("Segel Diskominfo Kota Tebing Tinggi");
        File.WriteAllBytes(_p12, _ca.ExportPkcs12(leaf, "sandi-segel"));
        File.WriteAllBytes(_root, _ca.Root.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Cert));
        Factory = AppFactory.Configured("Development",
            new("Signatures:Provider", "LocalCertificate"),
            new("Signatures:CertificatePath", _p12),
            new("Signatures:CertificatePassword", "sandi-segel"),
            new("Signatures:Seal:CertificatePath", _p12),
            new("Signatures:Seal:CertificatePassword", "sandi-segel"),
            new("Signatures:Required:WorkBa:0", "Technician"),
            new("Signatures:TrustedRootCertificates:0", _root));
    }

    public AppFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        _ca.Dispose();
        File.Delete(_p12);
        File.Delete(_root);
    }
}

/// <summary>
/// With a seal certificate configured every issued document is sealed at issue: pdfsig finds the seal valid, the
/// verification page shows it, the unsealed file is kept; a personal signature by the local (PDFsharp) signer is then
/// refused, because re-saving would break the seal (docs/signatures.md, "Order of signatures").
/// </summary>
public sealed class SealAtIssue(SealWorld world) : IClassFixture<SealWorld>, IDisposable
{
    private readonly WorkflowDriver _w = new(world.Factory);

    [Fact]
    public async Task EveryIssuedDocumentIsSealedAndTheSealIsValid()
    {
        var id = await _w.SubmitAsync();
        var receipt = await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Include(d => d.Signatures)
            .SingleAsync(d => d.ReportId == id && d.Type == DocumentType.Receipt));

        var seal = Assert.Single(receipt.Signatures);
        Assert.Equal(SignatureKind.Seal, seal.Kind);
        Assert.Null(seal.SignerUserId);
        Assert.Equal("Segel Diskominfo Kota Tebing Tinggi", seal.SignerName);
        Assert.Empty(PdfSignatures.Read(seal.PreviousPdf));
        Assert.Equal(IssuedDocument.HashOf(receipt.Pdf), receipt.Sha256);

        var pdfsig = Assert.Single(PdfSig.Check(receipt.Pdf));
        Assert.Equal("Signature is Valid.", pdfsig.Validation);
        Assert.Equal("Segel Diskominfo Kota Tebing Tinggi", pdfsig.SignerName);

        using var visitor = WebSession.Create(world.Factory);
        var html = await visitor.GetPageAsync($"/verifikasi/{receipt.VerificationCode}");
        var text = WebPageHelpers.Text(html);
        Assert.Contains("Segel elektronik Dinas", text, StringComparison.Ordinal);
        Assert.Contains("data-valid=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("penerbit tidak diperiksa", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePdfsharpSignerDoesNotAddASecondSignatureThatWouldBreakTheSeal()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        var ba = await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .SingleAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa && !d.IsSuperseded));
        var page = $"/laporan/{id}/dokumen/{ba.Id}/tandatangan";

        var teknisi = await _w.As("teknisi");
        using var response = await teknisi.SubmitFormAsync(page, page, []);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("sudah memuat tanda tangan elektronik", WebPageHelpers.Text(await response.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        var stored = await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == ba.Id));
        Assert.Equal(ba.Sha256, stored.Sha256);
        Assert.Equal("Signature is Valid.", Assert.Single(PdfSig.Check(stored.Pdf)).Validation);
    }

    public void Dispose() => _w.Dispose();
}
