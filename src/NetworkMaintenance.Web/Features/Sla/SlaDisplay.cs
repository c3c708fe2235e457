using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
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

    /// <summary>
    /// The clock's badge and its short text ("Tepat waktu sisa 3 j 20 m"), nothing for a report without a clock. Written
    /// here rather than as a partial view: the lists show one per row, and a partial per row cost a view of its own
    /// each time (docs/performance.md).
    /// </summary>
    public static IHtmlContent Badge(SlaReading reading)
    {
        if (reading.State == SlaState.NotApplicable) return HtmlString.Empty;
        var badge = new TagBuilder("span");
        badge.AddCssClass("badge " + BadgeClass(reading.State));
        badge.Attributes["data-testid"] = "sla";
        badge.Attributes["data-sla"] = reading.State.ToString();
        badge.InnerHtml.Append(SlaLabels.Of(reading.State));
        var detail = new TagBuilder("span");
        detail.AddCssClass("small text-muted text-nowrap");
        detail.InnerHtml.Append(Detail(reading));
        return new HtmlContentBuilder(3).AppendHtml(badge).AppendHtml(" ").AppendHtml(detail);
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
