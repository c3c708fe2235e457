using System.Globalization;
using NetworkMaintenance.Core.Domain.Quality;

namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>A row of a recap table: reports received and completed in the month, and how many within the target.</summary>
public sealed record RecapRow(string Name, int Received, int Completed, int WithinTarget)
{
    /// <summary>Share of the completed reports that met the target, rounded to one decimal as the dashboard shows it.</summary>
    public double? CompliancePercent => Completed == 0 ? null : Math.Round(100d * WithinTarget / Completed, 1);
}

/// <summary>How many reports came in through one channel.</summary>
public sealed record ChannelCount(string Channel, int Count);

/// <summary>One month of the twelve-month trend: reports received and reports closed (finished, not rejected).</summary>
public sealed record RecapTrendPoint(int Year, int Month, int Received, int Closed);

/// <summary>A device replaced in the month (the work was completed in the month), from the report's current device lines.</summary>
public sealed record ReplacedDevice(string ReportNumber, string OpdName, string Name, string? OldBrandType, string? OldSerial,
    string? NewBrandType, string? NewSerial);

/// <summary>Devices repaired and replaced in a period for one OPD (the OPD of the report the work was done for).</summary>
public sealed record DeviceWorkRow(string OpdName, int Repaired, int Replaced);

/// <summary>Devices repaired and replaced in one month (WIB).</summary>
public sealed record DeviceWorkMonth(int Year, int Month, int Repaired, int Replaced);

/// <summary>
/// What is on hand of one kind of spare (serialised devices with status Cadangan, not reserved; unit "unit") or of one
/// quantity-counted stock item, against its reorder level.
/// </summary>
public sealed record StockOnHandLine(string Name, string Unit, int OnHand, int ReorderLevel, bool Serialised)
{
    /// <summary>At or below the reorder level: the Kasi is warned and the recap marks the line.</summary>
    public bool AtOrBelowReorderLevel => OnHand <= ReorderLevel;
}

/// <summary>A device with its number of faults in a period (reports naming it), with the OPD of its latest fault.</summary>
public sealed record FaultyDeviceLine(int DeviceId, string Name, string? OpdName, string? SerialNumber, int Faults);

/// <summary>
/// A report over the service target: completed in the month after the target, or still open at the cut-off past its
/// deadline. <see cref="Reasons"/> are what the workflow recorded about it (pauses, returns, disputes, the root cause).
/// </summary>
public sealed record OverdueReport(string Number, string OpdName, DateTime ReceivedAtUtc, double Hours, bool StillOpen, string Reasons);

/// <summary>The narrative section of the recap, edited by the Kepala Bidang or Kepala Dinas before printing.</summary>
public sealed record RecapNarrative(string Permasalahan, string Kendala, string TindakLanjut, string Rekomendasi)
{
    public static readonly RecapNarrative Empty = new("", "", "", "");
}

/// <summary>The numbered nota dinas that accompanies the recap (printed "Lampiran Nota Dinas Nomor …").</summary>
public sealed record RecapCoverLetterReference(string Number, DateOnly Date);

/// <summary>
/// Rekap Bulanan: the month's figures of the service for the Kepala Dinas, who sends them to the Wali Kota with a
/// numbered nota dinas (<see cref="RecapCoverLetterDocument"/>). The recap itself is a lampiran of figures rendered on
/// demand: it has no number of its own and no verification code (docs/documents.md, "Rekap Bulanan").
/// </summary>
public sealed record MonthlyRecapDocument
{
    public required LetterheadSettings Letterhead { get; init; }

    public required int Year { get; init; }

    public required int Month { get; init; }

    /// <summary>The OPD the recap is limited to, or null for every OPD.</summary>
    public string? OpdName { get; init; }

    /// <summary>When the figures were read (UTC); dates the place-date line and the PDF.</summary>
    public required DateTime GeneratedAtUtc { get; init; }

    /// <summary>
    /// The month is still running: the figures stop at <see cref="CutoffUtc"/> (the time they were read) and the period
    /// says "bulan berjalan".
    /// </summary>
    public bool IsRunningMonth { get; init; }

    /// <summary>The end of the counted period: the first instant of the next month (WIB), or the generation time of a running month.</summary>
    public DateTime CutoffUtc { get; init; }

    /// <summary>Reports received before the month and still open at its start (sisa bulan lalu).</summary>
    public int OpenAtStart { get; init; }

    public required int Received { get; init; }

    /// <summary>Reports whose work was completed in the month (the work Berita Acara issued), as on the dashboard: the SLA basis.</summary>
    public required int Completed { get; init; }

    /// <summary>Reports closed in the month (approved by the Kepala Dinas), for the reconciliation line.</summary>
    public int Closed { get; init; }

    public required int Rejected { get; init; }

    /// <summary>Reports received by the cut-off and not closed or rejected by then (sisa akhir bulan).</summary>
    public required int OpenAtEnd { get; init; }

    /// <summary>The WIB date the open count refers to: the month's last day, or today while the month is running.</summary>
    public required DateOnly OpenCountedOn { get; init; }

    /// <summary>sisa bulan lalu + diterima − selesai − ditolak = sisa akhir bulan.</summary>
    public bool Reconciles => OpenAtStart + Received - Closed - Rejected == OpenAtEnd;

    public required IReadOnlyList<ChannelCount> ByChannel { get; init; }

    public required int CompletedWithinTarget { get; init; }

    public double? CompliancePercent { get; init; }

    public double? MedianHours { get; init; }

    public double? P90Hours { get; init; }

    public TimeSpan Target { get; init; } = TimeSpan.FromHours(24);

    public required IReadOnlyList<RecapRow> ByOpd { get; init; }

    public required IReadOnlyList<RecapRow> ByCategory { get; init; }

    /// <summary>The twelve months ending with this one, oldest first.</summary>
    public IReadOnlyList<RecapTrendPoint> Trend { get; init; } = [];

    public IReadOnlyList<ReplacedDevice> DevicesReplaced { get; init; } = [];

    public IReadOnlyList<OverdueReport> Overdue { get; init; } = [];

    /// <summary>Devices repaired and replaced in the month per OPD (issue #19 point 6).</summary>
    public IReadOnlyList<DeviceWorkRow> DeviceWork { get; init; } = [];

    /// <summary>Spares and stock items on hand at generation time with their reorder levels (not printed in an OPD-limited recap).</summary>
    public IReadOnlyList<StockOnHandLine> StockOnHand { get; init; } = [];

    /// <summary>The devices with most faults over the twelve months ending with this one, most first.</summary>
    public IReadOnlyList<FaultyDeviceLine> MostFaultyDevices { get; init; } = [];

    public RecapNarrative Narrative { get; init; } = RecapNarrative.Empty;

    /// <summary>IKM of the surveys submitted in the month; null when there were none.</summary>
    public IkmResult? Ikm { get; init; }

    /// <summary>The Kepala Dinas, or their Plh. on the signing date, who signs the recap by hand.</summary>
    public required Signer KepalaDinas { get; init; }

    /// <summary>The nota dinas the recap is attached to, once it has a number.</summary>
    public RecapCoverLetterReference? CoverLetter { get; init; }

    /// <summary>"November 2026".</summary>
    public string Period => $"{Formatting.IndonesianDate.MonthName(Month)} {Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Survey responses per closed report of the month (the response rate), null when nothing was closed.</summary>
    public double? ResponseRatePercent => Closed == 0 ? null : Math.Round(100d * (Ikm?.Respondents ?? 0) / Closed, 1);
}

/// <summary>
/// Nota dinas from the Kepala Dinas to the Wali Kota through the Sekretaris Daerah, sending the month's recap as its
/// lampiran. Numbered once per month from its own yearly counter; re-prints keep the number (docs/documents.md).
/// </summary>
public sealed record RecapCoverLetterDocument
{
    public required LetterheadSettings Letterhead { get; init; }

    public required string Number { get; init; }

    /// <summary>The WIB date the number was taken: the nota dinas's date.</summary>
    public required DateOnly Date { get; init; }

    public required int Year { get; init; }

    public required int Month { get; init; }

    public bool IsRunningMonth { get; init; }

    public required int Received { get; init; }

    public required int Closed { get; init; }

    public required int OpenAtEnd { get; init; }

    public required Signer KepalaDinas { get; init; }

    /// <summary>Which version of the nota dinas under the same number (a re-print after the narrative changed is version 2, …).</summary>
    public int Version { get; init; } = 1;

    public string Period => $"{Formatting.IndonesianDate.MonthName(Month)} {Year.ToString(CultureInfo.InvariantCulture)}";
}
