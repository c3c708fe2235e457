using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>A step's empty form, prefilled with what the report already knows.</summary>
public static class StepForms
{
    public static StepInputForm Prefilled(ReportView report, WorkflowAction action, DateTime nowUtc)
    {
        var form = new StepInputForm { Version = report.Version, Requirements = report.RequirementsFor(action) ?? StepRequirements.None };
        if (action == WorkflowAction.SubmitReplacementRequest || action == WorkflowAction.CompleteWork)
        {
            form.Devices = Enumerable.Range(0, 3).Select(_ => new DeviceRow()).ToList();
            form.ReplacedDevices = report.CurrentDevices(DevicePurpose.ReplacementRequest)
                .Select(d => new DeviceRow { Name = d.Name, BrandType = d.BrandType, SerialNumber = d.SerialNumber, Condition = d.Condition, Notes = d.Notes })
                .DefaultIfEmpty(new DeviceRow()).ToList();
        }
        if (action is WorkflowAction.DiagnoseInDataCenter or WorkflowAction.DiagnoseOutsideDataCenter
            or WorkflowAction.InspectRepair or WorkflowAction.InspectReplace)
        {
            // The devices examined so far (the diagnosis's, at the inspection), and room for more.
            form.Devices = report.CurrentDevices(DevicePurpose.Examined).Select(ToRow).Append(new DeviceRow()).ToList();
        }
        if (action == WorkflowAction.CompleteWork && report.ActionsTaken is null && report.Status != ReportStatus.Replacing)
        {
            // A first work report of a repair: the devices examined are the ones repaired, until the technician says otherwise.
            var examined = report.CurrentDevices(DevicePurpose.Examined).Select(ToRow).ToList();
            if (examined.Count > 0) form.Devices = examined.Append(new DeviceRow()).ToList();
        }
        if (action == WorkflowAction.CompleteWork)
        {
            // The actual times of the work, prefilled with the step times; the technician corrects them.
            var started = report.Events.Where(e => e.Action == WorkflowAction.StartDiagnosis).Select(e => (DateTime?)e.AtUtc).LastOrDefault();
            form.WorkStartedAt = Wib.FromUtc(started ?? report.ReceivedAtUtc);
            form.WorkFinishedAt = Wib.FromUtc(nowUtc);
        }
        if (action == WorkflowAction.CompleteWork && report.ActionsTaken is not null)
        {
            // A revision (returned by the Kasi) or a dispute: the technician corrects the last work report, not retypes it.
            form.ActionsTaken = report.ActionsTaken;
            form.RootCause = report.RootCause;
            form.Devices = report.CurrentDevices(DevicePurpose.Repaired).Select(ToRow).Append(new DeviceRow()).ToList();
            var replaced = report.CurrentDevices(DevicePurpose.Replaced).Select(ToRow).ToList();
            if (replaced.Count > 0) form.ReplacedDevices = replaced;
            // A paperwork revision keeps the stated times of the work; after a dispute the work is done again.
            if (report.Status == ReportStatus.Revision && report.WorkStartedAtUtc is { } lastStart && report.WorkFinishedAtUtc is { } lastFinish)
            {
                form.WorkStartedAt = Wib.FromUtc(lastStart);
                form.WorkFinishedAt = Wib.FromUtc(lastFinish);
            }
        }
        if (action is WorkflowAction.InspectRepair or WorkflowAction.InspectReplace)
        {
            // The actual times of the visit, prefilled with the step times (diagnosis recorded, now); the technician corrects them.
            form.VisitedAt = Wib.FromUtc(report.DiagnosedAtUtc ?? nowUtc);
            form.VisitEndedAt = Wib.FromUtc(nowUtc);
            form.ReporterPresent = true;
        }
        if (action == WorkflowAction.AcknowledgeOnSite) form.SignerName = report.ReporterName;
        return form;
    }

    private static DeviceRow ToRow(ReportDeviceView d) => new()
    {
        Name = d.Name, BrandType = d.BrandType, SerialNumber = d.SerialNumber, Condition = d.Condition, Notes = d.Notes,
        NewBrandType = d.NewBrandType, NewSerialNumber = d.NewSerialNumber,
        DeviceId = d.RegisteredDeviceId, NewDeviceId = d.NewRegisteredDeviceId,
    };
}
