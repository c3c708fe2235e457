using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Web.Features.Sla;

namespace NetworkMaintenance.UnitTests.Sla;

/// <summary>The clock's badge the lists and the report page show (what the partial view _SlaBadge wrote before).</summary>
public sealed class SlaBadgeTests
{
    [Fact]
    public void ARunningClockShowsItsStateAndWhatRemainsNextToIt()
    {
        var html = Html(SlaDisplay.Badge(new SlaReading(SlaState.Warning, TimeSpan.FromHours(21), TimeSpan.FromMinutes(185), null)));
        Assert.Equal("<span class=\"badge text-bg-warning\" data-sla=\"Warning\" data-testid=\"sla\">" + HtmlEncoder.Default.Encode(SlaLabels.Of(SlaState.Warning)) +
            "</span> <span class=\"small text-muted text-nowrap\">sisa 3 j 5 m</span>", html);
    }

    [Fact]
    public void AFinishedClockShowsHowLongTheWorkTookWithTheBorderedBadge()
    {
        var html = Html(SlaDisplay.Badge(new SlaReading(SlaState.Missed, TimeSpan.FromHours(26), TimeSpan.FromHours(-2), null)));
        Assert.Contains("class=\"badge text-bg-light border border-danger text-danger-emphasis\"", html, StringComparison.Ordinal);
        Assert.EndsWith("<span class=\"small text-muted text-nowrap\">selesai dalam 26 j 0 m</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AReportWithoutAClockShowsNothing() =>
        Assert.Equal("", Html(SlaDisplay.Badge(new SlaReading(SlaState.NotApplicable, TimeSpan.Zero, TimeSpan.Zero, null))));

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
