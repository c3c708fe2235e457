using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 11: the report form carries a one-time form token, as the complaint form does, so a double post — also of
/// the "Tetap kirim" confirmation after the possible-duplicate warning — files one report.
/// </summary>
public sealed class ReportDoublePost(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TetapKirimPostedTwiceFilesOneReport()
    {
        using var pelapor = await WebSession.SignedInAsync(factory, "pelapor.dinkes");
        Form Fields(string location, string token) => new Form()
            .Set("ReporterName", "Rina Marlina").Set("ReporterPhone", "0812 6000 0100").Set("Location", location)
            .Set("Category", "NoInternet").Set("Description", "Internet di ruang kesehatan mati sejak pagi").Set("FormToken", token);

        // A first report of the same OPD and category, so the next one gets the possible-duplicate warning.
        var first = WebPageHelpers.InputValue(await pelapor.GetPageAsync("/laporan/baru"), "FormToken")!;
        Assert.Equal(32, first.Length);
        using (var filed = await pelapor.PostFormAsync("/laporan/baru", Fields("Ruang A", first)))
        {
            await HttpAssert.RedirectsToAsync(filed, "/laporan/");
        }

        var page = await pelapor.GetPageAsync("/laporan/baru");
        var token = WebPageHelpers.InputValue(page, "FormToken")!;
        Assert.NotEqual(first, token);
        string warningPage;
        using (var warning = await pelapor.PostFormAsync("/laporan/baru", Fields("Ruang B", token)))
        {
            warningPage = await HttpAssert.OkPageAsync(warning);
        }
        Assert.Contains("Tetap kirim", WebPageHelpers.Text(warningPage));
        Assert.Equal(token, WebPageHelpers.InputValue(warningPage, "FormToken"));

        var confirmed = Fields("Ruang B", token).Set("ConfirmDuplicate", "true");
        var antiforgery = WebPageHelpers.GetRequestVerificationToken(warningPage, "/laporan/baru");
        using var once = await pelapor.PostWithTokenAsync("/laporan/baru", confirmed, antiforgery);
        using var twice = await pelapor.PostWithTokenAsync("/laporan/baru", confirmed, antiforgery);

        var target = await HttpAssert.RedirectsToAsync(once, "/laporan/");
        Assert.Equal(target, await HttpAssert.RedirectsToAsync(twice, "/laporan/"));
        Assert.Equal(1, await factory.QueryAsync(db => db.Reports.CountAsync(r => r.Location == "Ruang B")));
        Assert.Equal(2, await factory.QueryAsync(db => db.Reports.CountAsync(r => r.FormToken != null)));
    }
}
