using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Sla;

/// <summary>
/// The IKM card on the officials' dashboard: this WIB year's IKM over every survey, worked out by hand from the
/// answers; "Belum ada survei" before the first one; a survey submitted through the app shows on the next load.
/// </summary>
public sealed class DashboardIkm(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc); // 12.00 WIB

    // The answers (U1..U9) of the surveys that count for 2026 …
    private static readonly int[] ThroughTheApp = [4, 3, 4, 3, 4, 3, 4, 3, 4]; // element total 32
    private static readonly int[] InMarch = [3, 3, 3, 3, 3, 3, 3, 3, 3]; // 27
    private static readonly int[] NewYearsNight = [2, 3, 3, 4, 3, 3, 3, 4, 3]; // 28, 1 January 2026 00.30 WIB
    // … and one that does not: 31 December 2025 23.30 WIB is 2025 although its UTC date is the same as the one above.
    private static readonly int[] LastYear = [1, 1, 1, 1, 1, 1, 1, 1, 1];

    [Fact]
    public async Task TheCardShowsTheYearsHandComputedIkmAndNoZeroBeforeTheFirstSurvey()
    {
        using var app = new SlaApp(factory, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var closed = await app.ReceiveAsync(new DateTime(2026, 11, 18, 1, 0, 0, DateTimeKind.Utc));
        var others = new List<int>();
        for (var i = 0; i < 3; i++) others.Add(await app.ReceiveAsync(new DateTime(2026, 11, 18, 2, i, 0, DateTimeKind.Utc)));
        await app.ToRepairingAsync(closed);
        await CloseAsync(app, closed);
        app.At(Now);

        using var kadis = await WebSession.SignedInAsync(app.Factory, "kadis");
        var html = await kadis.GetPageAsync("/");
        Assert.Equal("IKM 2026", Kpi(html, "ikm-period"));
        Assert.Equal("Belum ada survei", Kpi(html, "ikm"));
        Assert.DoesNotMatch("data-kpi=\"ikm-(grade|respondents)\"", html);
        Assert.Contains("href=\"/skm?year=2026\"", html);
        Assert.Equal("Belum ada survei", Kpi(await kadis.GetPageAsync("/"), "ikm")); // now served from the shared figures

        // The reporter answers the survey over HTTP; the fake clock stands still, so only the change counter can make
        // the very next load show it.
        using var pelapor = await WebSession.SignedInAsync(app.Factory, "pelapor");
        var form = new Form();
        for (var k = 0; k < ThroughTheApp.Length; k++) form.Set($"Scores[{k}]", TestData.Id(ThroughTheApp[k]));
        using (var response = await pelapor.PostFormAsync($"/laporan/{closed}/survei", form))
        {
            await HttpAssert.RedirectsToAsync(response, $"/laporan/{closed}");
        }
        html = await kadis.GetPageAsync("/");
        // One respondent, total 32: 32 / 9 × 25 = 88,888… → 88,89, A (≥ 88,31: Sangat Baik).
        Assert.Equal(ByHand([ThroughTheApp]), Kpi(html, "ikm"));
        Assert.Equal("88,89", Kpi(html, "ikm"));
        Assert.Equal("A (Sangat Baik)", Kpi(html, "ikm-grade"));
        Assert.Equal("1 responden", Kpi(html, "ikm-respondents"));

        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var opds = await db.Reports.Where(r => others.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.OpdId);
            db.SatisfactionSurveys.AddRange(
                new SatisfactionSurvey(others[0], opds[others[0]], null, InMarch, null, new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc)),
                new SatisfactionSurvey(others[1], opds[others[1]], null, NewYearsNight, null, new DateTime(2025, 12, 31, 17, 30, 0, DateTimeKind.Utc)),
                new SatisfactionSurvey(others[2], opds[others[2]], null, LastYear, null, new DateTime(2025, 12, 31, 16, 30, 0, DateTimeKind.Utc)));
            return await db.SaveChangesAsync();
        });

        html = await kadis.GetPageAsync("/");
        // Three respondents, element totals 32 + 27 + 28 = 87: NRR sum 87 / 3 = 29; 29 / 9 × 25 = 80,555… → 80,56,
        // B (76,61 to 88,30: Baik). With last year's survey it would be 96 / 36 × 25 = 66,67 (C).
        Assert.Equal(ByHand([ThroughTheApp, InMarch, NewYearsNight]), Kpi(html, "ikm"));
        Assert.Equal("80,56", Kpi(html, "ikm"));
        Assert.Equal("B (Baik)", Kpi(html, "ikm-grade"));
        Assert.Equal("3 responden", Kpi(html, "ikm-respondents"));

        // The front desk sees every report, so gets the card, but not the officials' IKM page: no link.
        using var petugas = await WebSession.SignedInAsync(app.Factory, "petugas");
        var desk = await petugas.GetPageAsync("/");
        Assert.Equal("80,56", Kpi(desk, "ikm"));
        Assert.DoesNotContain("href=\"/skm", desk);
        // A technician's home is their work queue (docs/daily-use.md): no IKM over everyone's.
        using var teknisi = await WebSession.SignedInAsync(app.Factory, "teknisi");
        var technician = await teknisi.GetPageAsync("/");
        Assert.Contains("data-testid=\"work-queue\"", technician);
        Assert.DoesNotContain("data-testid=\"ikm-card\"", technician);
    }

    /// <summary>
    /// The documented formula (docs/service-quality.md), not IkmCalculator: NRR per element = its total / respondents,
    /// IKM = Σ NRR / 9, converted = IKM × 25, shown to two decimals with a decimal comma.
    /// </summary>
    private static string ByHand(int[][] answers)
    {
        var nrr = Enumerable.Range(0, 9).Select(k => answers.Sum(a => (decimal)a[k]) / answers.Length);
        var converted = nrr.Sum() / 9 * 25;
        return Math.Round(converted, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.GetCultureInfo("id-ID"));
    }

    /// <summary>The reporter acknowledges, then Kasi, Kabid and Kadis approve: closed, so the survey may be answered.</summary>
    private static async Task CloseAsync(SlaApp app, int id)
    {
        await app.CompleteAsync(id, new DateTime(2026, 11, 18, 5, 0, 0, DateTimeKind.Utc));
        await app.StepAsync("pelapor", id, (r, a, _, now) => r.Acknowledge(a, null, now));
        await app.StepAsync("kasi", id, (r, a, _, now) => r.Approve(a, null, now));
        await app.StepAsync("kabid", id, (r, a, _, now) => r.Approve(a, null, now));
        await app.StepAsync("kadis", id, (r, a, _, now) => r.Approve(a, null, now));
    }

    private static string Kpi(string html, string name)
    {
        var m = Regex.Match(html, $"data-kpi=\"{name}\">([^<]*)<");
        Assert.True(m.Success, $"KPI {name} not on the page");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }
}
