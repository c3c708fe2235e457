using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Offline;

/// <summary>What the technician's phone keeps for offline use: their own open assignments and the on-site steps.</summary>
public sealed record OfflineAssignmentList(string UserId, string UserName, DateTime GeneratedAtUtc,
    IReadOnlyList<OfflineStepKind> Steps, IReadOnlyList<OfflineAssignment> Reports);

/// <summary>
/// One on-site step of the workflow table (<see cref="Workflow.Transitions"/>, an assigned technician's): the phone
/// reads from it which steps follow which status, so it does not keep a second copy of the transition rules.
/// </summary>
public sealed record OfflineStepKind(string Action, string From, string To, string Label, IReadOnlyList<string> Inputs);

public sealed record OfflineAssignment(int Id, string Number, string Status, string StatusLabel, Guid Version,
    long LastEventId, string Opd, string Location, string Category, string Description, string ReporterName,
    string? ReporterPhone, string? TelLink, string? WhatsAppLink, string ReceivedAt, bool ReplacedDevicesRequired,
    IReadOnlyList<OfflineDevice> Devices, IReadOnlyList<OfflineTimelineEntry> Timeline);

public sealed record OfflineDevice(string Purpose, string Name, string? BrandType, string? SerialNumber, string Condition);

public sealed record OfflineTimelineEntry(long Id, string Action, string At, string ActorName, string? Details, string? Note);

/// <summary>
/// The signed-in technician's open assignments as the phone needs them (docs/offline.md): only reports this technician
/// is assigned to, nothing of another technician's or another OPD's beyond that.
/// </summary>
public sealed class OfflineAssignments(AppDbContext db, TimeProvider clock)
{
    public static IReadOnlyList<OfflineStepKind> StepKinds { get; } = Workflow.Transitions
        .Where(t => t.Actor == ActorRule.AssignedTechnician && OfflineSyncService.OnSiteSteps.Contains(t.Action))
        .Select(t => new OfflineStepKind(t.Action.ToString(), t.From.ToString(), t.To.ToString(), t.Label,
            Enum.GetValues<StepInput>().Where(i => i != StepInput.None && t.Inputs.HasFlag(i)).Select(i => i.ToString()).ToList()))
        .ToList();

    public async Task<OfflineAssignmentList> ForAsync(string userId, string userName, CancellationToken ct = default)
    {
        var reports = await db.Reports.AsNoTracking().AsSplitQuery()
            .Where(r => r.Technicians.Any(t => t.UserId == userId)
                && r.Status != ReportStatus.Closed && r.Status != ReportStatus.Rejected)
            .Include(r => r.Opd).Include(r => r.Events).Include(r => r.Devices)
            .OrderBy(r => r.ReceivedAtUtc)
            .ToListAsync(ct);
        return new OfflineAssignmentList(userId, userName, clock.GetUtcNow().UtcDateTime, StepKinds,
            reports.Select(From).ToList());
    }

    private static OfflineAssignment From(Report r)
    {
        var events = r.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList();
        var phone = PhoneNumber.NormalizeOrNull(r.ReporterPhone);
        return new OfflineAssignment(r.Id, r.Number, r.Status.ToString(), Labels.Of(r.Status), r.Version,
            events.Count == 0 ? 0 : events.Max(e => e.Id), r.Opd?.Name ?? "", r.Location, Labels.Of(r.Category),
            r.Description, r.ReporterName, r.ReporterPhone, phone is null ? null : "tel:" + phone,
            PhoneNumber.WhatsAppLink(phone, $"Halo {r.ReporterName}, kami teknisi Diskominfo untuk laporan {r.Number}."),
            Text(r.ReceivedAtUtc), r.ReplacedDevicesRequired,
            r.Devices.Where(d => !d.IsSuperseded).Select(d => new OfflineDevice(d.Purpose.ToString(), d.Name, d.BrandType,
                d.SerialNumber, Labels.Of(d.Condition))).ToList(),
            events.Select(e => new OfflineTimelineEntry(e.Id, Workflow.ActionLabel(e.Action), Text(e.AtUtc), e.ActorName,
                e.Details, e.Note)).ToList());
    }

    private static string Text(DateTime utc) =>
        Wib.FromUtc(utc).ToString("d MMMM yyyy HH.mm", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + " WIB";
}
