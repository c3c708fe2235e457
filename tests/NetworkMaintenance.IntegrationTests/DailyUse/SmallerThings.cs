using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>The smaller things found in a day of real use (issue 16, point 6), each over HTTP.</summary>
public sealed partial class SmallerThings(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task ASingleTechnicianAssignedWithoutTickingTheLeadIsTheLead()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji satu teknisi");
        await _w.DisposeAsync(id);
        await _w.VerifyAsync(id);
        var teknisi = await _w.UserIdAsync("teknisi");

        await _w.StepOkAsync("kasi", id, WorkflowAction.Assign, ReportStatus.Assigned,
            ("TechnicianIds", teknisi), ("Instructions", "Koordinasikan"));

        var assignments = await factory.QueryAsync(db => db.Set<ReportAssignment>().Where(a => a.ReportId == id).ToListAsync());
        var only = Assert.Single(assignments);
        Assert.Equal(teknisi, only.UserId);
        Assert.True(only.IsLead);
    }

    [Fact]
    public async Task ATeamWithoutALeadIsRefusedWithAClearMessage()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji tim tanpa ketua");
        await _w.DisposeAsync(id);
        await _w.VerifyAsync(id);

        using var response = await _w.StepAsync("kasi", id, WorkflowAction.Assign,
            ("TechnicianIds", await _w.UserIdAsync("teknisi")), ("TechnicianIds", await _w.UserIdAsync("teknisi2")),
            ("Instructions", "Koordinasikan"));

        Assert.Contains("Pilih ketua tim di antara staf yang ditugaskan.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)),
            StringComparison.Ordinal);
        Assert.Equal(ReportStatus.DisposedToKasi, await _w.StatusAsync(id));
    }

    [Fact]
    public async Task TheReporterIsToldOfThePlannedOnSiteVisitWithTheTechniciansNameAndPhone()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang rapat mati, uji kunjungan lokasi");
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: false);

        var reporter = await _w.UserIdAsync("pelapor");
        var teknisi = await _w.UserIdAsync("teknisi");
        var phone = await factory.QueryAsync(db => db.Users.Where(u => u.Id == teknisi).Select(u => u.PhoneNumber).SingleAsync());
        Assert.False(string.IsNullOrEmpty(phone));
        var last = await factory.QueryAsync(db => db.Notifications.Where(n => n.UserId == reporter && n.ReportId == id)
            .OrderByDescending(n => n.Id).Select(n => n.Message).FirstAsync());
        Assert.Contains("diperiksa di lokasi", last, StringComparison.Ordinal);
        Assert.Contains("Bayu Pratama, A.Md", last, StringComparison.Ordinal);
        Assert.Contains(phone!, last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpdFilterListsFullNamesInAlphabeticalOrder()
    {
        var html = await (await _w.As("kadis")).GetPageAsync("/laporan");
        var select = OpdSelect().Match(html);
        Assert.True(select.Success, "The report list has no OPD filter.");
        var options = OptionText().Matches(select.Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())
            .Where(t => t.Length > 0 && !t.StartsWith("Semua", StringComparison.Ordinal)).ToList();
        Assert.True(options.Count >= 2);
        Assert.Equal(options.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("id-ID"), true)), options);
        Assert.Contains(options, o => o == "Badan Kepegawaian Daerah (BKD)");
    }

    [Fact]
    public async Task PublicTrackingOfARejectedReportShowsTheRejectionAndItsReasonAndTheHistorySaysTheRole()
    {
        var id = await _w.SubmitAsync(description: "Aplikasi kepegawaian error, uji pelacakan laporan ditolak");
        await _w.StepOkAsync("kadis", id, WorkflowAction.Reject, ReportStatus.Rejected, ("Reason", "Bukan gangguan jaringan, melainkan aplikasi"));
        var r = await factory.QueryAsync(db => db.Reports.Where(x => x.Id == id).Select(x => new { x.Number, x.TrackingCode }).SingleAsync());

        using var anonymous = WebSession.Create(factory);
        using var response = await anonymous.PostFormAsync("/lacak", [new("Nomor", r.Number), new("Kode", r.TrackingCode)]);
        var html = await HttpAssert.OkPageAsync(response);
        var text = WebPageHelpers.Text(html);
        Assert.Contains("data-testid=\"rejection\"", html, StringComparison.Ordinal);
        Assert.Contains("Bukan gangguan jaringan, melainkan aplikasi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sesuai janji layanan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Selesai:", text, StringComparison.Ordinal);
        Assert.Contains("Ditolak:", text, StringComparison.Ordinal);
        Assert.Contains("(Kepala Dinas)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Muhammad Fauzi", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("<select[^>]*name=\"opdId\"[^>]*>.*?</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OpdSelect();

    [GeneratedRegex("<option[^>]*>([^<]*)</option>")]
    private static partial Regex OptionText();

    public void Dispose() => _w.Dispose();
}
