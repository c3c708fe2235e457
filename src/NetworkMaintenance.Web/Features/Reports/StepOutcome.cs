namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>
/// The outcome of a change to a report (a workflow step, pausing or resuming its clock) as a type: the controller
/// switches on it, and no message text decides what happens next.
/// </summary>
public abstract record StepOutcome
{
    /// <summary>What the person is told when the report moved on since their page was drawn.</summary>
    public const string ConflictMessage =
        "Laporan ini baru saja diproses oleh orang lain (atau formulir terkirim dua kali). Langkah Anda tidak disimpan; periksa status terbaru di bawah ini.";

    private StepOutcome() { }

    /// <summary>No such report, or one the person may not see: they learn nothing about it, not even that it exists.</summary>
    public sealed record NotFound : StepOutcome;

    /// <summary>The step's form, filled in with what the report already knows (the step page).</summary>
    public sealed record Form(StepModel Page) : StepOutcome;

    /// <summary>Recorded (and saved); <paramref name="Message"/> says what happened.</summary>
    public sealed record Done(string Message) : StepOutcome;

    /// <summary>
    /// Nothing recorded because the report is not where the person's page had it: someone else acted (or the form was
    /// sent twice), or the step is not (or no longer) theirs. They go back to the report, told why.
    /// </summary>
    public sealed record Conflict(string Message) : StepOutcome;

    /// <summary>
    /// Nothing recorded because the input was refused, by the form's rules or the domain's: the form is shown again
    /// (<paramref name="Page"/>, when the change has a form) with the reasons.
    /// </summary>
    public sealed record Refused(IReadOnlyList<StepRefusal> Reasons, StepModel? Page = null) : StepOutcome;

    public static StepOutcome Refuse(string message, StepModel? page = null) => new Refused([new StepRefusal("", message)], page);
}

/// <summary>One reason a step was refused; <paramref name="Field"/> names the form field, or is empty for the whole form.</summary>
public sealed record StepRefusal(string Field, string Message);

/// <summary>
/// A step recorded on the technician's phone without a network and synced later (docs/offline.md): when it was done
/// there (UTC), and what to add to the step's transaction once the report's method has run (the idempotency receipt,
/// the photos), given the report, its new event and the sync time.
/// </summary>
public sealed record OfflineStep(DateTime DoneAtUtc,
    Func<Core.Domain.Reports.Report, Core.Domain.Reports.ReportEvent, DateTime, CancellationToken, Task> StageAsync);
