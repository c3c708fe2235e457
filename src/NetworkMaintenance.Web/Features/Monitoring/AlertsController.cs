using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Monitoring;
using NetworkMaintenance.Core.Security;

namespace NetworkMaintenance.Web.Features.Monitoring;

/// <summary>
/// Alerts in (docs/monitoring.md): <c>POST /api/alerts/alertmanager</c> (Alertmanager's webhook, version 4) and
/// <c>POST /api/alerts/generic</c>. Machine callers: no cookie and no antiforgery token — each monitoring source
/// authenticates with its own bearer token (<see cref="MonitoringSource"/>), so there is no browser session a forged
/// cross-site request could ride on. Refusals are problem details (application/problem+json) in Indonesian; a refused
/// request stores nothing.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class AlertsController(AppDbContext db, AlertIntake intake, AlertDevices devices, TimeProvider clock) : ControllerBase
{
    /// <summary>Largest body accepted (bytes): a full Alertmanager group of <see cref="AlertPayloads.MaxAlerts"/> alerts fits.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    [HttpPost("/api/alerts/alertmanager")]
    public Task<IActionResult> Alertmanager(CancellationToken ct) =>
        HandleAsync((root, opds, now) => AlertPayloads.Alertmanager(root, opds, now), ct);

    [HttpPost("/api/alerts/generic")]
    public Task<IActionResult> Generic(CancellationToken ct) =>
        HandleAsync((root, opds, now) => [AlertPayloads.Generic(root, opds, now)], ct);

    private async Task<IActionResult> HandleAsync(Func<JsonElement, IReadOnlyList<Core.Domain.Opd>, DateTime, IReadOnlyList<IncomingAlert>> read,
        CancellationToken ct)
    {
        var source = await AuthenticateAsync(ct);
        if (source is null)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            return Refuse(StatusCodes.Status401Unauthorized, "Token tidak sah",
                "Kirim token sumber pemantauan yang masih berlaku di header Authorization: Bearer <token>.");
        }

        var body = await ReadBodyAsync(ct);
        if (body is null)
            return Refuse(StatusCodes.Status400BadRequest, "Isi permintaan terlalu besar",
                $"Isi permintaan paling besar {MaxBodyBytes / 1024} KB; kurangi jumlah peringatan per kiriman.");

        IReadOnlyList<IncomingAlert> alerts;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            var opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).ToListAsync(ct);
            alerts = await devices.ResolveAsync(read(json.RootElement, opds, clock.GetUtcNow().UtcDateTime), ct);
        }
        catch (JsonException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Isi permintaan bukan JSON yang sah", "Periksa format payload (docs/monitoring.md).");
        }
        catch (AlertPayloadException ex)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Payload peringatan tidak sah", ex.Message);
        }

        var outcomes = new List<string>();
        foreach (var alert in alerts)
        {
            outcomes.Add((await intake.ProcessAsync(source, alert, ct)).ToString());
        }
        return Ok(new { received = alerts.Count, outcomes });
    }

    private async Task<MonitoringSource?> AuthenticateAsync(CancellationToken ct)
    {
        var header = Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[scheme.Length..].Trim();
        if (token.Length is 0 or > 200) return null;
        var hash = SecretToken.Hash(token);
        var source = await db.MonitoringSources.SingleOrDefaultAsync(s => s.TokenHash == hash, ct);
        return source is not null && source.Accepts(token) ? source : null;
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private async Task<byte[]?> ReadBodyAsync(CancellationToken ct)
    {
        if (Request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private ObjectResult Refuse(int status, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }
}
