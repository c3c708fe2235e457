using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Plh;

public sealed class AppointPlhInput
{
    public string? ActingUserId { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Reason { get; set; }
}

public sealed class AppointPlhInputValidator : AbstractValidator<AppointPlhInput>
{
    public AppointPlhInputValidator()
    {
        RuleFor(x => x.ActingUserId).NotEmpty().WithMessage("Pilih pegawai yang ditunjuk sebagai Plh.");
        RuleFor(x => x.StartDate).NotNull().WithMessage("Tanggal mulai wajib diisi.");
        RuleFor(x => x.EndDate).NotNull().WithMessage("Tanggal selesai wajib diisi.")
            // The condition guards the comparison only: without ApplyConditionTo.CurrentValidator it also skipped the
            // "required" check, so a form with neither date said nothing about the end date.
            .GreaterThanOrEqualTo(x => x.StartDate).When(x => x.StartDate is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("Tanggal selesai tidak boleh sebelum tanggal mulai.");
        RuleFor(x => x).Must(x => x.EndDate!.Value.DayNumber - x.StartDate!.Value.DayNumber <= 90)
            .When(x => x.StartDate is not null && x.EndDate is not null)
            .WithMessage("Masa Plh. paling lama 90 hari.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("Keterangan maksimal 500 karakter.");
    }
}

/// <summary>
/// An official (Kadis, Kabid, Kasi) appoints an acting official (Plh.) for a date range while away, and can revoke it.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class PlhController(AppDbContext db, IValidator<AppointPlhInput> validator, TimeProvider clock, Audit.IAuditLog audit) : Controller
{
    [HttpGet("/plh")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await ModelAsync(new AppointPlhInput
    {
        StartDate = Wib.Today(clock),
        EndDate = Wib.Today(clock),
    }, ct));

    [HttpPost("/plh")]
    public async Task<IActionResult> Appoint(AppointPlhInput input, CancellationToken ct)
    {
        var userId = User.UserId();
        if (!await validator.ValidateIntoAsync(input, ModelState)) return View("Index", await ModelAsync(input, ct));
        var acting = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == input.ActingUserId && u.IsActive, ct);
        if (acting is null || acting.OpdId is not null)
        {
            ModelState.AddModelError(nameof(input.ActingUserId), "Plh. harus pegawai Diskominfo yang aktif.");
            return View("Index", await ModelAsync(input, ct));
        }
        if (input.EndDate < Wib.Today(clock))
        {
            ModelState.AddModelError(nameof(input.EndDate), "Masa Plh. sudah lewat.");
            return View("Index", await ModelAsync(input, ct));
        }

        try
        {
            db.ActingAppointments.Add(new ActingAppointment(userId, acting.Id, input.StartDate!.Value, input.EndDate!.Value,
                input.Reason, userId, clock.GetUtcNow().UtcDateTime));
            db.Notifications.Add(new Notification(acting.Id,
                $"Anda ditunjuk sebagai Plh. {User.FullName()} untuk {input.StartDate:dd-MM-yyyy} s.d. {input.EndDate:dd-MM-yyyy}.",
                null, clock.GetUtcNow().UtcDateTime));
            audit.Add(AuditEvents.PlhAppointed, $"{acting.UserName} ditunjuk sebagai Plh. {User.Identity?.Name} untuk {input.StartDate:dd-MM-yyyy} s.d. {input.EndDate:dd-MM-yyyy}.", Audit.AuditObject.User(acting.Id, acting.UserName), new { input.StartDate, input.EndDate, input.Reason });
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return View("Index", await ModelAsync(input, ct));
        }

        TempData.Success($"{acting.FullName} ditunjuk sebagai Plh. Anda.");
        return Redirect("/plh");
    }

    [HttpPost("/plh/{id:int}/cabut")]
    public async Task<IActionResult> Revoke(int id, CancellationToken ct)
    {
        var userId = User.UserId();
        var appointment = await db.ActingAppointments.SingleOrDefaultAsync(a => a.Id == id && a.OfficialUserId == userId, ct);
        if (appointment is null) return NotFound();
        appointment.Revoke(clock.GetUtcNow().UtcDateTime);
        audit.Add(AuditEvents.PlhRevoked, $"Penunjukan Plh. nomor {id} dicabut oleh {User.Identity?.Name}.", Audit.AuditObject.Plh(id));
        await db.SaveChangesAsync(ct);
        TempData.Success("Penunjukan Plh. dicabut.");
        return Redirect("/plh");
    }

    private async Task<PlhPageModel> ModelAsync(AppointPlhInput input, CancellationToken ct)
    {
        var userId = User.UserId();
        var mine = await db.ActingAppointments.AsNoTracking().Include(a => a.Acting)
            .Where(a => a.OfficialUserId == userId).OrderByDescending(a => a.StartDate).Take(50).ToListAsync(ct);
        var forMe = await db.ActingAppointments.AsNoTracking().Include(a => a.Official)
            .Where(a => a.ActingUserId == userId && a.RevokedAtUtc == null).OrderByDescending(a => a.StartDate).Take(50).ToListAsync(ct);
        // Candidates: Diskominfo's own active staff (not OPD reporters), except the official.
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.OpdId == null && u.Id != userId)
            .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName, u.Position }).ToListAsync(ct);
        return new PlhPageModel(input, mine, forMe,
            candidates.Select(c => (c.Id, c.FullName, c.Position)).ToList(), Wib.Today(clock));
    }
}

public sealed record PlhPageModel(AppointPlhInput Input, IReadOnlyList<ActingAppointment> Mine,
    IReadOnlyList<ActingAppointment> ForMe, IReadOnlyList<(string Id, string Name, string? Position)> Candidates, DateOnly Today);
