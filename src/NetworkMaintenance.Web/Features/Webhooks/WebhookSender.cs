using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Integration;

namespace NetworkMaintenance.Web.Features.Webhooks;

/// <summary>
/// Delivers due webhook rows: signs each with its receiver's secret at the moment of sending, POSTs it with a short
/// timeout, and records the outcome (delivered, or failed with the response code or error and the next attempt
/// after an exponential backoff). Runs off the request path (<see cref="WebhookSenderService"/>).
/// </summary>
public sealed class WebhookSender(AppDbContext db, IHttpClientFactory clients, WebhookSecrets secrets, WebhookUrlPolicy urls,
    IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";
    public const int BatchSize = 20;

    /// <summary>One pass; returns how many deliveries were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.Include(d => d.Receiver)
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAtUtc <= now && d.Receiver!.IsActive)
            .OrderBy(d => d.NextAttemptAtUtc).ThenBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var delivery in due)
        {
            await AttemptAsync(delivery, ct);
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var receiver = delivery.Receiver!;
        var firstRetry = TimeSpan.FromSeconds(options.Value.FirstRetrySeconds);
        if (!receiver.IsActive)
        {
            delivery.MarkFailed(null, "Penerima dinonaktifkan.", clock.GetUtcNow().UtcDateTime, firstRetry);
            return;
        }
        if (urls.WhyNot(receiver.Url, out var uri) is { } reason)
        {
            delivery.MarkFailed(null, reason, clock.GetUtcNow().UtcDateTime, firstRetry);
            return;
        }
        var timestamp = WebhookSigning.Timestamp(clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSigning.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSigning.SignatureHeader, WebhookSigning.Signature(secrets.Unprotect(receiver.ProtectedSecret), timestamp, delivery.Body));
        request.Headers.Add(WebhookSigning.EventHeader, delivery.EventType);
        request.Headers.Add(WebhookSigning.EventIdHeader, delivery.EventId.ToString());
        request.Headers.Add(WebhookSigning.DeliveryHeader, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                delivery.MarkDelivered(code, clock.GetUtcNow().UtcDateTime);
                logger.LogInformation("Webhook {Event} {Delivery} delivered to receiver {Receiver}: {Code}", delivery.EventType, delivery.Id, receiver.Id, code);
            }
            else
            {
                delivery.MarkFailed(code, $"Penerima menjawab {code} {response.ReasonPhrase}.", clock.GetUtcNow().UtcDateTime, firstRetry);
                logger.LogWarning("Webhook {Event} {Delivery} to receiver {Receiver} answered {Code}", delivery.EventType, delivery.Id, receiver.Id, code);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            delivery.MarkFailed(null, $"Penerima tidak menjawab dalam {options.Value.TimeoutSeconds:0.#} detik.", clock.GetUtcNow().UtcDateTime, firstRetry);
            logger.LogWarning("Webhook {Event} {Delivery} to receiver {Receiver} timed out", delivery.EventType, delivery.Id, receiver.Id);
        }
        catch (HttpRequestException ex)
        {
            delivery.MarkFailed(null, "Koneksi gagal: " + ex.Message, clock.GetUtcNow().UtcDateTime, firstRetry);
            logger.LogWarning(ex, "Webhook {Event} {Delivery} to receiver {Receiver} failed", delivery.EventType, delivery.Id, receiver.Id);
        }
    }
}

/// <summary>Runs the <see cref="WebhookSender"/> every <c>Webhooks:PollSeconds</c>; one instance at a time (a lease).</summary>
public sealed class WebhookSenderService(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider time,
    Infrastructure.InstanceIdentity instance, ILogger<WebhookSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SenderEnabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A timer of a test's fake clock completes the tick inline, inside the test's Advance call (maybe amid a
            // request holding the database's write lock): the pass goes on on the thread pool, as on the real clock.
            await Task.Yield();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (!await Infrastructure.JobLeases.TryAcquireAsync(db, Infrastructure.JobLeases.WebhookOutbox, instance.Id, time.GetUtcNow().UtcDateTime, stoppingToken)) continue;
                await scope.ServiceProvider.GetRequiredService<WebhookSender>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Webhook sender pass failed");
            }
        }
    }
}
