using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain;
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
public sealed class PlhController(PlhService plh, IValidator<AppointPlhInput> validator, TimeProvider clock) : Controller
{
    [HttpGet("/plh")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await plh.PageAsync(User.UserId(), new AppointPlhInput
    {
        StartDate = Wib.Today(clock),
        EndDate = Wib.Today(clock),
    }, ct));

    [HttpPost("/plh")]
    public async Task<IActionResult> Appoint(AppointPlhInput input, CancellationToken ct)
    {
        if (await validator.ValidateIntoAsync(input, ModelState))
        {
            switch (await plh.AppointAsync(User.UserId(), User.FullName(), User.Identity?.Name, input, ct))
            {
                case PlhOutcome.Appointed appointed:
                    TempData.Success($"{appointed.ActingName} ditunjuk sebagai Plh. Anda.");
                    return RedirectToAction(nameof(Index));
                case PlhOutcome.Refused refused:
                    ModelState.AddModelError(refused.Field, refused.Message);
                    break;
            }
        }
        return View(nameof(Index), await plh.PageAsync(User.UserId(), input, ct));
    }

    [HttpPost("/plh/{id:int}/cabut")]
    public async Task<IActionResult> Revoke(int id, CancellationToken ct)
    {
        if (await plh.RevokeAsync(User.UserId(), User.Identity?.Name, id, ct) is not PlhOutcome.Revoked) return NotFound();
        TempData.Success("Penunjukan Plh. dicabut.");
        return RedirectToAction(nameof(Index));
    }
}

public sealed record PlhPageModel(AppointPlhInput Input, IReadOnlyList<ActingAppointment> Mine,
    IReadOnlyList<ActingAppointment> ForMe, IReadOnlyList<(string Id, string Name, string? Position)> Candidates, DateOnly Today);
