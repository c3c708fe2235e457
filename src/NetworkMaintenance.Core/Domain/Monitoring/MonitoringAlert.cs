namespace NetworkMaintenance.Core.Domain.Monitoring;

/// <summary>
/// One alert of a monitoring source, by its fingerprint, and the report it opened. While the alert is the current one
/// of its fingerprint, <see cref="CurrentKey"/> is "source:fingerprint" (unique): repeats update this record and its
/// report instead of opening another. When the report is closed or rejected and the alert fires again, the old record
/// gives up the key and a new alert opens a new report. Durations (<see cref="StartsAtUtc"/> to
/// <see cref="EndsAtUtc"/>) feed the status board's availability.
/// </summary>
public class MonitoringAlert
{
    public const int FingerprintMaxLength = 200;
    public const int DeviceLabelMaxLength = 200;
    public const int SummaryMaxLength = 1000;
    public const int SeverityMaxLength = 30;

    private MonitoringAlert() { }

    public MonitoringAlert(int sourceId, string fingerprint, int opdId, string? deviceLabel, string severity, string summary,
        DateTime startsAtUtc, DateTime nowUtc)
    {
        SourceId = sourceId;
        Fingerprint = fingerprint;
        CurrentKey = KeyOf(sourceId, fingerprint);
        OpdId = opdId;
        DeviceLabel = deviceLabel;
        Severity = severity;
        Summary = summary;
        StartsAtUtc = startsAtUtc;
        FirstSeenAtUtc = nowUtc;
        LastSeenAtUtc = nowUtc;
        TimesSeen = 1;
    }

    public static string KeyOf(int sourceId, string fingerprint) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sourceId}:{fingerprint}");

    public long Id { get; private set; }
    public int SourceId { get; private set; }
    public MonitoringSource? Source { get; private set; }
    public string Fingerprint { get; private set; } = "";

    /// <summary>"source:fingerprint" while this is the fingerprint's current alert; null once it gave way to a newer one.</summary>
    public string? CurrentKey { get; private set; }

    public int OpdId { get; private set; }
    public Opd? Opd { get; private set; }

    /// <summary>The device as the alert's labels name it (instance, device); linked to the device register later.</summary>
    public string? DeviceLabel { get; private set; }
    public string Severity { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public DateTime StartsAtUtc { get; private set; }
    /// <summary>When the alert resolved; null while it fires.</summary>
    public DateTime? EndsAtUtc { get; private set; }
    public DateTime FirstSeenAtUtc { get; private set; }
    public DateTime LastSeenAtUtc { get; private set; }
    public int TimesSeen { get; private set; }
    public int? ReportId { get; private set; }

    public bool IsFiring => EndsAtUtc is null;

    public void OpenedReport(int reportId) => ReportId = reportId;

    /// <summary>The same alert again (still firing): counted, and its summary kept current.</summary>
    public void SeenAgain(string summary, string severity, DateTime nowUtc)
    {
        Summary = summary;
        Severity = severity;
        LastSeenAtUtc = nowUtc;
        TimesSeen++;
    }

    /// <summary>Fires again after it had resolved (a flap) on a report still open: it fires from now on.</summary>
    public void Refired(DateTime nowUtc)
    {
        EndsAtUtc = null;
        LastSeenAtUtc = nowUtc;
        TimesSeen++;
    }

    public void Resolve(DateTime endsAtUtc, DateTime nowUtc)
    {
        EndsAtUtc = endsAtUtc < StartsAtUtc ? StartsAtUtc : endsAtUtc;
        LastSeenAtUtc = nowUtc;
    }

    /// <summary>Gives the fingerprint's key to a newer alert (this one's report is closed or rejected).</summary>
    public void Retire() => CurrentKey = null;
}
