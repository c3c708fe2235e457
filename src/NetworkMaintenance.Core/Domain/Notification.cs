namespace NetworkMaintenance.Core.Domain;

/// <summary>An in-app message to one user (a hand-over, a report needing them). Marked read, never deleted.</summary>
public class Notification
{
    private Notification() { }

    public Notification(string userId, string message, int? reportId, DateTime createdAtUtc)
    {
        UserId = userId;
        Message = message.Length > 500 ? message[..500] : message;
        ReportId = reportId;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public int? ReportId { get; private set; }
    public string Message { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;
}
