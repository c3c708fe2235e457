using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Integration;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Webhooks;

public sealed record WebhookPageModel(IReadOnlyList<WebhookReceiver> Receivers, NewWebhookReceiver? Created, string? Error,
    bool LoopbackHttpAllowed);

public sealed record WebhookLogModel(IReadOnlyList<WebhookDeliveryRow> Rows, WebhookDeliveryStatus? Status);

/// <summary>The administrator's webhook receivers and the delivery log (docs/api.md, "Webhooks").</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class WebhooksController(WebhookAdmin admin, WebhookUrlPolicy urls) : Controller
{
    [HttpGet("/admin/webhook")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await ModelAsync(null, null, ct));

    /// <summary>Registers a receiver; its secret is shown on the page that answers (once, never redirected).</summary>
    [HttpPost("/admin/webhook")]
    public async Task<IActionResult> Register(string? name, string? url, WebhookEvents[]? events, CancellationToken ct)
    {
        var set = (events ?? []).Aggregate(WebhookEvents.None, (all, e) => all | e);
        try
        {
            var created = await admin.RegisterAsync(name, url, set, User.UserId(), ct);
            Response.Headers.CacheControl = "no-store";
            return View(nameof(Index), await ModelAsync(created, null, ct));
        }
        catch (DomainException ex)
        {
            return View(nameof(Index), await ModelAsync(null, ex.Message, ct));
        }
    }

    [HttpPost("/admin/webhook/{id:int}/nonaktifkan")]
    public Task<IActionResult> Deactivate(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [HttpPost("/admin/webhook/{id:int}/aktifkan")]
    public Task<IActionResult> Activate(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    [HttpGet("/admin/webhook/log")]
    public async Task<IActionResult> Log(WebhookDeliveryStatus? status, CancellationToken ct) =>
        View(new WebhookLogModel(await admin.LogAsync(status, ct), status));

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        if (!await admin.SetActiveAsync(id, active, ct)) return NotFound();
        TempData.Success(active ? "Penerima diaktifkan." : "Penerima dinonaktifkan; pengiriman yang menunggu ditahan sampai diaktifkan lagi.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<WebhookPageModel> ModelAsync(NewWebhookReceiver? created, string? error, CancellationToken ct) =>
        new(await admin.ReceiversAsync(ct), created, error, urls.LoopbackHttpAllowed);
}
