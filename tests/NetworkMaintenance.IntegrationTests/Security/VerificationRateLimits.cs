using System.Net;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// The anonymous document verification is limited per client IP: uploads (POST /verifikasi) by
/// RateLimiting:PublicPermitLimit, code look-ups (GET /verifikasi, /verifikasi/{kode}) by the more generous
/// RateLimiting:VerificationPermitLimit, each with its own count and apart from the complaint and tracking forms.
/// </summary>
public sealed class VerificationRateLimits : IDisposable
{
    private const string Invalid = "Dokumen tidak valid / tidak terdaftar";

    private readonly AppFactory _factory = AppFactory.Configured(Environments.Development,
        new("RateLimiting:PublicPermitLimit", "3"),
        new("RateLimiting:VerificationPermitLimit", "4"));

    [Fact]
    public async Task TheFourthUploadAndTheFifthLookUpInAMinuteGet429WithTheIndonesianPage()
    {
        using var visitor = WebSession.Create(_factory);
        var form = await visitor.GetPageAsync("/verifikasi"); // look-up 1
        var token = WebPageHelpers.GetRequestVerificationToken(form, "/verifikasi");
        var code = VerificationCode.New(); // nobody issued it: the page answers 404 "not registered"
        var pdf = new UploadFile("berkas", "dokumen.pdf", "application/pdf", "%PDF-1.7\n%%EOF\n"u8.ToArray());

        for (var upload = 1; upload <= 3; upload++)
        {
            using var checkedUpload = await visitor.PostMultipartWithTokenAsync("/verifikasi", [new("kode", code)], token, pdf);
            Assert.Equal(HttpStatusCode.NotFound, checkedUpload.StatusCode);
            Assert.Contains(Invalid, WebPageHelpers.Text(await checkedUpload.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var refused = await visitor.PostMultipartWithTokenAsync("/verifikasi", [new("kode", code)], token, pdf))
        {
            await AssertTooManyRequestsAsync(refused);
        }

        // The uploads did not use up the look-ups (a scanned QR code still opens) ...
        for (var lookUp = 2; lookUp <= 4; lookUp++)
        {
            using var page = await visitor.GetAsync("/verifikasi/" + code);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains(Invalid, WebPageHelpers.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var refused = await visitor.GetAsync("/verifikasi/" + code))
        {
            await AssertTooManyRequestsAsync(refused);
        }
        using (var refused = await visitor.GetAsync("/verifikasi"))
        {
            await AssertTooManyRequestsAsync(refused);
        }

        // ... nor the public forms' count: tracking still answers.
        using var tracking = await visitor.PostFormAsync("/lacak", new Form().Set("Nomor", "GJ-2026-000001").Set("Kode", "ABCDEFGH"));
        Assert.Equal(HttpStatusCode.OK, tracking.StatusCode);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        HttpAssert.RetryAfter(response);
        var text = WebPageHelpers.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Terlalu banyak permintaan", text, StringComparison.Ordinal);
        Assert.Contains("Tunggu sebentar lalu coba lagi", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Invalid, text, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
