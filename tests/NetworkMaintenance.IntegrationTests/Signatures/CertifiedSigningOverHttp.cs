using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Documents.Signatures;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Signatures;

/// <summary>
/// The app configured for BSrE, talking to <see cref="FakeBsre"/> on a loopback port; a CA made in the test issues the
/// signer's certificate and is the trusted root of the verification page.
/// </summary>
public sealed class BsreWorld : IDisposable
{
    private readonly TestCertificateAuthority _ca = new();
    private readonly string _rootFile = Path.Combine(Path.GetTempPath(), $"root-{Guid.NewGuid():N}.cer");

    public BsreWorld()
    {
        Leaf = _ca.IssueLeaf("Bayu Pratama");
        File.WriteAllBytes(_rootFile, _ca.Root.Export(X509ContentType()));
        Bsre = new FakeBsre(Leaf, _ca.Root, "Passphrase-" + Guid.NewGuid().ToString("N")[..12]);
        Factory = AppFactory.Configured("Development",
            new("Signatures:Provider", "Bsre"),
            new("Signatures:BaseUrl", Bsre.BaseUrl),
            new("Signatures:ClientUserName", FakeBsre.ClientUser),
            new("Signatures:ClientPassword", FakeBsre.ClientPassword),
            new("Signatures:TimeoutSeconds", "2"),
            new("Signatures:Required:WorkBa:0", "Technician"),
            new("Signatures:Required:WorkBa:1", "Reporter"),
            new("Signatures:TrustedRootCertificates:0", _rootFile));
    }

    private static System.Security.Cryptography.X509Certificates.X509ContentType X509ContentType() =>
        System.Security.Cryptography.X509Certificates.X509ContentType.Cert;

    internal System.Security.Cryptography.X509Certificates.X509Certificate2 Leaf { get; }

    /// <summary>The test CA's root: trusted by the verification page, and by pdfsig when handed to it.</summary>
    internal System.Security.Cryptography.X509Certificates.X509Certificate2 Root => _ca.Root;
    internal FakeBsre Bsre { get; }
    public AppFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Bsre.Dispose();
        Leaf.Dispose();
        _ca.Dispose();
        File.Delete(_rootFile);
    }
}

/// <summary>
/// Certified signing through BSrE's v2 API over real HTTP (antiforgery token included): the signed file becomes the
/// registered one and pdfsig finds its signature valid; BSrE's refusals reach the person in Indonesian and are never
/// retried; the passphrase is nowhere afterwards (database file, log files, audit trail).
/// </summary>
public sealed class CertifiedSigningOverHttp(BsreWorld world) : IClassFixture<BsreWorld>, IDisposable
{
    private readonly WorkflowDriver _w = new(world.Factory);

    [Fact]
    public async Task TheTechnicianSignsTheWorkBaThroughBsreAndTheSignedFileBecomesTheRegisteredOne()
    {
        var document = await WorkBaAsync();
        var unsigned = document.Pdf;
        var teknisi = await _w.As("teknisi");
        var page = $"/laporan/{document.ReportId}/dokumen/{document.Id}/tandatangan";

        // The report page links to the signing page.
        Assert.Contains(page, await teknisi.GetPageAsync($"/laporan/{document.ReportId}"), StringComparison.Ordinal);
        using var response = await teknisi.SubmitFormAsync(page, page, Fields(FakeBsre.RegisteredNik, world.Bsre.GoodPassphrase));
        await HttpAssert.RedirectsToAsync(response, page);
        var text = WebPageHelpers.Text(await teknisi.GetPageAsync(page));
        Assert.Contains("Dokumen berhasil ditandatangani secara elektronik", text, StringComparison.Ordinal);
        Assert.Contains("Anda sudah menandatangani dokumen ini", text, StringComparison.Ordinal);

        var stored = await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Include(d => d.Signatures)
            .SingleAsync(d => d.Id == document.Id));
        var signature = Assert.Single(stored.Signatures);
        Assert.Equal(SignatureKind.Personal, signature.Kind);
        Assert.Equal("Bsre", signature.Provider);
        Assert.Equal(IssuedDocument.HashOf(stored.Pdf), stored.Sha256);
        Assert.NotEqual(document.Sha256, stored.Sha256);
        // The unsigned file is kept as the state before the signature; number, version and code are unchanged.
        Assert.Equal(unsigned, signature.PreviousPdf);
        Assert.Equal(document.Sha256, signature.PreviousSha256);
        Assert.Equal((document.Number, document.Version, document.VerificationCode), (stored.Number, stored.Version, stored.VerificationCode));
        Assert.Equal(FakeBsre.RegisteredNik, await world.Factory.QueryAsync(db => db.Users.Where(u => u.UserName == "teknisi").Select(u => u.Nik).SingleAsync()));

        // The download is the signed file, and pdfsig finds the signature valid; one changed byte makes it invalid.
        using var download = await teknisi.GetAsync($"/laporan/{document.ReportId}/dokumen/{document.Id}");
        var downloaded = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.Pdf, downloaded);
        var checkedBySig = Assert.Single(PdfSig.Check(downloaded, world.Root));
        Assert.Equal("Signature is Valid.", checkedBySig.Validation);
        Assert.Equal(PdfSig.Trusted, checkedBySig.CertificateValidation);
        Assert.Equal("Bayu Pratama", checkedBySig.SignerName);
        var changed = (byte[])downloaded.Clone();
        changed[Encoding.ASCII.GetString(changed).IndexOf("stream", StringComparison.Ordinal) + 20] ^= 0x01;
        Assert.NotEqual("Signature is Valid.", Assert.Single(PdfSig.Check(changed)).Validation);

        // The public verification page shows the signature: signer, time, issuer, valid.
        using var visitor = WebSession.Create(world.Factory);
        var verification = await visitor.GetPageAsync($"/verifikasi/{document.VerificationCode}");
        var verified = WebPageHelpers.Text(verification);
        Assert.Contains("Tanda tangan elektronik tersertifikasi dalam berkas", verified, StringComparison.Ordinal);
        Assert.Contains("Bayu Pratama", verified, StringComparison.Ordinal);
        Assert.Contains("Test Root CA Diskominfo", verified, StringComparison.Ordinal);
        Assert.Contains("data-valid=\"true\"", verification, StringComparison.Ordinal);
        Assert.Contains("Sah", verified, StringComparison.Ordinal);
        Assert.Contains(stored.Sha256, verified, StringComparison.Ordinal);

        // The unsigned file uploaded: genuine, but the state before signature 1.
        var code = VerificationCode.Display(document.VerificationCode);
        using var before = await visitor.SubmitMultipartAsync($"/verifikasi/{document.VerificationCode}", "/verifikasi", [new("kode", code)],
            new UploadFile("berkas", "ba.pdf", "application/pdf", unsigned));
        Assert.Contains("sebelum tanda tangan elektronik ke-1", WebPageHelpers.Text(await HttpAssert.OkPageAsync(before)), StringComparison.Ordinal);
        // The signed file uploaded: it is the registered one.
        using var matches = await visitor.SubmitMultipartAsync($"/verifikasi/{document.VerificationCode}", "/verifikasi", [new("kode", code)],
            new UploadFile("berkas", "ba.pdf", "application/pdf", downloaded));
        Assert.Contains("cocok dengan dokumen yang terdaftar", WebPageHelpers.Text(await HttpAssert.OkPageAsync(matches)), StringComparison.Ordinal);

        await AssertNowhereAsync(world.Bsre.GoodPassphrase);
    }

    [Fact]
    public async Task BsresRefusalsReachThePersonInIndonesianAreNeverRetriedAndLeaveTheDocumentAsItWas()
    {
        var document = await WorkBaAsync();
        var pelapor = await _w.As("pelapor");
        var page = $"/laporan/{document.ReportId}/dokumen/{document.Id}/tandatangan";
        var wrong = "Salah-" + Guid.NewGuid().ToString("N")[..10];

        // A NIK BSrE does not know: stopped at the user status check, nothing is sent for signing.
        var signRequests = world.Bsre.SignRequests;
        Assert.Contains(FakeBsre.NotRegisteredMessage, await FailureAsync(pelapor, page, Fields("1271019999999999", wrong)), StringComparison.Ordinal);
        Assert.Equal(signRequests, world.Bsre.SignRequests);

        // A wrong passphrase: BSrE's own message, one request.
        Assert.Contains("BSrE menolak penandatanganan: " + FakeBsre.WrongPassphraseMessage,
            await FailureAsync(pelapor, page, Fields(FakeBsre.RegisteredNik, wrong)), StringComparison.Ordinal);
        Assert.Equal(signRequests + 1, world.Bsre.SignRequests);

        // No answer in time (Signatures:TimeoutSeconds = 2): one request, no retry.
        Assert.Contains("tidak menjawab dalam 2 detik", await FailureAsync(pelapor, page, Fields(FakeBsre.RegisteredNik, FakeBsre.SlowPassphrase)),
            StringComparison.Ordinal);
        Assert.Equal(signRequests + 2, world.Bsre.SignRequests);

        // HTTP 500: one request, no retry.
        Assert.Contains("sedang bermasalah (HTTP 500)", await FailureAsync(pelapor, page, Fields(FakeBsre.RegisteredNik, FakeBsre.BrokenPassphrase)),
            StringComparison.Ordinal);
        Assert.Equal(signRequests + 3, world.Bsre.SignRequests);

        // Nothing changed: same file, no signature, no NIK stored from a failed attempt.
        var stored = await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking().Include(d => d.Signatures)
            .SingleAsync(d => d.Id == document.Id));
        Assert.Equal(document.Sha256, stored.Sha256);
        Assert.Empty(stored.Signatures);
        Assert.Null(await world.Factory.QueryAsync(db => db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Nik).SingleAsync()));
        var failures = await world.Factory.QueryAsync(db => db.AuditEntries.CountAsync(a =>
            a.EventType == Core.Domain.Audit.AuditEvents.DocumentSigningFailed && a.ObjectId == document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(4, failures);

        await AssertNowhereAsync(wrong);
        await AssertNowhereAsync(FakeBsre.SlowPassphrase);
    }

    [Fact]
    public async Task OnlyANamedSignerWhoMaySeeTheReportGetsTheForm()
    {
        var document = await WorkBaAsync();
        var page = $"/laporan/{document.ReportId}/dokumen/{document.Id}/tandatangan";

        // The Kasi may see the report but is not a signer of the work BA (settings: technician and reporter).
        var kasi = await _w.As("kasi");
        var html = await kasi.GetPageAsync(page);
        Assert.False(WebPageHelpers.HasForm(html, page));
        Assert.Contains("Anda tidak termasuk penanda tangan dokumen ini", WebPageHelpers.Text(html), StringComparison.Ordinal);
        using var posted = await kasi.PostWithTokenAsync(page, Fields(FakeBsre.RegisteredNik, world.Bsre.GoodPassphrase),
            WebPageHelpers.GetRequestVerificationToken(html));
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Empty(await world.Factory.QueryAsync(db => db.DocumentSignatures.Where(s => s.IssuedDocumentId == document.Id).ToListAsync()));

        // Without the antiforgery token: refused before anything is sent.
        var teknisi = await _w.As("teknisi");
        var before = world.Bsre.SignRequests;
        using var noToken = await teknisi.PostRawAsync(page, Fields(FakeBsre.RegisteredNik, world.Bsre.GoodPassphrase));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(before, world.Bsre.SignRequests);
    }

    [Fact]
    public async Task SigningPostsAreLimitedPerUser()
    {
        var document = await WorkBaAsync();
        var page = $"/laporan/{document.ReportId}/dokumen/{document.Id}/tandatangan";
        // The Kabid posts nowhere else in this class: a fresh window of SigningRateLimit.PermitsPerMinute posts.
        var kabid = await _w.As("kabid");
        var token = WebPageHelpers.GetRequestVerificationToken(await kabid.GetPageAsync("/tugas"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Web.Features.Signatures.SigningRateLimit.PermitsPerMinute; i++)
        {
            using var response = await kabid.PostWithTokenAsync(page, Fields(FakeBsre.RegisteredNik, "tebakan-" + i), token);
            statuses.Add(response.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(Web.Features.Signatures.SigningRateLimit.PermitsPerMinute));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static List<KeyValuePair<string, string>> Fields(string nik, string passphrase) =>
        [new("Nik", nik), new("Jenis", "Passphrase"), new("Rahasia", passphrase)];

    private static async Task<string> FailureAsync(WebSession session, string page, List<KeyValuePair<string, string>> fields)
    {
        using var response = await session.SubmitFormAsync(page, page, fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // The page never echoes what was typed.
        Assert.DoesNotContain(fields.Single(f => f.Key == "Rahasia").Value, html, StringComparison.Ordinal);
        return WebPageHelpers.Text(html);
    }

    /// <summary>The secret is in no file the app wrote (database, its WAL, logs) and in no audit entry.</summary>
    private async Task AssertNowhereAsync(string secret)
    {
        var needle = Encoding.UTF8.GetBytes(secret);
        var utf16 = Encoding.Unicode.GetBytes(secret);
        foreach (var file in Directory.GetFiles(world.Factory.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"The passphrase is in {file}");
            Assert.True(bytes.AsSpan().IndexOf(utf16) < 0, $"The passphrase is in {file} (UTF-16)");
        }
        Assert.DoesNotContain(secret, await world.Factory.ReadLogsAsync(), StringComparison.Ordinal);
        var audit = await world.Factory.QueryAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.NotEmpty(audit);
        Assert.DoesNotContain(audit, a => (a.Summary + a.Details).Contains(secret, StringComparison.Ordinal));
    }

    /// <summary>A completed and acknowledged report: its current work Berita Acara (both parties have approved it).</summary>
    private async Task<IssuedDocument> WorkBaAsync()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);
        return await world.Factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .SingleAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa && !d.IsSuperseded));
    }

    public void Dispose() => _w.Dispose();
}
