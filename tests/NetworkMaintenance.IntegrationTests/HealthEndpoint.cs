using System.Net;
using System.Text.Json;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

public sealed class HealthEndpoint(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AnswersHealthyJsonWithoutSigningIn()
    {
        using var session = WebSession.Create(factory);

        using var response = await session.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task UsesTheSqliteFileInTheFactorysOwnFolder()
    {
        using var session = WebSession.Create(factory);
        using var _ = await session.GetAsync("/health");

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "networkmaintenance.db")));
    }
}
