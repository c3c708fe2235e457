using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;
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
/// The reconciliation counts all read <c>ReceivedAtUtc</c> and <c>ClosedAtUtc</c> against the same two instants (start
/// of the month, cut-off), so sisa bulan lalu + diterima − selesai − ditolak = sisa akhir bulan always holds.
/// </summary>
public sealed class MonthlyRecapService(AppDbContext db, SlaClock sla, Devices.DeviceFigures deviceFigures)
{
    /// <summary>The recap model, or null when the OPD of the filter does not exist.</summary>
    public async Task<MonthlyRecapDocument?> BuildAsync(RecapPeriod period, WorkflowActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = sla.NowUtc;
        var (startUtc, endUtc) = Bounds(period.Year, period.Month);
        var running = endUtc > now;
        var cutoffUtc = running ? now : endUtc;

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

        var received = await reports.Where(r => r.ReceivedAtUtc >= startUtc && r.ReceivedAtUtc < cutoffUtc)
            .GroupBy(r => new { r.OpdId, r.Category, r.Channel })
            .Select(g => new { g.Key.OpdId, g.Key.Category, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        var completed = await reports
            .Where(r => r.WorkCompletedAtUtc >= startUtc && r.WorkCompletedAtUtc < cutoffUtc && r.SlaElapsedSeconds != null)
            .Select(r => new { r.Id, r.Number, r.OpdId, r.Category, r.ReceivedAtUtc, Seconds = r.SlaElapsedSeconds!.Value }).ToListAsync(ct);
        // Reconciliation: closed and rejected reports carry ClosedAtUtc (set once, never cleared).
        var openAtStart = await reports.CountAsync(r => r.ReceivedAtUtc < startUtc && (r.ClosedAtUtc == null || r.ClosedAtUtc >= startUtc), ct);
        var closedInMonth = reports.Where(r => r.ReceivedAtUtc < cutoffUtc && r.ClosedAtUtc >= startUtc && r.ClosedAtUtc < cutoffUtc);
        var rejected = await closedInMonth.CountAsync(r => r.Status == ReportStatus.Rejected, ct);
        var closed = await closedInMonth.CountAsync(r => r.Status != ReportStatus.Rejected, ct);
        var open = await reports.CountAsync(r => r.ReceivedAtUtc < cutoffUtc && (r.ClosedAtUtc == null || r.ClosedAtUtc >= cutoffUtc), ct);

        var target = sla.Options.Target;
        var kpis = DashboardService.ComputeKpis(open, completed.Select(c => c.Seconds).ToList(), target);
        bool Within(long seconds) => seconds <= target.TotalSeconds; // the rule of ComputeKpis

        var opdNames = await db.Opds.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var opdIds = received.Select(r => r.OpdId).Concat(completed.Select(c => c.OpdId)).Distinct().ToList();
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

        // Twelve months ending with this one: received, and closed (not rejected), by WIB month.
        var (trendStart, _) = Bounds(new DateTime(period.Year, period.Month, 1).AddMonths(-11).Year, new DateTime(period.Year, period.Month, 1).AddMonths(-11).Month);
        // Counted per month in the database (two index range counts a month), never by loading each report's times.
        var trend = new List<RecapTrendPoint>(12);
        for (var i = 0; i < 12; i++)
        {
            var month = new DateTime(period.Year, period.Month, 1).AddMonths(i - 11);
            var (monthStart, monthEnd) = Bounds(month.Year, month.Month);
            if (monthEnd > cutoffUtc) monthEnd = cutoffUtc;
            var receivedInMonth = await reports.CountAsync(r => r.ReceivedAtUtc >= monthStart && r.ReceivedAtUtc < monthEnd, ct);
            var closedInTrendMonth = await reports.CountAsync(r => r.Status != ReportStatus.Rejected && r.ClosedAtUtc >= monthStart && r.ClosedAtUtc < monthEnd, ct);
            trend.Add(new RecapTrendPoint(month.Year, month.Month, receivedInMonth, closedInTrendMonth));
        }

        var devices = await reports.Where(r => r.WorkCompletedAtUtc >= startUtc && r.WorkCompletedAtUtc < cutoffUtc)
            .SelectMany(r => r.Devices.Where(d => d.Purpose == DevicePurpose.Replaced && !d.IsSuperseded),
                (r, d) => new { r.Number, r.OpdId, d.Id, d.Name, d.BrandType, d.SerialNumber, d.NewBrandType, d.NewSerialNumber })
            .ToListAsync(ct);
        var replaced = devices.OrderBy(d => d.Number, StringComparer.Ordinal).ThenBy(d => d.Id)
            .Select(d => new ReplacedDevice(d.Number, opdNames[d.OpdId], d.Name, d.BrandType, d.SerialNumber, d.NewBrandType ?? d.BrandType, d.NewSerialNumber))
            .ToList();

        // Devices (issue #19 point 6): the register's figures, limited to the recap's OPD when it has one.
        var deviceWork = await deviceFigures.ByOpdAsync(period.OpdId, startUtc, cutoffUtc, ct);
        var mostFaults = await deviceFigures.MostFaultsAsync(period.OpdId, trendStart, cutoffUtc, MonthlyRecapTemplate.MostFaultsLimit, ct);
        var onHand = period.OpdId is null ? await deviceFigures.OnHandAsync(ct) : [];

        var overdue = await OverdueAsync(reports, completed.Where(c => !Within(c.Seconds))
            .Select(c => (c.Id, c.Number, c.OpdId, c.ReceivedAtUtc, Hours: c.Seconds / 3600d, StillOpen: false)).ToList(), cutoffUtc, target, opdNames, ct);

        var scores = (await surveys.ToListAsync(ct)).Select(s => s.Scores).ToList();
        var settings = await db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? DocumentSettings.CreateDefault();
        var stored = period.OpdId is null
            ? await db.MonthlyRecapNarratives.AsNoTracking().SingleOrDefaultAsync(n => n.Year == period.Year && n.Month == period.Month, ct)
            : null;
        var narrative = stored is { IsEdited: true }
            ? stored.ToNarrative()
            : await PrefillAsync(reports, startUtc, cutoffUtc, byCategory, overdue.Count, target, ct);

        return new MonthlyRecapDocument
        {
            Letterhead = settings.ToLetterhead(),
            Year = period.Year,
            Month = period.Month,
            OpdName = opdName,
            GeneratedAtUtc = now,
            IsRunningMonth = running,
            CutoffUtc = cutoffUtc,
            OpenAtStart = openAtStart,
            Received = received.Sum(r => r.Count),
            Completed = completed.Count,
            Closed = closed,
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
            Trend = trend,
            DevicesReplaced = replaced,
            Overdue = overdue,
            DeviceWork = deviceWork,
            StockOnHand = onHand,
            MostFaultyDevices = mostFaults,
            Narrative = narrative,
            Ikm = IkmCalculator.Compute(scores.Select(s => (IReadOnlyList<int>)s).ToList()),
            KepalaDinas = await KepalaDinasOnAsync(Wib.DateOf(now), ct),
            CoverLetter = stored is { CoverLetterNumber: { } number, CoverLetterDate: { } date } ? new RecapCoverLetterReference(number, date) : null,
        };
    }

    /// <summary>The month's first instant and the next month's first instant (WIB), in UTC.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) Bounds(int year, int month)
    {
        var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return (Wib.ToUtc(start), Wib.ToUtc(start.AddMonths(1)));
    }

    /// <summary>
    /// The reports over the target: completed in the month after it, and still open at the cut-off past their deadline
    /// (clock time from <c>SlaClockStartUtc</c>, which finished pauses have moved, to the cut-off or the running pause).
    /// Each with what the workflow recorded about it.
    /// </summary>
    private async Task<List<OverdueReport>> OverdueAsync(IQueryable<Report> reports,
        List<(int Id, string Number, int OpdId, DateTime ReceivedAtUtc, double Hours, bool StillOpen)> late,
        DateTime cutoffUtc, TimeSpan target, Dictionary<int, string> opdNames, CancellationToken ct)
    {
        var deadlineBefore = cutoffUtc - target;
        var openLate = await reports
            .Where(r => r.ReceivedAtUtc < cutoffUtc && (r.ClosedAtUtc == null || r.ClosedAtUtc >= cutoffUtc)
                && (r.WorkCompletedAtUtc == null || r.WorkCompletedAtUtc >= cutoffUtc) && r.SlaClockStartUtc < deadlineBefore)
            .Select(r => new { r.Id, r.Number, r.OpdId, r.ReceivedAtUtc, r.SlaClockStartUtc, r.SlaPausedSinceUtc }).ToListAsync(ct);
        foreach (var r in openLate)
        {
            var until = r.SlaPausedSinceUtc is { } paused && paused < cutoffUtc ? paused : cutoffUtc;
            var hours = (until - r.SlaClockStartUtc).TotalHours;
            if (hours > target.TotalHours) late.Add((r.Id, r.Number, r.OpdId, r.ReceivedAtUtc, hours, true));
        }
        if (late.Count == 0) return [];

        var ids = late.Select(l => l.Id).ToList();
        var events = await db.ReportEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ReportId) && (e.Action == WorkflowAction.Return || e.Action == WorkflowAction.Dispute) && e.AtUtc < cutoffUtc && e.Note != null)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var pauses = await db.ReportPauses.AsNoTracking().Where(p => ids.Contains(p.ReportId) && p.PausedAtUtc < cutoffUtc)
            .OrderBy(p => p.PausedAtUtc).ThenBy(p => p.Id).ToListAsync(ct);
        var causes = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.RootCause }).ToDictionaryAsync(r => r.Id, r => r.RootCause, ct);

        return late.OrderBy(l => l.Number, StringComparer.Ordinal).Select(l =>
        {
            var reasons = new List<string>();
            reasons.AddRange(pauses.Where(p => p.ReportId == l.Id).Select(p => $"Ditunda: {SlaLabels.Of(p.Reason).ToLowerInvariant()} ({p.Note})."));
            reasons.AddRange(events.Where(e => e.ReportId == l.Id).Select(e => e.Action == WorkflowAction.Dispute
                ? $"Keberatan pelapor: {e.Note}."
                : $"Dikembalikan {e.CapacityTitle}: {e.Note}."));
            if (causes.GetValueOrDefault(l.Id) is { Length: > 0 } cause) reasons.Add($"Penyebab: {cause}.");
            var text = reasons.Count == 0 ? "Tidak ada alasan yang dicatat pada alur kerja." : string.Join(" ", reasons).Replace("..", ".", StringComparison.Ordinal);
            return new OverdueReport(l.Number, opdNames[l.OpdId], l.ReceivedAtUtc, Math.Round(l.Hours, 1), l.StillOpen, Truncate(text, 600));
        }).ToList();
    }

    /// <summary>
    /// The narrative before anyone edits it, from the month's review notes: permasalahan from the figures (most frequent
    /// category, reports over the target), kendala from the pauses, returns and disputes, tindak lanjut from the Kepala
    /// Seksi's approval notes, rekomendasi from the Kepala Bidang's and Kepala Dinas's.
    /// </summary>
    public async Task<RecapNarrative> PrefillAsync(IQueryable<Report> reports, DateTime startUtc, DateTime cutoffUtc,
        IReadOnlyList<RecapRow> byCategory, int overdue, TimeSpan target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(byCategory);
        var ids = reports.Select(r => r.Id);
        var notes = await db.ReportEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ReportId) && e.AtUtc >= startUtc && e.AtUtc < cutoffUtc && e.Note != null
                && (e.Action == WorkflowAction.Approve || e.Action == WorkflowAction.Return || e.Action == WorkflowAction.Dispute))
            .Join(db.Reports, e => e.ReportId, r => r.Id, (e, r) => new { r.Number, e.Action, e.ActorRole, e.Note, e.AtUtc, e.Id })
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var pauses = await db.ReportPauses.AsNoTracking()
            .Where(p => ids.Contains(p.ReportId) && p.PausedAtUtc >= startUtc && p.PausedAtUtc < cutoffUtc)
            .Join(db.Reports, p => p.ReportId, r => r.Id, (p, r) => new { r.Number, p.Reason, p.Note, p.PausedAtUtc, p.Id })
            .OrderBy(p => p.PausedAtUtc).ThenBy(p => p.Id).ToListAsync(ct);

        var problems = new List<string>();
        if (byCategory.Count > 0)
        {
            var top = byCategory.OrderByDescending(c => c.Received).ThenBy(c => c.Name, StringComparer.Ordinal).First();
            problems.Add($"Gangguan terbanyak: {top.Name} ({top.Received.ToString(CultureInfo.InvariantCulture)} laporan).");
        }
        if (overdue > 0) problems.Add($"{overdue.ToString(CultureInfo.InvariantCulture)} laporan melewati target {IndonesianDate.Duration(target)}.");

        var kendala = pauses.Select(p => $"- {p.Number}: {SlaLabels.Of(p.Reason).ToLowerInvariant()} ({p.Note})")
            .Concat(notes.Where(n => n.Action != WorkflowAction.Approve).Select(n => n.Action == WorkflowAction.Dispute
                ? $"- {n.Number}: keberatan pelapor ({n.Note})"
                : $"- {n.Number}: dikembalikan {Roles.Label(n.ActorRole)} ({n.Note})"));
        string Approvals(params string[] roles) => string.Join("\n", notes
            .Where(n => n.Action == WorkflowAction.Approve && roles.Contains(n.ActorRole))
            .Select(n => $"- {n.Number}: {n.Note} ({Roles.Label(n.ActorRole)})"));
        return new RecapNarrative(
            string.Join(" ", problems),
            Truncate(string.Join("\n", kendala), MonthlyRecapNarrative.MaxPartLength),
            Truncate(Approvals(Roles.KepalaSeksi), MonthlyRecapNarrative.MaxPartLength),
            Truncate(Approvals(Roles.KepalaBidang, Roles.KepalaDinas), MonthlyRecapNarrative.MaxPartLength));
    }

    /// <summary>
    /// Who signs for the Kepala Dinas on <paramref name="date"/> (WIB): the active Kepala Dinas, or, when a Plh.
    /// appointment is in force that day, the acting official with their own name and NIP under "Plh." and the
    /// Kepala Dinas's position.
    /// </summary>
    public async Task<Signer> KepalaDinasOnAsync(DateOnly date, CancellationToken ct)
    {
        var kadis = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.KepalaDinas)))
            .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName, u.Nip, u.Position }).FirstOrDefaultAsync(ct);
        if (kadis is null) return new Signer("..............................", null, "Kepala Dinas");
        var position = string.IsNullOrWhiteSpace(kadis.Position) ? "Kepala Dinas" : kadis.Position;
        var plh = await db.ActingAppointments.AsNoTracking()
            .Where(a => a.OfficialUserId == kadis.Id && a.RevokedAtUtc == null && a.StartDate <= date && a.EndDate >= date && a.Acting!.IsActive)
            .OrderByDescending(a => a.CreatedAtUtc).Select(a => new { a.Acting!.FullName, a.Acting.Nip }).FirstOrDefaultAsync(ct);
        return plh is null
            ? new Signer(kadis.FullName, kadis.Nip, position)
            : new Signer(plh.FullName, plh.Nip, position, IsPlh: true);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
