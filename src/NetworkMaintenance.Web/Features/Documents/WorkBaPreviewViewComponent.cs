using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>Who will be printed as PIHAK KEDUA (the OPD's receiving party) of the work Berita Acara.</summary>
public sealed record ReceivingParty(string Name, string? Nip, string Position, bool IsReporter);

/// <summary>
/// What the step form of an acknowledgement or an approval shows above its button: the work Berita Acara being
/// acknowledged or approved (its current version's number and a link to its PDF, and its content: the work times, what
/// was done, the cause, the devices) and, for the reporter's acknowledgement, who will appear on it as the receiving
/// party.
/// </summary>
public sealed record WorkBaPreviewModel(
    ReportView Report,
    WorkflowAction Action,
    int? DocumentId,
    string? DocumentNumber,
    int? DocumentVersion,
    ReceivingParty? ReceivingParty);

/// <summary>Renders <see cref="WorkBaPreviewModel"/> on Views/Reports/Step.cshtml (docs/daily-use.md).</summary>
public sealed class WorkBaPreviewViewComponent(AppDbContext db, ActorFactory actors) : ViewComponent
{
    /// <summary>The steps whose form shows the Berita Acara.</summary>
    public static bool Shows(WorkflowAction action) =>
        action is WorkflowAction.Acknowledge or WorkflowAction.AcknowledgeOnSite or WorkflowAction.Approve;

    public async Task<IViewComponentResult> InvokeAsync(ReportView report, WorkflowAction action)
    {
        ArgumentNullException.ThrowIfNull(report);
        var ct = HttpContext.RequestAborted;
        var document = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.ReportId == report.Id && d.Type == DocumentType.WorkBa && !d.IsSuperseded)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Id, d.Number, d.Version })
            .FirstOrDefaultAsync(ct);

        ReceivingParty? party = null;
        if (action == WorkflowAction.Acknowledge && await actors.ForUserAsync(UserClaimsPrincipal.UserId(), ct) is { } actor)
        {
            // The rule of ReportDocumentMapper.Acknowledger: the account that acknowledges is PIHAK KEDUA, with its own
            // name, NIP and position (the report's reporter position, or the fallback, when the account has none).
            party = new ReceivingParty(actor.FullName, actor.Nip,
                actor.Position ?? report.ReporterPosition ?? ReportDocumentMapper.ReporterPositionFallback,
                string.Equals(actor.FullName, report.ReporterName, StringComparison.OrdinalIgnoreCase));
        }

        return View(new WorkBaPreviewModel(report, action, document?.Id, document?.Number, document?.Version, party));
    }
}
