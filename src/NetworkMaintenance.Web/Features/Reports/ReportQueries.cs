using System.Linq.Expressions;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>Reusable report queries: who may see which reports, and which reports wait for whom.</summary>
public static class ReportQueries
{
    /// <summary>
    /// A report's attachments, oldest first; compiled, as the report page reads them on every view, and tagged: its
    /// prepared statement is reused (<see cref="SqlitePreparedStatements"/>).
    /// </summary>
    public static readonly Func<AppDbContext, int, IAsyncEnumerable<Attachment>> AttachmentsOf =
        EF.CompileAsyncQuery<AppDbContext, int, Attachment>((db, reportId) =>
            db.Attachments.TagWith(SqlitePreparedStatements.Tag).AsNoTracking().Where(a => a.ReportId == reportId).OrderBy(a => a.Id));

    /// <summary>Whether the reporter filled in the satisfaction survey of a report; compiled, as <see cref="AttachmentsOf"/>.</summary>
    public static readonly Func<AppDbContext, int, CancellationToken, Task<bool>> SurveyDone =
        EF.CompileAsyncQuery((AppDbContext db, int reportId, CancellationToken ct) =>
            db.SatisfactionSurveys.TagWith(SqlitePreparedStatements.Tag).Any(s => s.ReportId == reportId));

    /// <summary>
    /// Reports the actor may see: OPD staff their own OPD's; technicians the reports assigned to them;
    /// Diskominfo's officials and front desk all; anyone else none.
    /// </summary>
    public static IQueryable<Report> VisibleTo(this IQueryable<Report> reports, WorkflowActor actor) =>
        reports.Where(CanView(actor));

    /// <summary>Officials, the front desk and any Plh. see every report.</summary>
    public static bool SeesAll(WorkflowActor actor) =>
        actor.HasRole(Roles.KepalaDinas) || actor.HasRole(Roles.KepalaBidang) || actor.HasRole(Roles.KepalaSeksi)
        || actor.HasRole(Roles.PetugasLayanan) || actor.ActingFor.Count > 0;

    /// <summary>
    /// The visibility rule for a report in memory (the per-report authorization handler): <see cref="CanView"/>, which
    /// the database evaluates for lists, said over the report's parties. Keep the two together.
    /// </summary>
    public static bool MaySee(IReportParties report, WorkflowActor actor) =>
        SeesAll(actor)
        || (actor.HasRole(Roles.Pelapor) && actor.OpdId is { } opdId && report.OpdId == opdId)
        || (actor.HasRole(Roles.Teknisi) && report.TechnicianUserIds.Contains(actor.UserId));

    /// <summary>The visibility rule as a query, used by list queries; <see cref="MaySee"/> is the same rule in memory.</summary>
    public static System.Linq.Expressions.Expression<Func<Report, bool>> CanView(WorkflowActor actor)
    {
        if (SeesAll(actor))
        {
            return r => true;
        }

        var opdId = actor.HasRole(Roles.Pelapor) ? actor.OpdId : null;
        var technician = actor.HasRole(Roles.Teknisi);
        var userId = actor.UserId;
        return r => (opdId != null && r.OpdId == opdId)
            || (technician && r.Technicians.Any(t => t.UserId == userId));
    }

    // Which states wait for whom is the workflow table's (Workflow.StatesAwaiting), read once.
    private static readonly ReportStatus[] KadisStates = [.. WorkflowTable.StatesAwaiting(ActorRule.KepalaDinas)];
    private static readonly ReportStatus[] KabidStates = [.. WorkflowTable.StatesAwaiting(ActorRule.DisposedKabid)];
    private static readonly ReportStatus[] KasiStates = [.. WorkflowTable.StatesAwaiting(ActorRule.DisposedKasi)];
    private static readonly ReportStatus[] TechnicianStates = [.. WorkflowTable.StatesAwaiting(ActorRule.AssignedTechnician)];
    private static readonly ReportStatus[] ReporterStates = [.. WorkflowTable.StatesAwaiting(ActorRule.Reporter, ActorRule.ReporterOrFrontDesk)];

    /// <summary>
    /// Reports in one of <paramref name="states"/>, the states written into the SQL as literals. A list of states sent as
    /// parameters (a captured list, or EF.Constant) makes EF write the statement's SQL again on every execution.
    /// </summary>
    public static Expression<Func<Report, bool>> StatusIn(IEnumerable<ReportStatus> states) => Predicates.In((Report r) => r.Status, states);

    /// <summary>Reports in none of <paramref name="states"/>; as <see cref="StatusIn"/>.</summary>
    public static Expression<Func<Report, bool>> StatusNotIn(IEnumerable<ReportStatus> states) => Predicates.Not(StatusIn(states));

    /// <summary>
    /// "Menunggu tindakan saya": reports whose next step is this actor's, directly or as Plh. Only the branches that
    /// apply to the actor are in the query (<see cref="Predicates"/>), so EF writes each actor's statement once.
    /// </summary>
    public static IQueryable<Report> AwaitingActionBy(this IQueryable<Report> reports, WorkflowActor actor)
    {
        var awaiting = new List<Expression<Func<Report, bool>>>();
        if (actor.HasRole(Roles.KepalaDinas) || actor.ActingFor.Any(o => o.Roles.Contains(Roles.KepalaDinas)))
        {
            // An e-mail report waits for the front desk's confirmation before the Kadis's (Workflow.WaitsForFrontDesk).
            // Compared with a parameter (EF writes "NOT x" for a literal false): an equality on the (Status,
            // AwaitsIntakeConfirmation, SlaClockStartUtc) index, so the Kadis's queue is read from the front of each
            // state's range in clock order.
            var confirmed = false;
            awaiting.Add(Predicates.And(StatusIn(KadisStates), r => r.AwaitsIntakeConfirmation == confirmed));
        }
        if (actor.HasRole(Roles.PetugasLayanan)) awaiting.Add(r => r.AwaitsIntakeConfirmation);
        foreach (var kabidId in OfficialIds(actor, Roles.KepalaBidang))
        {
            awaiting.Add(Predicates.And(StatusIn(KabidStates), r => r.KabidUserId == kabidId));
        }
        foreach (var kasiId in OfficialIds(actor, Roles.KepalaSeksi))
        {
            awaiting.Add(Predicates.And(StatusIn(KasiStates), r => r.KasiUserId == kasiId));
        }
        if (actor.HasRole(Roles.Teknisi))
        {
            var userId = actor.UserId;
            awaiting.Add(Predicates.And(StatusIn(TechnicianStates), r => r.Technicians.Any(t => t.UserId == userId)));
        }
        if (actor.HasRole(Roles.Pelapor) && actor.OpdId is { } opdId)
        {
            awaiting.Add(Predicates.And(StatusIn(ReporterStates), r => r.OpdId == opdId));
        }
        return reports.Where(Predicates.AnyOf(awaiting));
    }

    private static List<string> OfficialIds(WorkflowActor actor, string role)
    {
        var ids = actor.ActingFor.Where(o => o.Roles.Contains(role)).Select(o => o.OfficialUserId).ToList();
        if (actor.HasRole(role)) ids.Add(actor.UserId);
        return ids;
    }
}
