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

/// <summary>
/// Rekap Bulanan: the month's figures of the service for the Kepala Dinas. A report, not an issued document: it has no
/// letter number and no verification code (docs/documents.md, "Rekap Bulanan"), and is rendered on demand from the
/// figures computed at that moment.
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

    public required int Received { get; init; }

    /// <summary>Reports whose work was completed in the month (the work Berita Acara issued), as on the dashboard.</summary>
    public required int Completed { get; init; }

    public required int Rejected { get; init; }

    /// <summary>Reports received by the end of the month (or by <see cref="OpenCountedOn"/>) and not yet closed or rejected then.</summary>
    public required int OpenAtEnd { get; init; }

    /// <summary>The WIB date the open count refers to: the month's last day, or today while the month is running.</summary>
    public required DateOnly OpenCountedOn { get; init; }

    public required IReadOnlyList<ChannelCount> ByChannel { get; init; }

    public required int CompletedWithinTarget { get; init; }

    public double? CompliancePercent { get; init; }

    public double? MedianHours { get; init; }

    public double? P90Hours { get; init; }

    public TimeSpan Target { get; init; } = TimeSpan.FromHours(24);

    public required IReadOnlyList<RecapRow> ByOpd { get; init; }

    public required IReadOnlyList<RecapRow> ByCategory { get; init; }

    /// <summary>IKM of the surveys submitted in the month; null when there were none.</summary>
    public IkmResult? Ikm { get; init; }

    /// <summary>The Kepala Dinas, who signs the recap by hand.</summary>
    public required Signer KepalaDinas { get; init; }

    /// <summary>"November 2026".</summary>
    public string Period => $"{Formatting.IndonesianDate.MonthName(Month)} {Year.ToString(CultureInfo.InvariantCulture)}";
}
