using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Monitoring;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Monitoring;

/// <summary>The monitoring sources page: one line per source.</summary>
public sealed record MonitoringSourceRow(int Id, string Name, string TokenHint, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc,
    DateTime? RevokedAtUtc, int AlertCount);

/// <param name="NewToken">The token just made, shown this once.</param>
public sealed record MonitoringSourcesPage(IReadOnlyList<MonitoringSourceRow> Rows, string? NewSourceName = null, string? NewToken = null,
    string? Error = null);

/// <summary>
/// The administrator's monitoring sources (<c>/admin/pemantauan</c>): make one (its bearer token is shown once, only
/// its hash is kept) and revoke one. docs/monitoring.md says how to give the token to Alertmanager or Zabbix.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/pemantauan")]
public sealed class MonitoringSourcesController(AppDbContext db, IAuditLog audit, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new MonitoringSourcesPage(await RowsAsync(ct)));

    [HttpPost("baru")]
    public async Task<IActionResult> Create(string? name, CancellationToken ct)
    {
        MonitoringSource source;
        string token;
        try
        {
            (source, token) = MonitoringSource.Create(name ?? "", User.UserId(), clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException ex)
        {
            return View(nameof(Index), new MonitoringSourcesPage(await RowsAsync(ct), Error: ex.Message));
        }
        db.MonitoringSources.Add(source);
        audit.Add(AuditEvents.MonitoringSourceCreated, $"Sumber pemantauan \"{source.Name}\" dibuat.", AuditObject.Named("MonitoringSource"),
            new { name = source.Name, hint = source.TokenHint });
        await db.SaveChangesAsync(ct);
        // Rendered, not redirected: the token must not travel through TempData or a URL.
        Response.Headers.CacheControl = "no-store";
        return View(nameof(Index), new MonitoringSourcesPage(await RowsAsync(ct), source.Name, token));
    }

    [HttpPost("{id:int}/cabut")]
    public async Task<IActionResult> Revoke(int id, CancellationToken ct)
    {
        var source = await db.MonitoringSources.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return NotFound();
        try
        {
            source.Revoke(clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
            return RedirectToAction(nameof(Index));
        }
        audit.Add(AuditEvents.MonitoringSourceRevoked, $"Token sumber pemantauan \"{source.Name}\" dicabut.",
            new AuditObject("MonitoringSource", id.ToString(System.Globalization.CultureInfo.InvariantCulture), source.Name));
        await db.SaveChangesAsync(ct);
        TempData.Success($"Token sumber \"{source.Name}\" dicabut; kiriman dengan token itu kini ditolak.");
        return RedirectToAction(nameof(Index));
    }

    private Task<List<MonitoringSourceRow>> RowsAsync(CancellationToken ct) =>
        db.MonitoringSources.AsNoTracking().OrderBy(s => s.RevokedAtUtc != null).ThenBy(s => s.Name)
            .Select(s => new MonitoringSourceRow(s.Id, s.Name, s.TokenHint, s.CreatedAtUtc, s.LastUsedAtUtc, s.RevokedAtUtc,
                db.MonitoringAlerts.Count(a => a.SourceId == s.Id)))
            .ToListAsync(ct);
}
