using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Dashboard;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Home;

public sealed class HomeController(ILogger<HomeController> logger) : Controller
{
    /// <summary>
    /// Each person's home fits their job: a technician (with no other Diskominfo role) their work queue, made for the
    /// phone; the other Diskominfo people the dashboard; OPD reporters what waits for them and their OPD's open reports;
    /// the administrator the navigation cards.
    /// </summary>
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] IAuthorizationService authorization, [FromServices] ActorFactory actors,
        [FromServices] DashboardService dashboard, [FromServices] AppDbContext db, CancellationToken ct)
    {
        var actor = await actors.ForUserAsync(User.UserId(), ct);
        if (actor is not null && IsOnlyTechnician(actor))
        {
            var queue = await db.Reports.AsNoTracking().AwaitingActionBy(actor)
                .OrderBy(r => r.SlaClockStartUtc).ThenBy(r => r.Id).Take(50).Select(WorkQueueRow.Projection).ToListAsync(ct);
            return View("TechnicianHome", queue);
        }
        if (actor is not null && (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded)
        {
            return View("Dashboard", await dashboard.BuildAsync(actor, ct));
        }
        if (actor is not null && (await authorization.AuthorizeAsync(User, Policies.Reporter)).Succeeded)
        {
            var mine = await db.Reports.AsNoTracking().AwaitingActionBy(actor)
                .OrderBy(r => r.ReceivedAtUtc).Take(20).Select(ReportListRow.Projection).ToListAsync(ct);
            var rows = await db.Reports.AsNoTracking().VisibleTo(actor).Where(ReportQueries.StatusNotIn(DashboardService.FinalStates))
                .OrderByDescending(r => r.ReceivedAtUtc).Take(20).Select(ReportListRow.Projection).ToListAsync(ct);
            return View("ReporterHome", new ReporterHomeModel(mine, rows));
        }
        return View();
    }

    private static bool IsOnlyTechnician(Core.Domain.Workflow.WorkflowActor actor) =>
        actor.HasRole(Roles.Teknisi) && !actor.HasRole(Roles.PetugasLayanan) && !actor.HasRole(Roles.KepalaDinas)
        && !actor.HasRole(Roles.KepalaBidang) && !actor.HasRole(Roles.KepalaSeksi);

    [AllowAnonymous, HttpGet("/galat"), HttpPost("/galat")]
    [ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var diskFull = DiskFull.Is(feature?.Error);
        var unavailable = diskFull || DatabaseFailure.IsUnavailable(feature?.Error);
        if (feature is not null)
        {
            if (diskFull) logger.LogError(feature.Error, "No space left on the disk on {Path}", feature.Path);
            else if (unavailable) logger.LogError(feature.Error, "Database unavailable on {Path}", feature.Path);
            else logger.LogError(feature.Error, "Unhandled error on {Path}", feature.Path);
        }
        var code = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        Response.StatusCode = code;
        if (unavailable) Response.Headers.RetryAfter = "30";
        return View("Error", new ErrorViewModel(code, HttpContext.TraceIdentifier));
    }

    [AllowAnonymous, HttpGet("/galat/{code:int}"), HttpPost("/galat/{code:int}")]
    [IgnoreAntiforgeryToken]
    // From the route only: a re-executed POST keeps its form, and a form field named "Code" (the two-factor code)
    // would otherwise be taken for the status code.
    public IActionResult Status([FromRoute] int code) => View("Error", new ErrorViewModel(code, HttpContext.TraceIdentifier));
}

/// <summary>A report in the technician's work queue: where to go, what is wrong, how much time is left, whom to call.</summary>
public sealed record WorkQueueRow(int Id, string Number, string OpdName, Core.Domain.Reports.ReportStatus Status,
    Core.Domain.Reports.FaultCategory Category, string Location, string ReporterName, string? ReporterPhone,
    DateTime SlaClockStartUtc, DateTime? SlaPausedSinceUtc, DateTime? WorkCompletedAtUtc)
{
    public static readonly System.Linq.Expressions.Expression<Func<Core.Domain.Reports.Report, WorkQueueRow>> Projection = r =>
        new WorkQueueRow(r.Id, r.Number, r.Opd!.ShortName ?? r.Opd.Name, r.Status, r.Category, r.Location, r.ReporterName,
            r.ReporterPhone, r.SlaClockStartUtc, r.SlaPausedSinceUtc, r.WorkCompletedAtUtc);

    public Core.Domain.Sla.SlaFacts SlaFacts => new(SlaClockStartUtc, SlaPausedSinceUtc, WorkCompletedAtUtc, false);
}

/// <summary>The reporter's home: the reports waiting for them, then their OPD's open reports.</summary>
public sealed record ReporterHomeModel(IReadOnlyList<ReportListRow> WaitingForMe, IReadOnlyList<ReportListRow> OpdOpen);

public sealed record ErrorViewModel(int StatusCode, string TraceId)
{
    /// <summary>A title of its own instead of the status code's (with <see cref="CustomMessage"/>).</summary>
    public string? CustomTitle { get; init; }

    /// <summary>A message of its own instead of the status code's.</summary>
    public string? CustomMessage { get; init; }

    public string Title => CustomTitle ?? StatusCode switch
    {
        400 => "Permintaan tidak valid",
        403 => "Akses ditolak",
        404 => "Halaman tidak ditemukan",
        429 => "Terlalu banyak permintaan",
        503 => "Layanan sementara tidak tersedia",
        _ when StatusCode >= 500 => "Terjadi gangguan pada sistem",
        _ => "Terjadi kesalahan",
    };

    public string Message => CustomMessage ?? StatusCode switch
    {
        400 => "Permintaan tidak dapat diproses. Muat ulang halaman lalu coba lagi.",
        403 => "Anda tidak memiliki hak untuk membuka halaman ini.",
        404 => "Halaman atau data yang Anda cari tidak ada, atau Anda tidak berhak melihatnya.",
        429 => "Anda mengirim terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.",
        503 => "Sistem sedang tidak dapat mengakses basis data. Data yang sudah tersimpan tetap aman; permintaan yang gagal tidak tersimpan sebagian. Silakan coba lagi beberapa saat lagi.",
        _ when StatusCode >= 500 => "Maaf, terjadi gangguan. Data yang sudah tersimpan tetap aman. Silakan coba lagi beberapa saat lagi.",
        _ => "Terjadi kesalahan saat memproses permintaan Anda.",
    };
}
