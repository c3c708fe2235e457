using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Mail;
using NetworkMaintenance.Web.Features.Sla;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>
/// OpenTelemetry (Infrastructure/Telemetry.cs, docs/operations.md "Traces and metrics"): the Prometheus scrape endpoint
/// is off by default and, when on, answers only a scraper with the token; the request log carries the trace id.
/// </summary>
public sealed class TracesAndMetrics(AppFactory factory) : IClassFixture<AppFactory>
{
    internal const string Token = "scrape-token-for-the-integration-tests-0123456789";

    /// <summary>An app whose scrape endpoint is on, answering the scraper's <see cref="Token"/>.</summary>
    internal static AppFactory WithScrapeEndpoint() => AppFactory.Configured("Development",
        new("Telemetry:Prometheus:Enabled", "true"), new("Telemetry:Prometheus:Token", Token));

    /// <summary>What the scraper reads at /metrics with its token (the endpoint must answer 200).</summary>
    internal static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task MetricsAreNotServedByDefault()
    {
        // Signed in, /metrics is a page that does not exist; anonymous, it is sent to the sign-in page like any other.
        using var session = await WebSession.SignedInAsync(factory, "kasi");
        using var response = await session.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertNoMetricsForAnonymousAsync(factory, authorization: null);
    }

    [Fact]
    public async Task WithTheSettingOnTheScraperSeesRequestDurationsAndTheAppsOwnMeters()
    {
        using var app = WithScrapeEndpoint();
        using var client = app.CreateClient();
        using (var health = await client.GetAsync(new Uri("/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        // One pass of each background service, as their timers would run them.
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxSender>().RunOnceAsync());
        await app.WithScopeAsync(sp => sp.GetRequiredService<SlaMonitor>().RunOnceAsync());

        var body = await ScrapeAsync(client);
        Assert.Contains("http_server_request_duration_seconds", body, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/health\"", body, StringComparison.Ordinal);
        Assert.Contains("nm_mail_outbox_passes", body, StringComparison.Ordinal);
        Assert.Contains("nm_sla_monitor_passes", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token-of-the-same-kind-0123456789abcdef")]
    [InlineData("Basic c2NyYXBlcjpzZWNyZXQ=")]
    public async Task WithTheSettingOnAnyoneElseFindsNothing(string? authorization)
    {
        using var app = WithScrapeEndpoint();
        await AssertNoMetricsForAnonymousAsync(app, authorization);
        // Being signed in gives no access either: only the scraper's token (or address) does.
        using var session = await WebSession.SignedInAsync(app, "kasi");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await session.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task AssertNoMetricsForAnonymousAsync(AppFactory app, string? authorization)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/masuk", response.Headers.Location?.AbsolutePath);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestLogLineCarriesTheTraceId()
    {
        // A caller's W3C trace context is continued, so the trace id is known in advance.
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        using (var response = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The request log is written as the response completes: wait for the line, not for a fixed time.
        string? line = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (line is null && DateTime.UtcNow < deadline)
        {
            line = (await factory.ReadLogsAsync()).Split('\n')
                .FirstOrDefault(l => l.Contains("GET /health/live responded 200", StringComparison.Ordinal) && l.Contains(traceId, StringComparison.Ordinal));
            if (line is null) await Task.Delay(20);
        }
        Assert.NotNull(line);
    }
}
