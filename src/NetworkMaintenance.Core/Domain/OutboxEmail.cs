namespace NetworkMaintenance.Core.Domain;

/// <summary>
/// An e-mail waiting to be sent. Written in the same SaveChanges as the step that caused it, sent later by a
/// background sender that retries failures with backoff, so a mail server outage never undoes a step.
/// </summary>
public class OutboxEmail
{
    public const int MaxAttempts = 10;

    private OutboxEmail() { }

    public OutboxEmail(string to, string subject, string body, int? reportId, DateTime createdAtUtc)
    {
        To = to;
        Subject = subject.Length > 300 ? subject[..300] : subject;
        Body = body;
        ReportId = reportId;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public int? ReportId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? NextAttemptAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTime nowUtc)
    {
        SentAtUtc = nowUtc;
        NextAttemptAtUtc = null;
        Attempts++;
        LastError = null;
    }

    /// <summary>Schedules the next try: 1, 2, 4 … minutes later, capped at an hour; gives up after <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAtUtc = Attempts >= MaxAttempts ? null : nowUtc + Backoff(Attempts);
    }

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));
}
