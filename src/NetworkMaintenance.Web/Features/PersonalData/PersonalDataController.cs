using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.PersonalData;

public sealed record PersonalDataPage(string? Q, PersonLookup? Lookup, string? Alasan = null);

/// <summary>
/// Requests of a data subject (UU 27/2022), for the administrator: look a person up, export what is stored about them,
/// erase it with a reason (<see cref="PersonalDataRequests"/>).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class PersonalDataController(PersonalDataRequests requests, IValidator<PersonQuery> queryValidator,
    IValidator<EraseRequest> eraseValidator, TimeProvider clock) : Controller
{
    private const string PageUrl = "/admin/data-pribadi";

    [HttpGet(PageUrl)]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return View(new PersonalDataPage(q, null));
        if (!await queryValidator.ValidateIntoAsync(new PersonQuery(q), ModelState)) return View(new PersonalDataPage(q, null));
        return View(new PersonalDataPage(q, await requests.FindAsync(q, ct)));
    }

    [HttpGet(PageUrl + "/ekspor.csv")]
    public async Task<IActionResult> Export(string? q, CancellationToken ct)
    {
        if (!await queryValidator.ValidateIntoAsync(new PersonQuery(q), ModelState)) return View(nameof(Index), new PersonalDataPage(q, null));
        var lookup = await requests.FindAsync(q!, ct);
        var bytes = await requests.ExportAsync(lookup, ct);
        return File(bytes, SpreadsheetCsv.ContentType, $"data-pribadi-{Wib.FromUtc(clock.GetUtcNow().UtcDateTime):yyyyMMdd-HHmm}.csv");
    }

    [HttpPost(PageUrl + "/hapus")]
    public async Task<IActionResult> Erase(string? q, string? alasan, CancellationToken ct)
    {
        if (!await eraseValidator.ValidateIntoAsync(new EraseRequest(q, alasan), ModelState))
        {
            var lookup = string.IsNullOrWhiteSpace(q) || q.Trim().Length < PersonalDataRequests.MinimumTermLength ? null : await requests.FindAsync(q, ct);
            return View(nameof(Index), new PersonalDataPage(q, lookup, alasan));
        }
        var outcome = await requests.EraseAsync(q!, alasan!, ct);
        TempData.Success($"Data pribadi dihapus: {outcome.GuestBookEntries} entri buku tamu dan {outcome.Complaints} kontak pengaduan."
            + (outcome.KeptRecords > 0 ? $" {outcome.KeptRecords} catatan arsip resmi (laporan, akun pegawai) tidak dihapus." : ""));
        return RedirectToAction(nameof(Index), new { q = q!.Trim() });
    }
}
