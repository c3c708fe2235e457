using System.Net;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 13: the benchmark's anonymous baseline routes cannot be switched on in Production, whatever the settings.
/// </summary>
public sealed class BaselineEndpointsInProduction : IDisposable
{
    private const string AdminUserName = "admin.produksi";
    private const string AdminPassword = "Produksi#2026Kuat";

    private readonly AppFactory _factory = AppFactory.Configured(Environments.Production,
        new("Benchmark:BaselineEndpoints", "true"),
        new("Security:RequireHttps", "false"),
        new("Security:RequireTwoFactorForAdministrators", "false"),
        new("Bootstrap:Administrator:UserName", AdminUserName),
        new("Bootstrap:Administrator:Password", AdminPassword));

    [Theory]
    [InlineData("/_baseline/masuk")]
    [InlineData("/_baseline/laporan")]
    [InlineData("/_baseline/dashboard")]
    public async Task TheBaselineRoutesAnswer404InProductionEvenWithTheSettingOn(string url)
    {
        // Signed in, so that an unknown route answers 404 rather than the sign-in redirect.
        using var session = await WebSession.SignedInAsync(_factory, AdminUserName, AdminPassword);

        using var response = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
