using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>
/// The public verification page (no login): a genuine code shows the registered document; a forged or malformed code
/// answers 404 "Dokumen tidak valid / tidak terdaftar"; an uploaded PDF is compared with the registered SHA-256.
/// </summary>
public sealed class PublicVerification(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private const string Invalid = "Dokumen tidak valid / tidak terdaftar";
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task AGenuineCodeShowsTheRegisteredDocumentToAnyone()
    {
        var (current, superseded) = await AcknowledgedWorkBaAsync();
        using var visitor = WebSession.Create(factory);

        var html = await visitor.GetPageAsync($"/verifikasi/{current.VerificationCode}");
        var text = WebPageHelpers.Text(html);
        Assert.Contains("Dokumen terdaftar dan berlaku", text, StringComparison.Ordinal);
        Assert.Contains("Berita Acara Pekerjaan", text, StringComparison.Ordinal);
        Assert.Contains(current.Number, text, StringComparison.Ordinal);
        Assert.Contains(current.Sha256, text, StringComparison.Ordinal);
        Assert.Contains("Versi 2 (berlaku)", text, StringComparison.Ordinal);
        Assert.Contains("PIHAK PERTAMA: Bayu Pratama, A.Md", text, StringComparison.Ordinal);
        Assert.Contains("PIHAK KEDUA: Rina Marlina", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Invalid, text, StringComparison.Ordinal);

        // Typed from the paper: grouped, lower case, with spaces.
        var typed = " " + VerificationCode.Display(current.VerificationCode).ToLowerInvariant().Replace('-', ' ') + " ";
        using var byForm = await visitor.GetFollowingRedirectsAsync("/verifikasi?kode=" + Uri.EscapeDataString(typed));
        Assert.Equal(HttpStatusCode.OK, byForm.StatusCode);
        Assert.Contains(current.Number, WebPageHelpers.Text(await byForm.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The first version is genuine but superseded, and says which version is in force.
        var old = WebPageHelpers.Text(await visitor.GetPageAsync($"/verifikasi/{superseded.VerificationCode}"));
        Assert.Contains("Dokumen terdaftar, tetapi sudah diganti", old, StringComparison.Ordinal);
        Assert.Contains("Versi 1 (sudah diganti)", old, StringComparison.Ordinal);
        Assert.Contains($"Versi yang berlaku: Nomor {current.Number} (versi 2)", old, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("ABCD-EFGH")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("0000000000000000")]
    public async Task AForgedOrMalformedCodeIsNotValid(string kind)
    {
        // "forged": a well-formed code nobody issued.
        var code = kind == "forged" ? VerificationCode.New() : kind;
        using var visitor = WebSession.Create(factory);

        using var response = await visitor.GetAsync("/verifikasi/" + Uri.EscapeDataString(code));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(Invalid, WebPageHelpers.Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGenuinePdfMatchesAndAnAlteredOneDoesNot()
    {
        var (current, _) = await AcknowledgedWorkBaAsync();
        using var visitor = WebSession.Create(factory);
        var page = $"/verifikasi/{current.VerificationCode}";
        var code = VerificationCode.Display(current.VerificationCode);

        using var genuine = await visitor.SubmitMultipartAsync(page, "/verifikasi", [new("kode", code)],
            new UploadFile("berkas", "ba-pekerjaan.pdf", "application/pdf", current.Pdf));
        var genuineText = WebPageHelpers.Text(await HttpAssert.OkPageAsync(genuine));
        Assert.Contains("Berkas ba-pekerjaan.pdf cocok dengan dokumen yang terdaftar", genuineText, StringComparison.Ordinal);

        // One byte changed: whatever a viewer still shows, it is not the issued file.
        var altered = (byte[])current.Pdf.Clone();
        var at = Array.IndexOf(altered, (byte)'/', altered.Length / 2);
        altered[at + 1] ^= 0x20;
        using var tampered = await visitor.SubmitMultipartAsync(page, "/verifikasi", [new("kode", code)],
            new UploadFile("berkas", "ba-pekerjaan.pdf", "application/pdf", altered));
        var tamperedText = WebPageHelpers.Text(await HttpAssert.OkPageAsync(tampered));
        Assert.Contains("tidak cocok dengan dokumen yang terdaftar", tamperedText, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(altered)), tamperedText, StringComparison.Ordinal);

        // The wet-signature print is a different file: verified by its code, not by its bytes.
        using var wetPrint = await (await _w.As("pelapor")).GetAsync($"/laporan/{current.ReportId}/dokumen/{current.Id}?basah=1");
        using var wet = await visitor.SubmitMultipartAsync(page, "/verifikasi", [new("kode", code)],
            new UploadFile("berkas", "cetak.pdf", "application/pdf", await wetPrint.Content.ReadAsByteArrayAsync()));
        Assert.Contains("tidak cocok", WebPageHelpers.Text(await HttpAssert.OkPageAsync(wet)), StringComparison.Ordinal);

        // A file uploaded with a code nobody issued: not valid, whatever the file.
        using var forged = await visitor.SubmitMultipartAsync(page, "/verifikasi", [new("kode", VerificationCode.New())],
            new UploadFile("berkas", "ba-pekerjaan.pdf", "application/pdf", current.Pdf));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains(Invalid, WebPageHelpers.Text(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVerificationFormPageIsPublic()
    {
        using var visitor = WebSession.Create(factory);
        var html = await visitor.GetPageAsync("/verifikasi");
        Assert.True(WebPageHelpers.HasForm(html, "/verifikasi"));
        Assert.Contains("Kode verifikasi", WebPageHelpers.Text(html), StringComparison.Ordinal);
    }

    /// <summary>Completed and acknowledged: the work Berita Acara in version 2 (current) and version 1 (superseded).</summary>
    private async Task<(IssuedDocument Current, IssuedDocument Superseded)> AcknowledgedWorkBaAsync()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);
        var docs = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .Where(d => d.ReportId == id && d.Type == DocumentType.WorkBa).OrderBy(d => d.Version).ToListAsync());
        return (docs[1], docs[0]);
    }

    public void Dispose() => _w.Dispose();
}
