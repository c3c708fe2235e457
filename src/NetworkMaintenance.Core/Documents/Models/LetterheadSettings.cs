namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>
/// The kop surat printed at the top of every official document, set by the administrator.
/// <see cref="City"/> is the place written in the place-date line above signatures ("Tebing Tinggi, 30 November 2026").
/// </summary>
public sealed record LetterheadSettings
{
    public string Government { get; init; } = "PEMERINTAH KOTA TEBING TINGGI";

    /// <summary>Printed in bold capitals, e.g. "DINAS KOMUNIKASI DAN INFORMATIKA".</summary>
    public required string AgencyName { get; init; }

    /// <summary>Street address, e.g. "Jl. Dr. Sutomo No. 14, Tebing Tinggi 20615".</summary>
    public required string Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Website { get; init; }

    /// <summary>PNG or JPEG bytes of the regional emblem, drawn at the left of the letterhead.</summary>
    public ReadOnlyMemory<byte>? Logo { get; init; }

    public string City { get; init; } = "Tebing Tinggi";

    /// <summary>Paper, typeface, margins and page-number style.</summary>
    public PageSetup Page { get; init; } = PageSetup.Default;
}
