using Microsoft.AspNetCore.Identity;

namespace NetworkMaintenance.Core.Domain;

/// <summary>
/// A person who logs in. Reporters belong to an OPD; officials and technicians to a unit of Diskominfo.
/// Users are deactivated, never deleted: their names stay on the timelines and documents they signed.
/// </summary>
public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>Digits only (18); optional for people who are not civil servants.</summary>
    public string? Nip { get; set; }

    /// <summary>
    /// Nomor Induk Kependudukan (16 digits), the identity BSrE knows the person's signing certificate by; set by the
    /// person on their first certified signature (docs/signatures.md). Optional.
    /// </summary>
    public string? Nik { get; set; }

    /// <summary>Jabatan, as printed under the name in signature blocks.</summary>
    public string? Position { get; set; }

    public int? OpdId { get; set; }
    public Opd? Opd { get; set; }

    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }
}
