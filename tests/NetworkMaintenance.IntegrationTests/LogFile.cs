using System.Net;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests;

/// <summary>Serilog writes to {DataDirectory}/logs/; what it writes must never include a password.</summary>
public sealed class LogFile(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task RecordsSignInsAndFailuresButNeverThePasswordsTyped()
    {
        const string wrongPassword = "Keliru#Sandi2026";
        using var session = WebSession.Create(factory);

        using (var failed = await session.TryLoginAsync("kasi", wrongPassword))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        await session.LoginAsAsync("kasi");

        var logs = await factory.ReadLogsAsync();
        // The file really receives this host's events (otherwise the absence checks below would prove nothing).
        Assert.Contains("Failed sign-in for kasi", logs);
        Assert.Contains("User kasi signed in", logs);
        Assert.DoesNotContain(wrongPassword, logs);
        Assert.DoesNotContain(UserProvisioning.DemoPassword, logs);
    }
}
