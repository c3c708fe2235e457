namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>A row of the handling timeline.</summary>
public sealed record TimelineEntry(DateTime AtUtc, string Activity, string Actor);

/// <summary>A reviewer's note with their electronic approval (Kasi, Kabid, Kadis).</summary>
public sealed record ReviewNote(Signer Reviewer, string Note);

/// <summary>Laporan Hasil Pelaksanaan: the technician's results report, reviewed up the chain.</summary>
public sealed record WorkReportDocument : OfficialDocument
{
    public required string ReportNumber { get; init; }

    public required string OpdName { get; init; }

    public required string Location { get; init; }

    public required string Category { get; init; }

    public required string FaultDescription { get; init; }

    public required DateTime ReceivedAtUtc { get; init; }

    /// <summary>When the completion was recorded (the work Berita Acara issued): the service clock stops here.</summary>
    public required DateTime CompletedAtUtc { get; init; }

    /// <summary>The actual start and end of the work as the technician stated them; the Berita Acara prints the same.</summary>
    public DateTime? WorkStartedAtUtc { get; init; }

    public DateTime? WorkFinishedAtUtc { get; init; }

    /// <summary>The actual start and end of the site visit as the technician stated them; the Berita Acara prints the same.</summary>
    public DateTime? SiteVisitStartedAtUtc { get; init; }

    public DateTime? SiteVisitEndedAtUtc { get; init; }

    /// <summary>Time the SLA clock was paused (waiting for the reporter or a device); not counted.</summary>
    public TimeSpan Paused { get; init; }

    public TimeSpan Target { get; init; } = TimeSpan.FromHours(24);

    public required string Diagnosis { get; init; }

    public required IReadOnlyList<string> Actions { get; init; }

    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    /// <summary>The technician (lead of the team) who made the report.</summary>
    public required Signer Technician { get; init; }

    /// <summary>
    /// Dasar (Laporan form, part I): the report, the lembar disposisi and the Berita Acara this report rests on, e.g.
    /// "Berita Acara Pekerjaan Nomor 000.8.3.3/41/BA-PK/Diskominfo/2026". The device details are in that Berita Acara.
    /// </summary>
    public IReadOnlyList<string> Basis { get; init; } = [];

    /// <summary>The work Berita Acara's number, referred to for the device details; null when there is none.</summary>
    public string? WorkBaNumber { get; init; }

    /// <summary>Review notes in order: Kasi, Kabid, Kadis.</summary>
    public IReadOnlyList<ReviewNote> Reviews { get; init; } = [];

    /// <summary>
    /// Counted handling time: completion minus receipt minus pauses, from the times as printed (whole minutes), so the
    /// duration agrees with the two times a reader sees ("21.38" to "21.40" is 2 minutes, not 1).
    /// </summary>
    public TimeSpan Duration => ToMinute(CompletedAtUtc) - ToMinute(ReceivedAtUtc) - TimeSpan.FromMinutes(Math.Round(Paused.TotalMinutes));

    private static DateTime ToMinute(DateTime t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMinute));

    public bool MetTarget => Duration <= Target;
}
