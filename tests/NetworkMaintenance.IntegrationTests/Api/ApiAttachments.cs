using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Intake;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.Api;

namespace NetworkMaintenance.IntegrationTests.Api;

/// <summary>
/// POST /api/v1/reports/{id}/attachments (docs/api.md): multipart/form-data through the web upload's checks (type by
/// content, size limit), for a report the token's user may see; the stored file is the one the web page serves.
/// </summary>
public sealed class ApiAttachments(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<int> ReportAsync(string userName = "pelapor")
    {
        using var driver = new WorkflowDriver(factory);
        return await driver.SubmitAsync(userName, "Internet mati, foto dikirim lewat API " + Guid.NewGuid().ToString("N")[..6]);
    }

    private Task<int> CountAsync(int reportId) => factory.QueryAsync(db => db.Attachments.CountAsync(a => a.ReportId == reportId));

    private Task<string> TokenAsync(string userName) => factory.WithScopeAsync(async sp =>
    {
        var userId = await factory.UserIdAsync(userName);
        return (await sp.GetRequiredService<ApiTokenService>().CreateAsync(userId, "uji lampiran " + Guid.NewGuid().ToString("N")[..6], null, userId)).Token;
    });

    private async Task<HttpResponseMessage> UploadAsync(int reportId, string token, string name, byte[] bytes, string type)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reports/{reportId}/attachments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        request.Content = new MultipartFormDataContent { { file, "file", name } };
        return await client.SendAsync(request);
    }

    private static async Task<string> FileErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Isian tidak valid", json.RootElement.GetProperty("title").GetString());
        return json.RootElement.GetProperty("errors").GetProperty("file")[0].GetString()!;
    }

    [Fact]
    public async Task AnAcceptedPhotoIsStoredAndServedByTheReportPage()
    {
        var id = await ReportAsync();
        var photo = IntakeHelpers.Png.Concat(Enumerable.Range(0, 2000).Select(i => (byte)i)).ToArray();
        using var response = await UploadAsync(id, await TokenAsync("pelapor"), "../../foto ruang server.png", photo, "image/png");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/reports/{id}", response.Headers.Location!.AbsolutePath);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var attachmentId = json.RootElement.GetProperty("id").GetInt32();
        Assert.Equal("image/png", json.RootElement.GetProperty("contentType").GetString());
        Assert.Equal(photo.Length, json.RootElement.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("foto ruang server.png", json.RootElement.GetProperty("name").GetString());

        // The same file the web page offers (sanitised name, the same bytes), uploaded by the token's user.
        var stored = await factory.QueryAsync(db => db.Attachments.SingleAsync(a => a.Id == attachmentId));
        Assert.Equal(id, stored.ReportId);
        Assert.Equal(await factory.UserIdAsync("pelapor"), stored.UploadedByUserId);
        using var driver = new WorkflowDriver(factory);
        var web = await driver.As("pelapor");
        using var download = await web.GetAsync($"/lampiran/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ARenamedExecutableIsRefusedAndNothingStored()
    {
        var id = await ReportAsync();
        using var response = await UploadAsync(id, await TokenAsync("pelapor"), "foto.jpg", IntakeHelpers.Exe, "image/jpeg");
        Assert.Contains("harus berupa gambar JPEG, PNG atau dokumen PDF", await FileErrorAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task AnOversizedFileIsRefusedAndNothingStored()
    {
        var id = await ReportAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        IntakeHelpers.Png.CopyTo(big, 0);
        using var response = await UploadAsync(id, await TokenAsync("kasi"), "besar.png", big, "image/png");
        Assert.Contains("melebihi batas 10 MB", await FileErrorAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task AnotherOpdsReportIs404AndARequestWithoutAFileNamesTheField()
    {
        var id = await ReportAsync();
        using (var other = await UploadAsync(id, await TokenAsync("pelapor.dinkes"), "foto.png", IntakeHelpers.Png, "image/png"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
            using var json = JsonDocument.Parse(await other.Content.ReadAsStringAsync());
            Assert.Equal("Tidak ditemukan", json.RootElement.GetProperty("title").GetString());
        }
        Assert.Equal(0, await CountAsync(id));

        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reports/{id}/attachments");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("pelapor"));
        request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var noFile = await client.SendAsync(request);
        Assert.Contains("multipart/form-data", await FileErrorAsync(noFile), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(id));
    }
}
