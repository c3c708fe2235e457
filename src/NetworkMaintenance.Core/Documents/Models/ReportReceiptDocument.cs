namespace NetworkMaintenance.Core.Documents.Models;

/// <summary>Tanda terima laporan: proof that a network-outage report was received.</summary>
public sealed record ReportReceiptDocument : OfficialDocument
{
    /// <summary>Ticket number, e.g. "GJ-2026-000123".</summary>
    public required string ReportNumber { get; init; }

    public required string TrackingCode { get; init; }

    public required string OpdName { get; init; }

    public required string ReporterName { get; init; }

    public string? ReporterNip { get; init; }

    public string? ReporterPhone { get; init; }

    /// <summary>How the report arrived, as shown to people: "Aplikasi web", "Surat", "WhatsApp", "Telepon", …</summary>
    public required string Channel { get; init; }

    public required DateTime ReceivedAtUtc { get; init; }

    public required string Location { get; init; }

    public required string Category { get; init; }

    public required string Description { get; init; }

    /// <summary>Public page where the reporter follows the report with its number and tracking code.</summary>
    public string? TrackingUrl { get; init; }

    /// <summary>Completion time promised by the service standard.</summary>
    public TimeSpan Target { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The officer who received the report (petugas layanan), or null for reports sent from the web.</summary>
    public Signer? ReceivedBy { get; init; }
}
