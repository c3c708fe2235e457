using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Integration;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.Webhooks;

namespace NetworkMaintenance.IntegrationTests.Webhooks;

/// <summary>
/// Webhooks out (docs/api.md): the administrator registers two receivers on loopback through the admin page; one
/// answers 500 to its first request, the other does not answer its first request at all (the sender gives up after
/// Webhooks:TimeoutSeconds). A report is filed and disposed over HTTP while the hanging receiver is still hanging: the
/// steps complete and are committed anyway. Then every delivery arrives, retried, each signed as documented.
/// </summary>
public sealed class SignedWebhookDelivery : IDisposable
{
    private readonly AppFactory _factory = new AppFactory()
        .WithSetting("Webhooks:AllowLoopbackHttp", "true")
        .WithSetting("Webhooks:PollSeconds", "0.1")
        .WithSetting("Webhooks:TimeoutSeconds", "5")
        .WithSetting("Webhooks:FirstRetrySeconds", "0.2");

    [Fact]
    public async Task DeliveriesAreSignedRetriedAfter500AndTimeoutAndNeverHoldTheStep()
    {
        using var flaky = new LoopbackReceiver(firstAnswer: Behaviour.Answer500);
        using var hanging = new LoopbackReceiver(firstAnswer: Behaviour.Hang);
        using var admin = await WebSession.SignedInAsync(_factory, "admin");
        var flakySecret = await RegisterAsync(admin, "Penerima gagal sekali", flaky.Url);
        var hangingSecret = await RegisterAsync(admin, "Penerima lambat", hanging.Url);

        // An https-only rule for everyone else: a plain http URL elsewhere is refused on the page.
        var refused = await (await admin.SubmitFormAsync("/admin/webhook", "/admin/webhook",
            [new("name", "Tidak aman"), new("url", "http://penerima.example/webhook"), new("events", nameof(WebhookEvents.StepTaken))]))
            .Content.ReadAsStringAsync();
        Assert.Contains("harus memakai https://", refused, StringComparison.Ordinal);

        using var driver = new WorkflowDriver(_factory);
        var reportId = await driver.SubmitAsync("pelapor", "Internet ruang rapat mati (uji webhook)");
        // The hanging receiver holds its first request until the end of the test; the step still completes.
        await hanging.FirstRequestArrived.WaitAsync(TimeSpan.FromSeconds(30));
        var step = Stopwatch.StartNew();
        await driver.DisposeAsync(reportId);
        step.Stop();
        // The sender is stuck on the hanging receiver for Webhooks:TimeoutSeconds (5 s); the step is not.
        Assert.True(step.Elapsed < TimeSpan.FromSeconds(5), $"the step took {step.Elapsed}");
        Assert.False(hanging.Released);
        Assert.Equal(ReportStatus.DisposedToKabid, await driver.StatusAsync(reportId));

        var number = await _factory.QueryAsync(db => db.Reports.Where(r => r.Id == reportId).Select(r => r.Number).SingleAsync());
        // Two events for each receiver: report.received and report.step.
        await WaitUntilAsync(async () => await _factory.QueryAsync(db =>
            db.WebhookDeliveries.CountAsync(d => d.ReportId == reportId && d.Status == WebhookDeliveryStatus.Delivered)) == 4);
        hanging.Release();

        foreach (var (receiver, secret) in new[] { (flaky, flakySecret), (hanging, hangingSecret) })
        {
            var requests = receiver.Requests.ToList();
            foreach (var request in requests)
            {
                Assert.True(WebhookSigning.Verify(secret, request.Timestamp, request.Body, request.Signature),
                    $"bad signature on delivery {request.Delivery}");
                // The documented recipe, written out: HMAC-SHA256 over "{timestamp}.{body}" with the secret.
                var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
                    Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(request.Timestamp + "." + request.Body)));
                Assert.Equal(expected, request.Signature);
                Assert.False(WebhookSigning.Verify("nm_whsec_wrong", request.Timestamp, request.Body, request.Signature));
            }
            var events = requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.Contains(events, e => e.GetProperty("type").GetString() == WebhookEventNames.ReportReceived
                && e.GetProperty("data").GetProperty("number").GetString() == number);
            Assert.Contains(events, e => e.GetProperty("type").GetString() == WebhookEventNames.StepTaken
                && e.GetProperty("data").GetProperty("toStatus").GetString() == nameof(ReportStatus.DisposedToKabid));
            // The first delivery was tried twice (500 or no answer, then 200): same delivery, same body.
            var first = requests.GroupBy(r => r.Delivery).Single(g => g.Count() == 2);
            Assert.Single(first.Select(r => r.Body).Distinct());
        }

        var rows = await _factory.QueryAsync(db => db.WebhookDeliveries.Where(d => d.ReportId == reportId).ToListAsync());
        Assert.All(rows, r => Assert.Equal(200, r.LastResponseCode));
        Assert.Equal(2, rows.Count(r => r.Attempts == 2));
        Assert.Equal(2, rows.Count(r => r.Attempts == 1));

        // The delivery log shows them: status, attempts and response code.
        var log = await admin.GetPageAsync("/admin/webhook/log");
        Assert.Contains("Penerima gagal sekali", log, StringComparison.Ordinal);
        Assert.Contains("Penerima lambat", log, StringComparison.Ordinal);
        Assert.Contains(WebhookEventNames.StepTaken, log, StringComparison.Ordinal);
        Assert.Contains("Terkirim", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingReceiverIsLoggedWithItsCodeAndRetriedLater()
    {
        using var failing = new LoopbackReceiver(firstAnswer: Behaviour.Answer500, thenAnswer: Behaviour.Answer500);
        using var admin = await WebSession.SignedInAsync(_factory, "admin");
        await RegisterAsync(admin, "Selalu gagal", failing.Url);
        using var driver = new WorkflowDriver(_factory);
        var reportId = await driver.SubmitAsync("pelapor", "Wi-Fi aula mati (uji webhook gagal)");
        Assert.Equal(ReportStatus.Submitted, await driver.StatusAsync(reportId));

        await WaitUntilAsync(async () => await _factory.QueryAsync(db => db.WebhookDeliveries
            .AnyAsync(d => d.ReportId == reportId && d.Receiver!.Name == "Selalu gagal" && d.Attempts >= 2)));
        var row = await _factory.QueryAsync(db => db.WebhookDeliveries.SingleAsync(d => d.ReportId == reportId && d.Receiver!.Name == "Selalu gagal"));
        Assert.Equal(WebhookDeliveryStatus.Pending, row.Status);
        Assert.Equal(500, row.LastResponseCode);
        Assert.Contains("500", row.LastError, StringComparison.Ordinal);
        Assert.True(row.NextAttemptAtUtc > row.LastAttemptAtUtc, "the next attempt waits (backoff)");
        var log = await admin.GetPageAsync("/admin/webhook/log?status=Pending");
        Assert.Contains("Selalu gagal", log, StringComparison.Ordinal);
        Assert.Contains("Penerima menjawab 500", log, StringComparison.Ordinal);
    }

    private static async Task<string> RegisterAsync(WebSession admin, string name, string url)
    {
        using var response = await admin.SubmitFormAsync("/admin/webhook", "/admin/webhook",
            [new("name", name), new("url", url), .. WebhookEventNames.Singles.Select(e => new KeyValuePair<string, string>("events", e.ToString()))]);
        var html = await response.Content.ReadAsStringAsync();
        var secret = Regex.Match(html, "data-testid=\"webhook-secret-value\">(nm_whsec_[A-Za-z0-9_-]+)<").Groups[1].Value;
        Assert.StartsWith("nm_whsec_", secret, StringComparison.Ordinal);
        // Shown once: the list afterwards has only its first characters.
        Assert.DoesNotContain(secret, await admin.GetPageAsync("/admin/webhook"), StringComparison.Ordinal);
        return secret;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the deliveries did not arrive within a minute");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _factory.Dispose();

    private enum Behaviour { Answer200, Answer500, Hang }

    private sealed record Received(string Delivery, string Timestamp, string? Signature, string Body);

    /// <summary>A receiver on 127.0.0.1: answers its first request as told, the others 200 (or as told).</summary>
    private sealed class LoopbackReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Behaviour _first;
        private readonly Behaviour _then;
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _firstArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public LoopbackReceiver(Behaviour firstAnswer, Behaviour thenAnswer = Behaviour.Answer200)
        {
            (_first, _then) = (firstAnswer, thenAnswer);
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/webhook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Url { get; }
        public ConcurrentQueue<Received> Requests { get; } = new();
        public Task FirstRequestArrived => _firstArrived.Task;
        public bool Released => _gate.Task.IsCompleted;

        public void Release() => _gate.TrySetResult();

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            try
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var n = Interlocked.Increment(ref _count);
                var behaviour = n == 1 ? _first : _then;
                Requests.Enqueue(new Received(context.Request.Headers[WebhookSigning.DeliveryHeader]!,
                    context.Request.Headers[WebhookSigning.TimestampHeader]!, context.Request.Headers[WebhookSigning.SignatureHeader], body));
                if (n == 1) _firstArrived.TrySetResult();
                if (behaviour == Behaviour.Hang)
                {
                    // No answer until the test ends (the sender gives up after Webhooks:TimeoutSeconds).
                    await _gate.Task;
                    context.Response.Abort();
                    return;
                }
                context.Response.StatusCode = behaviour == Behaviour.Answer500 ? 500 : 200;
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                // The sender gave up (timeout) or the test ended.
            }
        }

        public void Dispose()
        {
            Release();
            _listener.Close();
        }
    }
}
