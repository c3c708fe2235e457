using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>Turns a validated step form into the report's domain method for that step.</summary>
public sealed class StepService(ReportService reports)
{
    public Task<StepResult> ApplyAsync(int reportId, WorkflowAction action, StepInputForm form, WorkflowActor actor,
        CancellationToken ct) =>
        reports.ApplyAsync(reportId, form.Version, actor, async (report, now) => action switch
        {
            WorkflowAction.Dispose => report.Dispose(actor, await DispositionAsync(form, ct), now),
            WorkflowAction.Verify => report.Verify(actor, await DispositionAsync(form, ct), now),
            WorkflowAction.Reject => report.Reject(actor, form.Reason ?? "", now),
            WorkflowAction.Assign => report.Assign(actor, await AssignmentAsync(form, ct), now),
            WorkflowAction.StartDiagnosis => report.StartDiagnosis(actor, form.Note, now),
            WorkflowAction.DiagnoseInDataCenter or WorkflowAction.DiagnoseOutsideDataCenter => report.RecordDiagnosis(actor,
                new DiagnosisInput(form.FaultType ?? "", form.FaultLocation ?? "", form.Findings ?? ""),
                inDataCenterNetwork: action == WorkflowAction.DiagnoseInDataCenter, now),
            WorkflowAction.InspectRepair or WorkflowAction.InspectReplace => report.RecordInspection(actor,
                new InspectionInput(Wib.ToUtc(form.VisitedAt ?? Wib.FromUtc(now)), form.Findings ?? "", form.ReporterPresent,
                    form.VisitEndedAt is { } visitEnded ? Wib.ToUtc(visitEnded) : null),
                replacementNeeded: action == WorkflowAction.InspectReplace, now),
            WorkflowAction.SubmitReplacementRequest => report.SubmitReplacementRequest(actor,
                new ReplacementRequestInput(form.FilledDevices.Select(d => d.ToLine()).ToList(), form.Note), now),
            WorkflowAction.CompleteWork => report.CompleteWork(actor, new WorkReportInput(form.ActionsTaken ?? "", form.RootCause,
                form.FilledDevices.Select(d => d.ToLine()).ToList(),
                form.FilledReplacedDevices.Select(d => d.ToLine()).ToList(),
                form.WorkStartedAt is { } started ? Wib.ToUtc(started) : null,
                form.WorkFinishedAt is { } finished ? Wib.ToUtc(finished) : null), now),
            WorkflowAction.Acknowledge => report.Acknowledge(actor, form.Note, now),
            WorkflowAction.AcknowledgeOnSite => report.AcknowledgeOnSite(actor,
                new OnSiteSignature(form.SignerName ?? "", DecodeSignature(form.SignatureDataUrl)), now),
            WorkflowAction.Dispute => report.Dispute(actor, form.Reason ?? "", now),
            WorkflowAction.Approve => report.Approve(actor, form.Note, now),
            WorkflowAction.Return => report.Return(actor, form.Reason ?? "", now),
            _ => throw new DomainException("Langkah ini tidak dikenal."),
        }, ct);

    private async Task<Disposition> DispositionAsync(StepInputForm form, CancellationToken ct)
    {
        var to = await reports.PersonAsync(form.TargetUserId, ct) ?? throw new DomainException("Pejabat tujuan disposisi tidak ditemukan.");
        var instructions = form.Instructions.Aggregate(StandardInstruction.None, (all, i) => all | i);
        DateTime? due = form.DueAt is { } wib ? Wib.ToUtc(wib) : null;
        return new Disposition(to, instructions, form.Note, due);
    }

    private async Task<TechnicianAssignment> AssignmentAsync(StepInputForm form, CancellationToken ct)
    {
        var people = new List<PersonRef>();
        foreach (var id in form.TechnicianIds.Distinct())
        {
            people.Add(await reports.PersonAsync(id, ct) ?? throw new DomainException("Staf yang dipilih tidak ditemukan."));
        }
        var instructions = form.Instructions.Aggregate(StandardInstruction.None, (all, i) => all | i);
        // A single technician is the lead.
        var lead = string.IsNullOrEmpty(form.LeadUserId) && people.Count == 1 ? people[0].UserId : form.LeadUserId ?? "";
        return new TechnicianAssignment(people, lead, instructions, form.Note);
    }

    private static byte[] DecodeSignature(string? dataUrl)
    {
        try
        {
            var bytes = Convert.FromBase64String((dataUrl ?? "")[StepInputFormValidator.SignaturePrefix.Length..]);
            // A PNG starts with its 8-byte signature; anything else is refused.
            ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
            if (bytes.Length < png.Length || !bytes.AsSpan(0, png.Length).SequenceEqual(png))
                throw new DomainException("Tanda tangan harus berupa gambar PNG.");
            // Checked before anything decodes it: a small PNG may declare millions of pixels.
            return UntrustedImage.Check(bytes) switch
            {
                ImageCheck.Ok => bytes,
                ImageCheck.TooLarge => throw new DomainException(
                    $"Gambar tanda tangan terlalu besar (paling besar {UntrustedImage.MaxSide} × {UntrustedImage.MaxSide} piksel). Minta pelapor menandatangani lagi."),
                _ => throw new DomainException("Tanda tangan tidak terbaca. Minta pelapor menandatangani lagi."),
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            throw new DomainException("Tanda tangan tidak terbaca. Minta pelapor menandatangani lagi.");
        }
    }
}
