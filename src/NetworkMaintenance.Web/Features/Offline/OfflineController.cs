using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Offline;

/// <summary>
/// The technician's phone app (docs/offline.md): the offline page (the same shell for every technician, no personal
/// data in it), the technician's own assignments as JSON, and the sync of steps queued on the phone.
/// </summary>
[Authorize(Policy = Policies.Technician)]
public sealed class OfflineController(OfflineAssignments assignments, OfflineSyncService sync, ActorFactory actors,
    IAntiforgery antiforgery) : Controller
{
    /// <summary>The request body's reading: web names, enumerations as their names.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    [HttpGet("/teknisi/luring")]
    public IActionResult Index() => View();

    /// <summary>The assignments with a fresh antiforgery token for the sync (the cached page's token may be old).</summary>
    [HttpGet("/teknisi/penugasan")]
    public async Task<IActionResult> Assignments(CancellationToken ct)
    {
        Response.Headers.CacheControl = "private, no-store";
        var list = await assignments.ForAsync(User.UserId(), User.Identity?.Name ?? "", ct);
        return Json(new { list, antiforgeryToken = antiforgery.GetAndStoreTokens(HttpContext).RequestToken }, JsonOptions);
    }

    /// <summary>One queued step (antiforgery token in the <c>RequestVerificationToken</c> header).</summary>
    [HttpPost("/teknisi/sinkron")]
    public async Task<IActionResult> Sync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "private, no-store";
        OfflineStepRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<OfflineStepRequest>(Request.Body, JsonOptions, ct);
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request is null) return Answer(400, new { outcome = "invalid", errors = new[] { new StepRefusal("", "Isi langkah tidak terbaca.") } });
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        return await sync.SyncAsync(User, actor, request, ct) switch
        {
            SyncOutcome.Applied a => Answer(200, new { outcome = "applied", a.Message, a.Version }),
            SyncOutcome.AlreadyApplied a => Answer(200, new { outcome = "alreadyApplied", a.Message, a.Version }),
            SyncOutcome.Conflict { What: var c } => Answer(409, new
            {
                outcome = "conflict", c.Message, c.Status, c.StatusLabel, c.StillAssigned, c.Version, c.Changes,
            }),
            SyncOutcome.Invalid i => Answer(400, new { outcome = "invalid", errors = i.Reasons }),
            _ => Answer(404, new { outcome = "notFound", message = "Laporan tidak ditemukan atau bukan tugas Anda." }),
        };
    }

    private static JsonResult Answer(int status, object body) => new(body, JsonOptions) { StatusCode = status };
}
