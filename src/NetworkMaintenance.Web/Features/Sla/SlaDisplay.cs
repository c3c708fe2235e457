using System.Globalization;
using NetworkMaintenance.Core.Domain.Sla;

namespace NetworkMaintenance.Web.Features.Sla;

/// <summary>How the pages show the clock: badge colours and "sisa 3 j 20 m" / "lewat 2 j 5 m".</summary>
public static class SlaDisplay
{
    public static string BadgeClass(SlaState state) => state switch
    {
        SlaState.OnTime => "text-bg-success",
        SlaState.Warning => "text-bg-warning",
        SlaState.Breached => "text-bg-danger",
        SlaState.Paused => "text-bg-secondary",
        SlaState.Met => "text-bg-light border border-success text-success-emphasis",
        SlaState.Missed => "text-bg-light border border-danger text-danger-emphasis",
        _ => "text-bg-light",
    };

    public static string Duration(TimeSpan span)
    {
        var t = span.Duration();
        var hours = (long)t.TotalHours;
        return hours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} j {t.Minutes} m")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes} m");
    }

    /// <summary>The short text next to the badge.</summary>
    public static string Detail(SlaReading r) => r.State switch
    {
        SlaState.OnTime or SlaState.Warning => "sisa " + Duration(r.Remaining),
        SlaState.Breached => "lewat " + Duration(r.Remaining),
        SlaState.Paused => "sisa " + Duration(r.Remaining),
        SlaState.Met or SlaState.Missed => "selesai dalam " + Duration(r.Elapsed),
        _ => "",
    };
}
