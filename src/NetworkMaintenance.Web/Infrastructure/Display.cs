using System.Globalization;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>How the pages show times (WIB, id-ID) and states.</summary>
public static class Display
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>"Senin, 30 November 2026 14.05 WIB".</summary>
    public static string DateTime(DateTime utc) => Wib.FromUtc(utc).ToString("dddd, d MMMM yyyy HH.mm", Id) + " WIB";

    public static string DateTime(DateTime? utc) => utc is { } v ? DateTime(v) : "—";

    /// <summary>"30 Nov 2026 14.05" for dense tables.</summary>
    public static string Compact(DateTime utc) => Wib.FromUtc(utc).ToString("d MMM yyyy HH.mm", Id);

    /// <summary>The value for an &lt;input type="datetime-local"&gt; in WIB.</summary>
    public static string LocalInput(DateTime? wib) => wib?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string StatusBadge(ReportStatus status) => status switch
    {
        ReportStatus.Closed => "text-bg-success",
        ReportStatus.Rejected => "text-bg-secondary",
        ReportStatus.Submitted => "text-bg-info",
        ReportStatus.AwaitingReplacementRequest or ReportStatus.AwaitingAcknowledgement => "text-bg-warning",
        ReportStatus.Revision => "text-bg-danger",
        _ => "text-bg-primary",
    };
}
