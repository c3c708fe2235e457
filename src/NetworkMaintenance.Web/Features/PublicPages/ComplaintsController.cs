using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain.Intake;

namespace NetworkMaintenance.Web.Features.PublicPages;

public sealed record ComplaintListModel(IReadOnlyList<Complaint> Rows, ComplaintStatus? Status, string? Q = null);

public sealed record ComplaintDetailsModel(Complaint Complaint, IReadOnlyList<Attachment> Attachments);

/// <summary>The front desk handles complaints: received → in progress → answered.</summary>
[Authorize(Policy = Policies.FrontDesk)]
public sealed class ComplaintsController(AppDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/pengaduan/kelola")]
    public async Task<IActionResult> Index(ComplaintStatus? status, string? q, CancellationToken ct)
    {
        var query = db.Complaints.AsNoTracking();
        if (status is not null) query = query.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // The complaint number or the SP4N-LAPOR! tracking number ('#' ignored).
            var pattern = SearchPattern.Contains(q);
            var lapor = SearchPattern.Contains(q.Trim().TrimStart('#'));
            query = query.Where(c => EF.Functions.Like(c.Number, pattern, SearchPattern.Escape)
                || (c.LaporNumber != null && EF.Functions.Like(c.LaporNumber, lapor, SearchPattern.Escape)));
        }
        var rows = await query.OrderByDescending(c => c.CreatedAtUtc).Take(200).ToListAsync(ct);
        return View(new ComplaintListModel(rows, status, q));
    }

    /// <summary>The front desk records (or clears) the complaint's SP4N-LAPOR! tracking number.</summary>
    [HttpPost("/pengaduan/kelola/{id:int}/lapor")]
    public Task<IActionResult> Lapor(int id, string? laporNumber, CancellationToken ct) =>
        ChangeAsync(id, c => c.RecordLaporNumber(laporNumber),
            string.IsNullOrWhiteSpace(laporNumber) ? "Nomor SP4N-LAPOR! dihapus." : "Nomor SP4N-LAPOR! tersimpan.", ct);

    [HttpGet("/pengaduan/kelola/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return NotFound();
        var files = await db.Attachments.AsNoTracking().Where(a => a.ComplaintId == id).ToListAsync(ct);
        return View(new ComplaintDetailsModel(complaint, files));
    }

    [HttpPost("/pengaduan/kelola/{id:int}/proses")]
    public Task<IActionResult> Start(int id, CancellationToken ct) =>
        ChangeAsync(id, c => c.StartHandling(User.UserId(), clock.GetUtcNow().UtcDateTime), "Pengaduan sedang diproses.", ct);

    [HttpPost("/pengaduan/kelola/{id:int}/jawab")]
    public Task<IActionResult> Answer(int id, string? answer, CancellationToken ct)
    {
        if (answer is { Length: > 4000 })
        {
            TempData.Error("Jawaban maksimal 4000 karakter.");
            return Task.FromResult<IActionResult>(RedirectToAction(nameof(Details), new { id }));
        }
        return ChangeAsync(id, c => c.AnswerWith(answer ?? "", User.UserId(), clock.GetUtcNow().UtcDateTime),
            "Jawaban tersimpan; pelapor dapat membacanya di halaman Lacak.", ct);
    }

    private async Task<IActionResult> ChangeAsync(int id, Action<Complaint> change, string message, CancellationToken ct)
    {
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null) return NotFound();
        try
        {
            change(complaint);
            await db.SaveChangesAsync(ct);
            TempData.Success(message);
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToAction(nameof(Details), new { id });
    }
}
