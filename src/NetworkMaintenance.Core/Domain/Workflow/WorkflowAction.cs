namespace NetworkMaintenance.Core.Domain.Workflow;

/// <summary>Everything a person can do to a report. Which action is legal when, and for whom, is in <see cref="Workflow"/>.</summary>
public enum WorkflowAction
{
    Submit,
    Dispose,
    Reject,
    Verify,
    Assign,
    StartDiagnosis,
    DiagnoseInDataCenter,
    DiagnoseOutsideDataCenter,
    InspectRepair,
    InspectReplace,
    SubmitReplacementRequest,
    CompleteWork,
    Acknowledge,
    AcknowledgeOnSite,
    Dispute,
    Approve,
    Return,
    /// <summary>A timeline note that changes no state (a repeated or resolved alert, an e-mail reply). Not a transition.</summary>
    Note,
    /// <summary>The Kadis closes a monitoring report whose alert resolved before anyone acted ("selesai dengan sendirinya").</summary>
    CloseResolvedByItself,
}

/// <summary>Who may take a step, relative to the report.</summary>
public enum ActorRule
{
    /// <summary>The Kepala Dinas (there is one), or their Plh.</summary>
    KepalaDinas,
    /// <summary>The Kepala Bidang the report was disposed to, or their Plh.</summary>
    DisposedKabid,
    /// <summary>The Kepala Seksi the report was disposed to, or their Plh.</summary>
    DisposedKasi,
    /// <summary>A technician assigned to the report.</summary>
    AssignedTechnician,
    /// <summary>OPD staff (Pelapor) of the report's OPD.</summary>
    Reporter,
    /// <summary>OPD staff of the report's OPD, or the front desk entering the reporter's paper form.</summary>
    ReporterOrFrontDesk,
    /// <summary>The Kepala Dinas (or Plh.), only on a monitoring report whose alert has resolved.</summary>
    KepalaDinasOnResolvedAlert,
}

/// <summary>The inputs a step needs besides who acts; the pages and the validators read these.</summary>
[Flags]
public enum StepInput
{
    None = 0,
    Reason = 1,
    Note = 2,
    Kabid = 4,
    Kasi = 8,
    Instructions = 16,
    DueDate = 32,
    Technicians = 64,
    Diagnosis = 128,
    Inspection = 256,
    ReplacementDevices = 512,
    WorkReport = 1024,
    Signature = 2048,
}
