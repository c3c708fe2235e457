namespace NetworkMaintenance.Core.Domain.Integration;

/// <summary>The events a webhook receiver can subscribe to (a set of flags, stored as a number).</summary>
[Flags]
public enum WebhookEvents
{
    None = 0,
    /// <summary><c>report.received</c>: a report was recorded (any channel).</summary>
    ReportReceived = 1,
    /// <summary><c>report.step</c>: a workflow step was taken on a report.</summary>
    StepTaken = 2,
    /// <summary><c>report.closed</c>: a report was closed (approved by the Kepala Dinas).</summary>
    ReportClosed = 4,
    /// <summary><c>report.sla_breached</c>: a report passed its 24-hour deadline.</summary>
    SlaBreached = 8,
    All = ReportReceived | StepTaken | ReportClosed | SlaBreached,
}

public static class WebhookEventNames
{
    public const string ReportReceived = "report.received";
    public const string StepTaken = "report.step";
    public const string ReportClosed = "report.closed";
    public const string SlaBreached = "report.sla_breached";

    public static string Of(WebhookEvents kind) => kind switch
    {
        WebhookEvents.ReportReceived => ReportReceived,
        WebhookEvents.StepTaken => StepTaken,
        WebhookEvents.ReportClosed => ReportClosed,
        WebhookEvents.SlaBreached => SlaBreached,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "One event at a time."),
    };

    public static string Label(WebhookEvents kind) => kind switch
    {
        WebhookEvents.ReportReceived => "Laporan diterima",
        WebhookEvents.StepTaken => "Langkah diambil",
        WebhookEvents.ReportClosed => "Laporan ditutup",
        WebhookEvents.SlaBreached => "Batas waktu terlampaui",
        _ => kind.ToString(),
    };

    public static readonly IReadOnlyList<WebhookEvents> Singles =
        [WebhookEvents.ReportReceived, WebhookEvents.StepTaken, WebhookEvents.ReportClosed, WebhookEvents.SlaBreached];
}

/// <summary>
/// An outside system that receives signed POSTs when events happen. Its secret signs every delivery (HMAC-SHA256), so
/// it is kept, not only hashed: <see cref="ProtectedSecret"/> is the secret encrypted with ASP.NET Core Data Protection
/// (the key ring the app already keeps in the database); <see cref="SecretHint"/> tells secrets apart.
/// </summary>
public class WebhookReceiver
{
    public const int NameMaxLength = 100;
    public const int UrlMaxLength = 500;

    /// <summary>The prefix of webhook secrets (<c>nm_whsec_…</c>).</summary>
    public const string SecretPrefix = "whsec";

    private WebhookReceiver() { }

    public WebhookReceiver(string name, Uri url, WebhookEvents events, string protectedSecret, string secretHint,
        string createdByUserId, DateTime createdAtUtc)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Nama penerima wajib diisi.");
        if (events == WebhookEvents.None) throw new DomainException("Pilih sekurang-kurangnya satu peristiwa.");
        Name = name.Trim();
        Url = url.AbsoluteUri;
        Events = events & WebhookEvents.All;
        ProtectedSecret = protectedSecret;
        SecretHint = secretHint;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Url { get; private set; } = "";
    public WebhookEvents Events { get; private set; }
    public string ProtectedSecret { get; private set; } = "";
    public string SecretHint { get; private set; } = "";
    public bool IsActive { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public bool Wants(WebhookEvents kind) => IsActive && (Events & kind) != 0;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Every attempt failed; no more tries.</summary>
    Failed,
}

/// <summary>
/// One event for one receiver: the outbox row, written in the same SaveChanges as the step (or receipt, or SLA
/// escalation) that caused it, delivered later by a background sender with retries and exponential backoff. A
/// receiver that is down or slow never delays or undoes the step.
/// </summary>
public class WebhookDelivery
{
    public const int MaxAttempts = 8;
    public const int ErrorMaxLength = 1000;

    private WebhookDelivery() { }

    public WebhookDelivery(int receiverId, string eventType, Guid eventId, int? reportId, string body, DateTime createdAtUtc)
    {
        ReceiverId = receiverId;
        EventType = eventType;
        EventId = eventId;
        ReportId = reportId;
        Body = body;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = createdAtUtc;
        Status = WebhookDeliveryStatus.Pending;
    }

    public long Id { get; private set; }
    public int ReceiverId { get; private set; }
    public WebhookReceiver? Receiver { get; private set; }
    public string EventType { get; private set; } = "";
    /// <summary>The same for every receiver of one event, and for every retry: receivers de-duplicate on it.</summary>
    public Guid EventId { get; private set; }
    public int? ReportId { get; private set; }
    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public string Body { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? NextAttemptAtUtc { get; private set; }
    public DateTime? LastAttemptAtUtc { get; private set; }
    public int? LastResponseCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? DeliveredAtUtc { get; private set; }

    public void MarkDelivered(int statusCode, DateTime nowUtc)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Delivered;
        LastAttemptAtUtc = nowUtc;
        DeliveredAtUtc = nowUtc;
        LastResponseCode = statusCode;
        LastError = null;
        NextAttemptAtUtc = null;
    }

    /// <summary>Schedules the next try after <see cref="Backoff"/>; after <see cref="MaxAttempts"/> it is failed for good.</summary>
    public void MarkFailed(int? statusCode, string error, DateTime nowUtc, TimeSpan firstBackoff)
    {
        Attempts++;
        LastAttemptAtUtc = nowUtc;
        LastResponseCode = statusCode;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = WebhookDeliveryStatus.Failed;
            NextAttemptAtUtc = null;
        }
        else
        {
            NextAttemptAtUtc = nowUtc + Backoff(Attempts, firstBackoff);
        }
    }

    /// <summary>first, 2×first, 4×first … after the 1st, 2nd, 3rd failed attempt, capped at six hours.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first) =>
        TimeSpan.FromTicks((long)Math.Min(TimeSpan.FromHours(6).Ticks, first.Ticks * Math.Pow(2, attempts - 1)));
}
