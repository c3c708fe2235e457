using NetworkMaintenance.Core.Domain.Quality;

namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>One component of the service standard as printed.</summary>
public sealed record StandardComponent(StandardPart Part, string Title, string Body);

/// <summary>
/// The service standard as the city's document: the fourteen components under the kop surat, as the lampiran of the
/// Kepala Dinas's SK (number and date, or a blank line while the SK is not yet recorded), signed by the Kepala Dinas.
/// </summary>
public sealed record ServiceStandardDocument
{
    public required LetterheadSettings Letterhead { get; init; }
    public required string ServiceName { get; init; }
    public required IReadOnlyList<StandardComponent> Components { get; init; }
    public string? SkNumber { get; init; }
    public DateOnly? SkDate { get; init; }
    public required Signer KepalaDinas { get; init; }
    public required DateTime GeneratedAtUtc { get; init; }
}

/// <summary>The maklumat pelayanan poster (A4 or A3): the declaration, the place and date, the Kepala Dinas's signature.</summary>
public sealed record ServiceDeclarationDocument
{
    public required LetterheadSettings Letterhead { get; init; }
    public required string Text { get; init; }
    public required DateOnly Date { get; init; }
    public required Signer Signer { get; init; }
    public bool A3 { get; init; }
    public required DateTime GeneratedAtUtc { get; init; }
}

/// <summary>A follow-up action as printed in the SKM report and register.</summary>
public sealed record FollowUpLine(string Element, string Description, string Owner, DateOnly DueDate, string State,
    DateTime? CompletedAtUtc, string? CompletionNote, bool HasEvidence);

/// <summary>
/// Laporan hasil Survei Kepuasan Masyarakat of one period in the Laporan form (Permendagri 1/2023): the IKM with its
/// nine element values, the respondents against the sample the Krejcie–Morgan table asks for, the analysis, the grouped
/// suggestions and the follow-up actions; dated by its publication.
/// </summary>
public sealed record SkmReportDocument
{
    public required LetterheadSettings Letterhead { get; init; }
    public required string PeriodLabel { get; init; }
    public required string PeriodKey { get; init; }
    public required string DateRange { get; init; }
    public required IkmResult Ikm { get; init; }
    public required int Population { get; init; }
    public required int MinimumSample { get; init; }
    public required IReadOnlyList<int> LowestElements { get; init; }
    public required string Analysis { get; init; }
    public string? SuggestionGroups { get; init; }
    public required IReadOnlyList<FollowUpLine> Actions { get; init; }
    public required DateTime PublishedAtUtc { get; init; }
    public required Signer KepalaDinas { get; init; }

    public bool BelowMinimum => Ikm.Respondents < MinimumSample;
}
