using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Dashboard;

/// <summary>A month asked for on the recap form: "2026-11", optionally one OPD.</summary>
public sealed record RecapPeriod(int Year, int Month, int? OpdId)
{
    /// <summary>
    /// Reads the form's <c>bulan</c> ("yyyy-MM", as an HTML month input sends it) and <c>opd</c>; the error is the
    /// Indonesian message to show, null when the input is usable. A month that has not begun (WIB) is refused.
    /// </summary>
    public static (RecapPeriod? Period, string? Error) Parse(string? bulan, string? opd, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(bulan)
            || !DateTime.TryParseExact(bulan.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            || month.Year < 2000)
        {
            return (null, "Bulan tidak valid. Pilih bulan dan tahun, misalnya November 2026 (2026-11).");
        }

        var now = Wib.FromUtc(nowUtc);
        if (month > new DateTime(now.Year, now.Month, 1)) return (null, "Rekap hanya dapat dibuat untuk bulan yang sudah berjalan.");
        int? opdId = null;
        if (!string.IsNullOrWhiteSpace(opd))
        {
            if (!int.TryParse(opd, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return (null, "OPD tidak valid.");
            opdId = id;
        }
        return (new RecapPeriod(month.Year, month.Month, opdId), null);
    }
}

/// <summary>
/// The figures of the Rekap Bulanan. They follow the dashboard's definitions (<see cref="DashboardService"/>): a report
/// counts as completed in the month its work was completed (WIB), its time is the SLA clock's
/// (<c>SlaElapsedSeconds</c>), and median, 90th percentile and compliance come from <see cref="DashboardService.ComputeKpis"/>;
/// the IKM from <see cref="IkmCalculator"/> over the surveys submitted in the month, as on the IKM page.
/// </summary>
public sealed class MonthlyRecapService(AppDbContext db, SlaClock sla)
{
    /// <summary>The recap model, or null when the OPD of the filter does not exist.</summary>
    public async Task<MonthlyRecapDocument?> BuildAsync(RecapPeriod period, WorkflowActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = sla.NowUtc;
        var startUtc = Wib.ToUtc(new DateTime(period.Year, period.Month, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var endUtc = Wib.ToUtc(new DateTime(period.Year, period.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1));
        var cutoffUtc = endUtc < now ? endUtc : now;

        string? opdName = null;
        var reports = db.Reports.AsNoTracking().VisibleTo(actor);
        var surveys = db.SatisfactionSurveys.AsNoTracking().Where(s => s.SubmittedAtUtc >= startUtc && s.SubmittedAtUtc < endUtc);
        if (period.OpdId is int opdId)
        {
            opdName = await db.Opds.AsNoTracking().Where(o => o.Id == opdId).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (opdName is null) return null;
            reports = reports.Where(r => r.OpdId == opdId);
            surveys = surveys.Where(s => s.OpdId == opdId);
        }

        var received = await reports.Where(r => r.ReceivedAtUtc >= startUtc && r.ReceivedAtUtc < endUtc)
            .GroupBy(r => new { r.OpdId, r.Category, r.Channel })
            .Select(g => new { g.Key.OpdId, g.Key.Category, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        var completed = await reports
            .Where(r => r.WorkCompletedAtUtc >= startUtc && r.WorkCompletedAtUtc < endUtc && r.SlaElapsedSeconds != null)
            .Select(r => new { r.OpdId, r.Category, Seconds = r.SlaElapsedSeconds!.Value }).ToListAsync(ct);
        var rejected = await reports.CountAsync(r => r.Status == ReportStatus.Rejected && r.ClosedAtUtc >= startUtc && r.ClosedAtUtc < endUtc, ct);
        // Closed and rejected reports carry ClosedAtUtc: open at the cut-off = received before it and not finished before it.
        var open = await reports.CountAsync(r => r.ReceivedAtUtc < cutoffUtc && (r.ClosedAtUtc == null || r.ClosedAtUtc >= cutoffUtc), ct);

        var target = sla.Options.Target;
        var kpis = DashboardService.ComputeKpis(open, completed.Select(c => c.Seconds).ToList(), target);
        bool Within(long seconds) => seconds <= target.TotalSeconds; // the rule of ComputeKpis

        var opdIds = received.Select(r => r.OpdId).Concat(completed.Select(c => c.OpdId)).Distinct().ToList();
        var opdNames = await db.Opds.AsNoTracking().Where(o => opdIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var byOpd = opdIds.Select(id => new RecapRow(opdNames[id],
                received.Where(r => r.OpdId == id).Sum(r => r.Count),
                completed.Count(c => c.OpdId == id),
                completed.Count(c => c.OpdId == id && Within(c.Seconds))))
            .OrderByDescending(r => r.Received).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byCategory = Enum.GetValues<FaultCategory>()
            .Select(cat => new RecapRow(Labels.Of(cat),
                received.Where(r => r.Category == cat).Sum(r => r.Count),
                completed.Count(c => c.Category == cat),
                completed.Count(c => c.Category == cat && Within(c.Seconds))))
            .Where(r => r.Received > 0 || r.Completed > 0).ToList();
        var byChannel = Enum.GetValues<ReportChannel>()
            .Select(ch => new ChannelCount(Labels.Of(ch), received.Where(r => r.Channel == ch).Sum(r => r.Count)))
            .Where(c => c.Count > 0).ToList();

        var scores = (await surveys.ToListAsync(ct)).Select(s => s.Scores).ToList();
        var settings = await db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? DocumentSettings.CreateDefault();

        return new MonthlyRecapDocument
        {
            Letterhead = settings.ToLetterhead(),
            Year = period.Year,
            Month = period.Month,
            OpdName = opdName,
            GeneratedAtUtc = now,
            Received = received.Sum(r => r.Count),
            Completed = completed.Count,
            Rejected = rejected,
            OpenAtEnd = open,
            OpenCountedOn = Wib.DateOf(cutoffUtc.AddTicks(-1)),
            ByChannel = byChannel,
            CompletedWithinTarget = completed.Count(c => Within(c.Seconds)),
            CompliancePercent = kpis.CompliancePercent,
            MedianHours = kpis.MedianHours,
            P90Hours = kpis.P90Hours,
            Target = target,
            ByOpd = byOpd,
            ByCategory = byCategory,
            Ikm = IkmCalculator.Compute(scores.Select(s => (IReadOnlyList<int>)s).ToList()),
            KepalaDinas = await KepalaDinasAsync(ct),
        };
    }

    /// <summary>The active Kepala Dinas's name, NIP and position as the user record holds them (as the other documents print them).</summary>
    private async Task<Signer> KepalaDinasAsync(CancellationToken ct)
    {
        var kadis = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.KepalaDinas)))
            .OrderBy(u => u.FullName).Select(u => new { u.FullName, u.Nip, u.Position }).FirstOrDefaultAsync(ct);
        return kadis is null
            ? new Signer("..............................", null, "Kepala Dinas")
            : new Signer(kadis.FullName, kadis.Nip, string.IsNullOrWhiteSpace(kadis.Position) ? "Kepala Dinas" : kadis.Position);
    }
}
