using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.ServerDatabase;

/// <summary>
/// <c>/health/live</c> answers while the process serves requests; <c>/health/ready</c> also needs the database, free disk
/// space above <c>Health:MinimumFreeDiskMegabytes</c> and a file store that takes a file (docs/operations.md).
/// </summary>
public sealed class HealthProbes(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task LiveAndReadyAnswerHealthyWithTheirChecks()
    {
        using var session = WebSession.Create(factory);
        var (liveStatus, live) = await ReadAsync(session, "/health/live");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateObject());

        var (readyStatus, ready) = await ReadAsync(session, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        var checks = ready.GetProperty("checks");
        Assert.Equal(["database", "disk", "files"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetString()));
    }

    [Fact]
    public async Task TooLittleFreeDiskSpaceMakesTheInstanceNotReadyButAlive()
    {
        using var app = AppFactory.Configured(Environments.Development,
            new KeyValuePair<string, string>("Health:MinimumFreeDiskMegabytes", "1000000000000"));
        using var session = WebSession.Create(app);
        var (readyStatus, ready) = await ReadAsync(session, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", ready.GetProperty("checks").GetProperty("disk").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(session, "/health/live")).Status);
    }

    [Fact]
    public async Task AFileStoreThatCannotTakeAFileMakesTheInstanceNotReady()
    {
        // The folder would be below a regular file: it can never be created (whatever the user's rights).
        var blocker = Path.Combine(Path.GetTempPath(), "nm-blocker-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "x");
        try
        {
            using var app = AppFactory.Configured(Environments.Development,
                new KeyValuePair<string, string>("Files:Store", "Folder"),
                new KeyValuePair<string, string>("Files:Folder", Path.Combine(blocker, "attachments")));
            using var session = WebSession.Create(app);
            var (readyStatus, ready) = await ReadAsync(session, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
            Assert.Equal("Unhealthy", ready.GetProperty("checks").GetProperty("files").GetString());
            Assert.Equal(HttpStatusCode.OK, (await ReadAsync(session, "/health/live")).Status);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(WebSession session, string url)
    {
        using var response = await session.GetAsync(url);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }
}
