using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Notifications;

/// <summary>The signed-in user's in-app notifications. Each user sees and marks only their own.</summary>
public sealed class NotificationsController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/notifikasi")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var userId = User.UserId();
        var items = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id).Take(100).ToListAsync(ct);
        return View(items);
    }

    [HttpPost("/notifikasi/{id:long}/baca")]
    public async Task<IActionResult> MarkRead(long id, CancellationToken ct)
    {
        var userId = User.UserId();
        var item = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (item is null) return NotFound();
        item.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return item.ReportId is int reportId ? Redirect($"/laporan/{reportId}") : Redirect("/notifikasi");
    }

    [HttpPost("/notifikasi/baca-semua")]
    public async Task<IActionResult> MarkAllRead(CancellationToken ct)
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        TempData.Success("Semua notifikasi ditandai sudah dibaca.");
        return Redirect("/notifikasi");
    }
}
