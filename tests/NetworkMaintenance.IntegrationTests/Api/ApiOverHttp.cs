using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Api;

namespace NetworkMaintenance.IntegrationTests.Api;

/// <summary>
/// The JSON API as an OPD's system uses it (docs/api.md): file a report (same rules as the web form: own OPD,
/// channel Web, idempotency, the duplicate warning as 409), read it back with its timeline and its receipt PDF, file
/// and track a complaint; and the per-token rate limit answering 429 in Indonesian.
/// </summary>
public sealed class ApiOverHttp(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnOpdIntegrationFilesAReportReadsItBackAndDownloadsItsReceipt()
    {
        var token = await TokenAsync(factory, "pelapor");
        using var client = factory.CreateClient();
        var key = Guid.NewGuid().ToString("N");
        var body = $$"""
            {"opdId": 999, "channel": "Phone", "reporterName": "Sistem SIMPEG BKD", "reporterPhone": "0812 3456 7890",
             "location": "Ruang server lantai 2", "category": "NoInternet",
             "description": "Koneksi internet ruang server terputus sejak pukul 08.00 (uji API).", "idempotencyKey": "{{key}}"}
            """;
        using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/reports", token, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var createdJson = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = createdJson.RootElement.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/reports/{id}", created.Headers.Location!.AbsolutePath);

        // As on the web: an OPD account reports for its own OPD, through the web channel, whatever it sends.
        var (opdId, channel) = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id)
            .Select(r => new ValueTuple<int, ReportChannel>(r.OpdId, r.Channel)).SingleAsync());
        var ownOpd = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "pelapor").Select(u => u.OpdId).SingleAsync());
        Assert.Equal(ownOpd, opdId);
        Assert.Equal(ReportChannel.Web, channel);

        // The same key again: the report it filed, not a second one.
        using var again = await SendAsync(client, HttpMethod.Post, "/api/v1/reports", token, body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var againJson = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(id, againJson.RootElement.GetProperty("id").GetInt32());
        Assert.True(againJson.RootElement.GetProperty("alreadyFiled").GetBoolean());

        // Another key, same OPD and category: the duplicate warning of the web form, as 409 listing the open report.
        using var duplicate = await SendAsync(client, HttpMethod.Post, "/api/v1/reports", token, body.Replace(key, Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        using var duplicateJson = JsonDocument.Parse(await duplicate.Content.ReadAsStringAsync());
        Assert.Contains(duplicateJson.RootElement.GetProperty("openReports").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);

        // Read back with its timeline (the receipt step) and in the list with the /laporan filters.
        using var detail = await SendAsync(client, HttpMethod.Get, $"/api/v1/reports/{id}", token);
        using var detailJson = JsonDocument.Parse(await detail.Content.ReadAsStringAsync());
        Assert.Equal(nameof(ReportStatus.Submitted), detailJson.RootElement.GetProperty("status").GetString());
        var timeline = detailJson.RootElement.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Single(timeline);
        Assert.Equal(nameof(ReportStatus.Submitted), timeline[0].GetProperty("toStatus").GetString());
        using var list = await SendAsync(client, HttpMethod.Get, "/api/v1/reports?status=Submitted&q=ruang%20server&category=NoInternet", token);
        using var listJson = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Contains(listJson.RootElement.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        using var filteredOut = await SendAsync(client, HttpMethod.Get, "/api/v1/reports?status=Closed&q=ruang%20server", token);
        using var filteredOutJson = JsonDocument.Parse(await filteredOut.Content.ReadAsStringAsync());
        Assert.DoesNotContain(filteredOutJson.RootElement.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);

        // Its documents: the receipt, whose PDF is the stored bytes.
        using var documents = await SendAsync(client, HttpMethod.Get, $"/api/v1/reports/{id}/documents", token);
        using var documentsJson = JsonDocument.Parse(await documents.Content.ReadAsStringAsync());
        var receipt = documentsJson.RootElement.EnumerateArray().First();
        using var pdf = await SendAsync(client, HttpMethod.Get, receipt.GetProperty("downloadUrl").GetString()!, token);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var stored = await factory.QueryAsync(db => db.IssuedDocuments.Where(d => d.Id == receipt.GetProperty("id").GetInt32()).Select(d => d.Pdf).SingleAsync());
        Assert.Equal(stored, await pdf.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AComplaintIsFiledAndTrackedOnlyWithItsCode()
    {
        var token = await TokenAsync(factory, "petugas");
        using var client = factory.CreateClient();
        using var created = await SendAsync(client, HttpMethod.Post, "/api/v1/complaints", token,
            """{"name": "Budi Santoso", "phone": "0813 1111 2222", "text": "Petugas belum menghubungi saya (uji API)."}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var number = json.RootElement.GetProperty("number").GetString()!;
        var code = json.RootElement.GetProperty("trackingCode").GetString()!;

        using var tracked = await SendAsync(client, HttpMethod.Get, $"/api/v1/complaints/{number}?code={code}", token);
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        using var trackedJson = JsonDocument.Parse(await tracked.Content.ReadAsStringAsync());
        Assert.Equal("Received", trackedJson.RootElement.GetProperty("status").GetString());

        using var wrong = await SendAsync(client, HttpMethod.Get, $"/api/v1/complaints/{number}?code=AAAAAAAA", token);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task BeyondTheLimitPerMinuteTheApiAnswers429InIndonesianWithRetryAfter()
    {
        using var limited = new AppFactory().WithSetting("RateLimiting:ApiPermitLimit", "3");
        var token = await TokenAsync(limited, "kasi");
        using var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await SendAsync(client, HttpMethod.Get, "/api/v1/reports", token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal("Terlalu banyak permintaan", json.RootElement.GetProperty("title").GetString());
                Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());
                Assert.Contains("Coba lagi", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                HttpAssert.RetryAfter(response);
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<string> TokenAsync(AppFactory app, string userName) => await app.WithScopeAsync(async sp =>
    {
        var userId = await app.UserIdAsync(userName);
        return (await sp.GetRequiredService<ApiTokenService>().CreateAsync(userId, "uji " + Guid.NewGuid().ToString("N")[..6], null, userId)).Token;
    });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }
}
