using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Integration;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Features.Webhooks;

/// <summary>
/// Stages one <see cref="WebhookDelivery"/> per subscribed receiver on the caller's context: the rows are saved by the
/// caller's own SaveChanges (the step's, the receipt's, the SLA monitor's), so they exist exactly when the event does.
/// Nothing is sent here.
/// </summary>
public sealed class WebhookOutbox(AppDbContext db, Infrastructure.ReferenceLists lists)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A step (or the receipt, the first event): report.received or report.step, and report.closed on closing.</summary>
    public async Task StageStepAsync(Report report, ReportEvent ev, DateTime nowUtc, CancellationToken ct)
    {
        var data = new
        {
            reportId = report.Id,
            number = report.Number,
            opdId = report.OpdId,
            status = report.Status.ToString(),
            action = ev.Action.ToString(),
            fromStatus = ev.FromStatus?.ToString(),
            toStatus = ev.ToStatus.ToString(),
            actorName = ev.ActorName,
            actorRole = ev.ActorRole,
            atUtc = ev.AtUtc,
        };
        await StageAsync(ev.FromStatus is null ? WebhookEvents.ReportReceived : WebhookEvents.StepTaken, report.Id, data, nowUtc, ct);
        if (ev.ToStatus == ReportStatus.Closed) await StageAsync(WebhookEvents.ReportClosed, report.Id, data, nowUtc, ct);
    }

    public async Task StageAsync(WebhookEvents kind, int? reportId, object data, DateTime nowUtc, CancellationToken ct)
    {
        var wanting = (await lists.ActiveWebhookReceiversAsync(ct)).Where(r => (r.Events & kind) != 0).ToList();
        if (wanting.Count == 0) return;
        var eventId = Guid.NewGuid();
        var type = WebhookEventNames.Of(kind);
        var body = JsonSerializer.Serialize(new { id = eventId, type, occurredAtUtc = nowUtc, data }, Json);
        foreach (var receiver in wanting)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery(receiver.Id, type, eventId, reportId, body, nowUtc));
        }
    }
}
