namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>
/// What every official document carries besides its content: the kop surat, its number, when it was issued, and the
/// code and address of its public verification page (printed with a QR code on every page).
/// A model is a snapshot: rendering the same model again gives the same PDF bytes.
/// </summary>
public abstract record OfficialDocument
{
    public required LetterheadSettings Letterhead { get; init; }

    /// <summary>Letter number, e.g. "000.8.3.3/15/Diskominfo/2026".</summary>
    public required string Number { get; init; }

    /// <summary>Issue time (UTC). Dates printed on the document are its WIB date; it also dates the PDF itself.</summary>
    public required DateTime IssuedAtUtc { get; init; }

    public required string VerificationCode { get; init; }

    /// <summary>Public verification page for this document; encoded in the QR code.</summary>
    public required string VerificationUrl { get; init; }

    /// <summary>
    /// The number of the document this one corrects (an earlier version), printed under the title; null for a first issue.
    /// </summary>
    public string? Supersedes { get; init; }

    /// <summary>Print blank signing spaces (for signing by hand) instead of signature images or electronic approvals.</summary>
    public bool WetSignature { get; init; }
}
