namespace NetworkMaintenance.Core.Domain.Sla;

/// <summary>
/// One pause of a report's 24-hour clock, with its reason; shown in the timeline. Created when the clock is
/// paused and completed once when it resumes; never deleted.
/// </summary>
public class ReportPause
{
    private ReportPause() { }

    internal ReportPause(SlaPauseReason reason, string note, DateTime pausedAtUtc, string userId, string userName)
    {
        Reason = reason;
        Note = note;
        PausedAtUtc = pausedAtUtc;
        PausedByUserId = userId;
        PausedByName = userName;
    }

    public long Id { get; private set; }
    public int ReportId { get; private set; }
    public SlaPauseReason Reason { get; private set; }
    public string Note { get; private set; } = "";
    public DateTime PausedAtUtc { get; private set; }
    public string PausedByUserId { get; private set; } = "";
    public string PausedByName { get; private set; } = "";
    public DateTime? ResumedAtUtc { get; private set; }
    public string? ResumedByUserId { get; private set; }
    public string? ResumedByName { get; private set; }

    /// <summary>Set when a workflow step ended the pause rather than an explicit resume.</summary>
    public bool ResumedByStep { get; private set; }

    public bool IsOpen => ResumedAtUtc is null;

    internal void Resume(DateTime atUtc, string? userId, string userName, bool byStep)
    {
        if (ResumedAtUtc is not null) throw new DomainException("Jeda ini sudah diakhiri.");
        ResumedAtUtc = atUtc;
        ResumedByUserId = userId;
        ResumedByName = userName;
        ResumedByStep = byStep;
    }
}

/// <summary>Which SLA escalation was sent.</summary>
public enum SlaEscalationKind
{
    Warning,
    Breach,
}

/// <summary>Records that an SLA escalation was sent for a report, so each kind goes out exactly once.</summary>
public class SlaEscalation
{
    private SlaEscalation() { }

    public SlaEscalation(int reportId, SlaEscalationKind kind, DateTime sentAtUtc)
    {
        ReportId = reportId;
        Kind = kind;
        SentAtUtc = sentAtUtc;
    }

    public long Id { get; private set; }
    public int ReportId { get; private set; }
    public SlaEscalationKind Kind { get; private set; }
    public DateTime SentAtUtc { get; private set; }
}
