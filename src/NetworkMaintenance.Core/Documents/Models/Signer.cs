namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>
/// A person who signs, initials or approves a document.
/// </summary>
/// <param name="Name">Full name with titles, printed bold and underlined.</param>
/// <param name="Nip">18 NIP digits (printed "NIP. 19860926 201505 1 001"), or null for people who are not civil servants.</param>
/// <param name="Position">Jabatan, e.g. "Kepala Seksi Infrastruktur Jaringan".</param>
/// <param name="IsPlh">Acting official (Pelaksana Harian): "Plh." is printed before the position.</param>
/// <param name="ApprovedAtUtc">When the person approved in the application; printed as an electronic approval.</param>
/// <param name="SignaturePng">A scanned or drawn signature (PNG); takes precedence over the electronic approval text.</param>
/// <param name="WetOnly">No step of the application approves this document for this person: the space is for a
/// handwritten signature ("untuk tanda tangan basah"), not one that is still to come ("belum").</param>
public sealed record Signer(
    string Name,
    string? Nip,
    string Position,
    bool IsPlh = false,
    DateTime? ApprovedAtUtc = null,
    ReadOnlyMemory<byte>? SignaturePng = null,
    bool WetOnly = false)
{
    /// <summary>"Plh. Kepala Seksi …" for an acting official, otherwise the position.</summary>
    public string PositionLine => IsPlh ? "Plh. " + Position : Position;
}
