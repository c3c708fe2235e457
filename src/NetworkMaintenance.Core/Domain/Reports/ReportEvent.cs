using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Core.Domain.Reports;

/// <summary>
/// One line of a report's timeline: who did what, in which role or as Plh. for whom, when, from which state to
/// which. Append-only: events are never edited or deleted.
/// </summary>
public class ReportEvent
{
    private ReportEvent() { }

    internal ReportEvent(WorkflowAction action, ReportStatus? from, ReportStatus to, DateTime atUtc,
        WorkflowActor actor, ActingCapacity capacity, string? note)
    {
        Action = action;
        FromStatus = from;
        ToStatus = to;
        AtUtc = atUtc;
        ActorUserId = actor.UserId;
        ActorName = actor.FullName;
        ActorPosition = actor.Position;
        ActorNip = actor.Nip;
        ActorRole = capacity.Role;
        OnBehalfOfUserId = capacity.OnBehalfOf?.OfficialUserId;
        OnBehalfOfName = capacity.OnBehalfOf?.FullName;
        OnBehalfOfPosition = capacity.OnBehalfOf?.Position;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public long Id { get; private set; }
    public int ReportId { get; private set; }
    public WorkflowAction Action { get; private set; }
    public ReportStatus? FromStatus { get; private set; }
    public ReportStatus ToStatus { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? ActorPosition { get; private set; }
    public string? ActorNip { get; private set; }
    public string ActorRole { get; private set; } = "";
    public string? OnBehalfOfUserId { get; private set; }
    public string? OnBehalfOfName { get; private set; }
    public string? OnBehalfOfPosition { get; private set; }
    public string? Note { get; private set; }

    /// <summary>What was recorded in the step (diagnosis, findings, actions), in readable Indonesian.</summary>
    public string? Details { get; private set; }

    /// <summary>For dispositions and assignments: to whom.</summary>
    public string? TargetUserId { get; private set; }
    public string? TargetName { get; private set; }
    public StandardInstruction Instructions { get; private set; }
    public DateTime? DueAtUtc { get; private set; }

    /// <summary>Seconds the report spent in <see cref="FromStatus"/> before this step (for time-per-step figures in SQL).</summary>
    public long? SecondsInFromStatus { get; private set; }

    /// <summary>
    /// When the step reached the server, for a step recorded on the technician's phone without a network and synced
    /// later (docs/offline.md): <see cref="AtUtc"/> is then when the work was done, and this is the sync time. Null for
    /// a step recorded online.
    /// </summary>
    public DateTime? RecordedAtUtc { get; private set; }

    /// <summary>Marks the step as recorded later (synced at <paramref name="syncedAtUtc"/>), when that is after it was done.</summary>
    public void RecordedLater(DateTime syncedAtUtc)
    {
        if (RecordedAtUtc is not null) throw new DomainException("Waktu sinkronisasi langkah sudah tercatat.");
        if (syncedAtUtc > AtUtc) RecordedAtUtc = syncedAtUtc;
    }

    public bool IsPlh => OnBehalfOfUserId is not null;

    /// <summary>"Plh. Kepala Dinas Komunikasi dan Informatika" or the actor's own position.</summary>
    public string CapacityTitle => IsPlh
        ? "Plh. " + (OnBehalfOfPosition ?? Roles.Label(ActorRole))
        : ActorPosition ?? Roles.Label(ActorRole);

    internal void SpentInPreviousState(TimeSpan duration) => SecondsInFromStatus = (long)duration.TotalSeconds;

    internal void Describe(string? details) => Details = string.IsNullOrWhiteSpace(details) ? null : details;

    internal void Target(string userId, string name, StandardInstruction instructions, DateTime? dueAtUtc)
    {
        TargetUserId = userId;
        TargetName = name;
        Instructions = instructions;
        DueAtUtc = dueAtUtc;
    }
}
