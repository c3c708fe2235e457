namespace NetworkMaintenance.Core.Domain.Sla;

/// <summary>The service-level settings (section <c>Sla</c>): the promise and when to warn before it is broken.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>Hours from receipt to completed work (work Berita Acara issued). The standard promises 24.</summary>
    public double TargetHours { get; set; } = 24;

    /// <summary>How many hours before the deadline a running report is flagged as at risk.</summary>
    public double WarningHours { get; set; } = 4;

    public TimeSpan Target => TimeSpan.FromHours(TargetHours);
    public TimeSpan Warning => TimeSpan.FromHours(WarningHours);
}
