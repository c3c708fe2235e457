namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>Sifat (urgency) of a letter or report.</summary>
public enum DispositionUrgency
{
    Normal,
    Urgent,
    VeryUrgent,
}

/// <summary>Security classification (klasifikasi), separate from urgency.</summary>
public enum SecurityClassification
{
    Ordinary,
    Restricted,
    Secret,
}

/// <summary>The seven standard instructions of a lembar disposisi.</summary>
[Flags]
public enum DispositionInstructions
{
    None = 0,
    ForInformation = 1,
    FollowUp = 2,
    ResolvePromptly = 4,
    Coordinate = 8,
    StudyAndAdvise = 16,
    ReportBack = 32,
    Archive = 64,
}

public static class DispositionLabels
{
    /// <summary>The instructions in the order the printed form lists them.</summary>
    public static readonly IReadOnlyList<DispositionInstructions> StandardInstructions =
    [
        DispositionInstructions.ForInformation,
        DispositionInstructions.FollowUp,
        DispositionInstructions.ResolvePromptly,
        DispositionInstructions.Coordinate,
        DispositionInstructions.StudyAndAdvise,
        DispositionInstructions.ReportBack,
        DispositionInstructions.Archive,
    ];

    public static string Label(this DispositionInstructions instruction) => instruction switch
    {
        DispositionInstructions.ForInformation => "Untuk diketahui",
        DispositionInstructions.FollowUp => "Untuk ditindaklanjuti",
        DispositionInstructions.ResolvePromptly => "Segera selesaikan",
        DispositionInstructions.Coordinate => "Koordinasikan",
        DispositionInstructions.StudyAndAdvise => "Pelajari dan beri saran",
        DispositionInstructions.ReportBack => "Laporkan hasilnya",
        DispositionInstructions.Archive => "Arsipkan",
        _ => throw new ArgumentOutOfRangeException(nameof(instruction), instruction, "Not a single standard instruction."),
    };

    /// <summary>Labels of every instruction set in <paramref name="instructions"/>, in form order.</summary>
    public static IEnumerable<string> Labels(this DispositionInstructions instructions) =>
        StandardInstructions.Where(i => instructions.HasFlag(i)).Select(i => i.Label());

    public static string Label(this DispositionUrgency urgency) => urgency switch
    {
        DispositionUrgency.Normal => "Biasa",
        DispositionUrgency.Urgent => "Segera",
        DispositionUrgency.VeryUrgent => "Sangat Segera",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };

    public static string Label(this SecurityClassification classification) => classification switch
    {
        SecurityClassification.Ordinary => "Biasa",
        SecurityClassification.Restricted => "Terbatas",
        SecurityClassification.Secret => "Rahasia",
        _ => throw new ArgumentOutOfRangeException(nameof(classification), classification, null),
    };
}

/// <summary>
/// One link of the disposition chain: <paramref name="From"/> forwards to <paramref name="To"/> with instructions.
/// The Paraf column shows From's electronic initials (their <see cref="Signer.ApprovedAtUtc"/>) or stays blank.
/// </summary>
public sealed record DispositionStep(
    Signer From,
    string To,
    DateTime AtUtc,
    DispositionInstructions Instructions,
    string? Note = null);

/// <summary>Lembar disposisi: the Kadis → Kabid → Kasi chain for one report.</summary>
public sealed record DispositionSheetDocument : OfficialDocument
{
    /// <summary>Surat/laporan dari: the reporting OPD (and person).</summary>
    public required string From { get; init; }

    /// <summary>Nomor surat or report number.</summary>
    public required string ReferenceNumber { get; init; }

    public required DateOnly ReferenceDate { get; init; }

    /// <summary>
    /// The channel ("Aplikasi web", "WhatsApp") when the report came without a letter: then there is no letter number or
    /// date to print, and the sheet is identified by the report number as its nomor agenda. Null for a letter.
    /// </summary>
    public string? WithoutLetter { get; init; }

    public required DateTime ReceivedAtUtc { get; init; }

    public required string AgendaNumber { get; init; }

    public DispositionUrgency Urgency { get; init; }

    public SecurityClassification Classification { get; init; }

    /// <summary>Hal: a short subject ("Laporan gangguan jaringan (Internet)"), not the location.</summary>
    public required string Subject { get; init; }

    public required IReadOnlyList<DispositionStep> Steps { get; init; }

    /// <summary>Free-text notes (catatan) printed under the tick boxes.</summary>
    public string? Notes { get; init; }

    /// <summary>"Harap diselesaikan tanggal …".</summary>
    public DateOnly? DueDate { get; init; }
}
