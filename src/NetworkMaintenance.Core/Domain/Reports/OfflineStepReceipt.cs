using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Core.Domain.Reports;

/// <summary>
/// The receipt of a step recorded on a technician's phone and synced later (docs/offline.md): saved in the same
/// transaction as the step, under the phone's idempotency key, which is unique. A step sent again with the same key
/// finds this receipt and is not applied a second time.
/// </summary>
public class OfflineStepReceipt
{
    public const int KeyMaxLength = 64;

    private OfflineStepReceipt() { }

    public OfflineStepReceipt(string idempotencyKey, string userId, int reportId, WorkflowAction action,
        DateTime doneAtUtc, DateTime syncedAtUtc, Guid versionAfter, string message)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > KeyMaxLength)
            throw new DomainException("Kunci idempotensi langkah tidak valid.");
        IdempotencyKey = idempotencyKey;
        UserId = userId;
        ReportId = reportId;
        Action = action;
        DoneAtUtc = doneAtUtc;
        SyncedAtUtc = syncedAtUtc;
        VersionAfter = versionAfter;
        Message = message.Length > 1000 ? message[..1000] : message;
    }

    public long Id { get; private set; }
    public string IdempotencyKey { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public int ReportId { get; private set; }
    public WorkflowAction Action { get; private set; }
    public DateTime DoneAtUtc { get; private set; }
    public DateTime SyncedAtUtc { get; private set; }

    /// <summary>The report's version the step left: the phone's next queued step for the report was made on it.</summary>
    public Guid VersionAfter { get; private set; }

    /// <summary>What the technician was told when the step was applied; told again to a repeat.</summary>
    public string Message { get; private set; } = "";
}
