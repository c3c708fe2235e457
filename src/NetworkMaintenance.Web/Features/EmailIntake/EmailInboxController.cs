using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.EmailIntake;

/// <summary>The front desk's "Email masuk" page: e-mail reports to confirm and messages set aside (docs/email-intake.md).</summary>
[Authorize(Policy = Policies.FrontDesk)]
public sealed class EmailInboxController(EmailInbox inbox, ActorFactory actors, IOptions<EmailIntakeOptions> options) : Controller
{
    [HttpGet("/email-masuk")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await inbox.ReadAsync(options.Value.Enabled, ct));

    [HttpPost("/email-masuk/{id:int}/konfirmasi")]
    public async Task<IActionResult> Confirm(int id, string? note, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is null) return Forbid();
        switch (await inbox.ConfirmAsync(id, actor, note, ct))
        {
            case ConfirmOutcome.Confirmed c:
                TempData.Success($"Laporan {c.Number} dikonfirmasi dan diteruskan ke Kepala Dinas.");
                break;
            case ConfirmOutcome.Refused r:
                TempData.Error(r.Message);
                break;
            default:
                return NotFound();
        }
        return RedirectToAction(nameof(Index));
    }
}
