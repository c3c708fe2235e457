using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// Every /api/v1 line of <see cref="EndpointAccessTable"/> sent with an API token of every demo account, and without
/// one (docs/api.md). The token acts as its account: allowed where the table allows the role, 403 (problem details)
/// where it does not, 401 without a token or with a bad, revoked one. A token of one OPD never sees another OPD's
/// report, its documents or a PDF of them (404, as on the web). Every error is problem details in Indonesian.
/// </summary>
[Collection(SecurityGroup.Name)]
public sealed class ApiAccessMatrix(SecurityWorld world)
{
    private static readonly IReadOnlyList<EndpointRule> ApiRules = EndpointAccessTable.Rules.Where(r => r.IsApi).ToList();

    [Fact]
    public async Task EveryRoleTokenAndNoTokenAreAllowedOrRefusedExactlyAsTheTableSays()
    {
        Assert.NotEmpty(ApiRules);
        var failures = new List<string>();
        using var client = world.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var (who, userName) in SecurityWorld.Principals)
        {
            var token = userName is null ? null : world.ApiTokens[userName];
            foreach (var rule in ApiRules)
            {
                using var response = await SendAsync(client, rule, world.UrlFor(rule.Route, userName), token);
                var status = (int)response.StatusCode;
                var expectAllowed = rule.Allowed.HasFlag(who);
                if (expectAllowed && (status is 401 or 403 or 404 || status >= 500))
                {
                    failures.Add($"{who,-15} {rule}: expected ALLOWED, got {status} {await response.Content.ReadAsStringAsync()}");
                }
                else if (!expectAllowed && status != (who == Who.Anonymous ? 401 : 403))
                {
                    failures.Add($"{who,-15} {rule}: expected {(who == Who.Anonymous ? 401 : 403)}, got {status}");
                }
                if (status >= 400 && !await IsIndonesianProblemAsync(response))
                {
                    failures.Add($"{who,-15} {rule}: {status} without an Indonesian problem body");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} API authorization mismatches:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task AnOpdTokenNeverSeesAnotherOpdsReport()
    {
        using var client = world.Factory.CreateClient();
        var token = world.ApiTokens["pelapor"];
        foreach (var rule in ApiRules.Where(r => r.Method == "GET" && r.Route.StartsWith("/api/v1/reports/", StringComparison.Ordinal)))
        {
            using var response = await SendAsync(client, rule, world.OtherOpdUrlFor(rule.Route), token);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{rule} of the Dinkes report as the BKD's token: {(int)response.StatusCode}");
            Assert.True(await IsIndonesianProblemAsync(response));
        }

        // Nor in the list, whatever the filter asks for.
        var otherOpd = await world.Factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Reports.Where(r => r.Id == world.OtherOpdReportId).Select(r => r.OpdId)));
        using var list = await SendAsync(client, new EndpointRule("GET", "/api/v1/reports", Who.ReportUser),
            $"/api/v1/reports?opdId={otherOpd}&pageSize=100", token);
        list.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        using var own = await SendAsync(client, new EndpointRule("GET", "/api/v1/reports", Who.ReportUser), "/api/v1/reports?pageSize=100", token);
        using var ownJson = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        var ids = ownJson.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(world.ReportId, ids);
        Assert.DoesNotContain(world.OtherOpdReportId, ids);
    }

    [Fact]
    public async Task AnOpdTokenSeesOnlyItsOpdsDevices()
    {
        using var client = world.Factory.CreateClient();
        var devices = ApiRules.Where(r => r.Route.StartsWith("/api/v1/devices", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, devices.Count);
        var list = devices.Single(r => r.Route == "/api/v1/devices");
        var detail = devices.Single(r => r.Route == "/api/v1/devices/{id:int}");
        var pelapor = world.ApiTokens["pelapor"];

        // The BKD's reporter: its own switch with its history, and 404 (problem details) for the Dinkes switch.
        using (var own = await SendAsync(client, detail, $"/api/v1/devices/{world.DeviceId}", pelapor))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            using var json = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
            Assert.Equal("SEC-WORLD-1", json.RootElement.GetProperty("serialNumber").GetString());
            Assert.Contains(json.RootElement.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "Registered");
        }
        using (var other = await SendAsync(client, detail, $"/api/v1/devices/{world.OtherOpdDeviceId}", pelapor))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            Assert.True(await IsIndonesianProblemAsync(other));
        }

        // The list: only the BKD's devices, whatever opdId asks for; staff see both OPDs' switches.
        var dinkes = await world.Factory.OpdIdAsync("Dinkes");
        async Task<List<int>> IdsAsync(string url, string token)
        {
            using var response = await SendAsync(client, list, url, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        }
        var ownList = await IdsAsync("/api/v1/devices?pageSize=100", pelapor);
        Assert.Contains(world.DeviceId, ownList);
        Assert.DoesNotContain(world.OtherOpdDeviceId, ownList);
        Assert.Empty(await IdsAsync($"/api/v1/devices?opdId={dinkes}&pageSize=100", pelapor));
        Assert.Empty(await IdsAsync("/api/v1/devices?q=SEC-WORLD-2", pelapor));
        Assert.Equal([world.OtherOpdDeviceId], await IdsAsync("/api/v1/devices?q=SEC-WORLD-2", world.ApiTokens["teknisi"]));
        Assert.Equal([world.OtherOpdDeviceId], await IdsAsync($"/api/v1/devices?opdId={dinkes}&kind=Switch&status=InService", world.ApiTokens["kadis"]));
        using (var staff = await SendAsync(client, detail, $"/api/v1/devices/{world.OtherOpdDeviceId}", world.ApiTokens["petugas"]))
        {
            Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        }
    }

    [Fact]
    public async Task AnOpdTokenCannotAttachAFileToAnotherOpdsReport()
    {
        using var client = world.Factory.CreateClient();
        var rule = ApiRules.Single(r => r.Route == "/api/v1/reports/{id:int}/attachments");
        var before = await world.Factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .CountAsync(db.Attachments, a => a.ReportId == world.OtherOpdReportId));
        using var response = await SendAsync(client, rule, world.OtherOpdUrlFor(rule.Route), world.ApiTokens["pelapor"]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await IsIndonesianProblemAsync(response));
        Assert.Equal(before, await world.Factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .CountAsync(db.Attachments, a => a.ReportId == world.OtherOpdReportId)));
    }

    [Fact]
    public async Task ABadOrRevokedTokenIs401AndTheCookieNeverCounts()
    {
        using var client = world.Factory.CreateClient();
        var rule = new EndpointRule("GET", "/api/v1/reports", Who.ReportUser);
        using (var bad = await SendAsync(client, rule, "/api/v1/reports", "nm_api_" + new string('A', 43)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
            Assert.Equal("Bearer", bad.Headers.WwwAuthenticate.Single().Scheme);
            Assert.True(await IsIndonesianProblemAsync(bad));
        }

        // A token made and revoked through the account page, as its owner does it.
        using var kasi = await Infrastructure.WebSession.SignedInAsync(world.Factory, "kasi");
        using var made = await kasi.SubmitFormAsync("/akun/token-api", "/akun/token-api", [new("name", "uji cabut")]);
        var page = await made.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"api-token-value\">(nm_api_[A-Za-z0-9_-]+)<").Groups[1].Value;
        Assert.StartsWith("nm_api_", token, StringComparison.Ordinal);
        using (var ok = await SendAsync(client, rule, "/api/v1/reports", token)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        // Shown once: the list shows only its first characters.
        Assert.DoesNotContain(token, await kasi.GetPageAsync("/akun/token-api"), StringComparison.Ordinal);

        var id = await world.Factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.ApiTokens.Where(t => t.Name == "uji cabut").Select(t => t.Id)));
        using var revoked = await kasi.SubmitFormAsync("/akun/token-api", $"/akun/token-api/{id}/cabut", []);
        Assert.True(Infrastructure.WebSession.IsRedirect(revoked.StatusCode));
        using (var after = await SendAsync(client, rule, "/api/v1/reports", token)) Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);

        // The kasi's signed-in browser on the API: its cookie does not authenticate.
        using (var cookie = await kasi.GetAsync("/api/v1/reports")) Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);
    }

    [Fact]
    public async Task ABearerTokenDoesNotAuthenticateAWebPage()
    {
        using var client = world.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/laporan");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.ApiTokens["pelapor"]);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/masuk?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationErrorsAreAValidationProblemNamingTheFields()
    {
        using var client = world.Factory.CreateClient();
        using var response = await SendAsync(client, new EndpointRule("POST", "/api/v1/reports", Who.Intake), "/api/v1/reports",
            world.ApiTokens["pelapor"], """{"reporterName":"","location":"","description":"pendek"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal("Isian tidak valid", json.RootElement.GetProperty("title").GetString());
        Assert.True(errors.TryGetProperty("ReporterName", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("Description", out var description), errors.ToString());
        Assert.Contains("minimal 10 karakter", description[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryApiRouteOfTheAppIsInTheTable()
    {
        var mapped = world.RouteTable().Where(r => r.Route.StartsWith("/api/v1/", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(mapped.Order(), ApiRules.Select(r => (r.Method, r.Route)).Order());
    }

    /// <summary>A request as an integration sends it: the token in the Authorization header, JSON in and out.</summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpClient client, EndpointRule rule, string url, string? token, string? json = null)
    {
        if (rule.Route == "/api/v1/complaints/{number}") url += "?code=" + world.ComplaintCode;
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (rule.Route.EndsWith("/attachments", StringComparison.Ordinal))
        {
            // A file upload: multipart/form-data with a small PNG in the field "file".
            var file = new ByteArrayContent(Intake.IntakeHelpers.Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            request.Content = new MultipartFormDataContent { { file, "file", "matriks.png" } };
        }
        else if (rule.Method == "POST") request.Content = new StringContent(json ?? "{}", Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    private static async Task<bool> IsIndonesianProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var title = json.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        return title is "Permintaan tidak valid" or "Isian tidak valid" or "Token API diperlukan" or "Akses ditolak"
            or "Tidak ditemukan" or "Konflik" or "Terlalu banyak permintaan"
            && json.RootElement.TryGetProperty("status", out var s) && s.GetInt32() == (int)response.StatusCode;
    }
}
