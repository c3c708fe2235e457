using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>A party to a Berita Acara: the person (Nama, NIP, Jabatan) and their agency (Instansi).</summary>
public sealed record BeritaAcaraParty(Signer Person, string Agency);

public static class DeviceLabels
{
    public static string Label(this DeviceWorkAction action) => action switch
    {
        DeviceWorkAction.Repaired => "Diperbaiki",
        DeviceWorkAction.Replaced => "Diganti",
        DeviceWorkAction.Reconfigured => "Dikonfigurasi ulang",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

/// <summary>A row of the device table of the replacement request.</summary>
public sealed record DeviceItem(string Name, string BrandType, string SerialNumber, DeviceCondition Condition, string? Remarks = null);

/// <summary>Berita Acara Pengajuan Penggantian Perangkat, filled in by the reporter.</summary>
public sealed record DeviceReplacementBeritaAcaraDocument : OfficialDocument
{
    public required string ReportNumber { get; init; }

    /// <summary>Where the Berita Acara is made ("bertempat di …"): the report's location.</summary>
    public string? Location { get; init; }

    /// <summary>PIHAK PERTAMA: the reporter, who asks for the replacement.</summary>
    public required BeritaAcaraParty Reporter { get; init; }

    /// <summary>PIHAK KEDUA: the technician who inspected the devices.</summary>
    public required BeritaAcaraParty Technician { get; init; }

    /// <summary>Why the devices must be replaced (findings of the inspection).</summary>
    public required string Reason { get; init; }

    public required IReadOnlyList<DeviceItem> Devices { get; init; }

    /// <summary>"Mengetahui," — the Kepala Seksi.</summary>
    public required Signer KnownBy { get; init; }
}

public enum DeviceWorkAction
{
    Repaired,
    Replaced,
    Reconfigured,
}

/// <summary>A device the technician worked on; a replaced device has both serial numbers.</summary>
public sealed record WorkDeviceItem(
    string Name,
    string BrandType,
    DeviceWorkAction Action,
    string OldSerialNumber,
    string? NewSerialNumber = null,
    string? Remarks = null);

/// <summary>Berita Acara Pekerjaan: what was done, handed over by the technician and acknowledged by the reporter.</summary>
public sealed record WorkBeritaAcaraDocument : OfficialDocument
{
    public required string ReportNumber { get; init; }

    public required string Location { get; init; }

    public required DateTime WorkStartedAtUtc { get; init; }

    public required DateTime WorkFinishedAtUtc { get; init; }

    /// <summary>The actual start and end of the site visit (on-site inspection), as the technician stated them; null without a visit.</summary>
    public DateTime? SiteVisitStartedAtUtc { get; init; }

    public DateTime? SiteVisitEndedAtUtc { get; init; }

    /// <summary>PIHAK PERTAMA: the technician who did the work and hands it over.</summary>
    public required BeritaAcaraParty Technician { get; init; }

    /// <summary>
    /// PIHAK KEDUA: the reporter, who acknowledges. Their <see cref="Signer.SignaturePng"/> (signed on the
    /// technician's phone) or <see cref="Signer.ApprovedAtUtc"/> (acknowledged in the application) is printed.
    /// </summary>
    public required BeritaAcaraParty Reporter { get; init; }

    /// <summary>The actions taken, one per line of the numbered list.</summary>
    public required IReadOnlyList<string> WorkDone { get; init; }

    public IReadOnlyList<WorkDeviceItem> Devices { get; init; } = [];

    /// <summary>Result statement, e.g. "Jaringan internet di lokasi telah berfungsi normal kembali."</summary>
    public required string Result { get; init; }

    /// <summary>"Mengetahui," — the Kepala Seksi, or null to leave the block out.</summary>
    public Signer? KnownBy { get; init; }
}
