using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>
/// Issue 16, point 6: the acknowledgement, on-site signature and approval forms show the Berita Acara being signed or
/// approved before their button, and the acknowledgement form says who will appear on it as the receiving party.
/// </summary>
public sealed partial class StepFormsShowWhatIsSigned(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private const string ColleagueUserName = "pelapor.bkd.kedua";
    private const string ColleagueName = "Siti Aminah, S.Kom";
    private const string ColleagueNip = "199101012015032002";
    private const string ColleaguePosition = "Kepala Subbagian Umum dan Kepegawaian";

    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task TheAcknowledgementFormSaysTheAcknowledgingColleagueIsPrintedAsTheReceivingParty()
    {
        await EnsureColleagueAsync();
        var id = await AwaitingAcknowledgementAsync("uji pihak penerima");

        var html = await (await _w.As(ColleagueUserName)).GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.Acknowledge}");

        var preview = Section(html, "ba-preview");
        Assert.Contains("Mengganti kabel patch dan restart switch", preview, StringComparison.Ordinal);
        Assert.Contains("Kabel patch Cat6", preview, StringComparison.Ordinal);
        var workBa = await CurrentWorkBaAsync(id);
        Assert.Contains($"href=\"/laporan/{id}/dokumen/{workBa.Id}\"", preview, StringComparison.Ordinal);
        Assert.Contains(workBa.Number, preview, StringComparison.Ordinal);
        // The statement comes before the button.
        Assert.True(html.IndexOf("data-testid=\"ba-preview\"", StringComparison.Ordinal) < html.IndexOf("data-step-form", StringComparison.Ordinal),
            "The Berita Acara is shown after the form's button.");
        var party = WebPageHelpers.Text(Section(html, "receiving-party"));
        Assert.Contains("Pihak kedua (penerima hasil pekerjaan) pada Berita Acara adalah Anda", party, StringComparison.Ordinal);
        Assert.Contains(ColleagueName, party, StringComparison.Ordinal);
        Assert.Contains(Nip.Format(ColleagueNip), party, StringComparison.Ordinal);
        Assert.Contains(ColleaguePosition, party, StringComparison.Ordinal);
        Assert.Contains("Laporan ini dibuat oleh Rina Marlina", party, StringComparison.Ordinal);

        // What the page said is what the document prints.
        await _w.StepOkAsync(ColleagueUserName, id, WorkflowAction.Acknowledge, ReportStatus.KasiReview, ("Note", "Sudah normal"));
        var acknowledged = await CurrentWorkBaAsync(id);
        var text = PdfReader.Text(acknowledged.Pdf);
        Assert.Contains(ColleagueName, text, StringComparison.Ordinal);
        Assert.Contains(Nip.Format(ColleagueNip), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportersOwnAcknowledgementNamesThemWithoutTheColleagueNote()
    {
        var id = await AwaitingAcknowledgementAsync("uji pelapor sendiri");

        var html = await (await _w.As("pelapor")).GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.Acknowledge}");

        var party = WebPageHelpers.Text(Section(html, "receiving-party"));
        Assert.Contains("Rina Marlina", party, StringComparison.Ordinal);
        Assert.Contains(Nip.Format("199003152015032001"), party, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receiving-not-reporter\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOnSiteSignatureFormShowsTheBeritaAcaraAndWhoSigns()
    {
        var id = await AwaitingAcknowledgementAsync("uji tanda tangan di lokasi");

        var html = await (await _w.As("teknisi")).GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.AcknowledgeOnSite}");

        Assert.Contains("Mengganti kabel patch dan restart switch", Section(html, "ba-preview"), StringComparison.Ordinal);
        Assert.Contains("Nama pelapor yang menandatangani", WebPageHelpers.Text(Section(html, "receiving-party")), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ba-pdf\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApprovalFormShowsTheBeritaAcaraAndItsPdfOpens()
    {
        var id = await AwaitingAcknowledgementAsync("uji persetujuan kasi");
        await _w.AcknowledgeAsync(id);

        var kasi = await _w.As("kasi");
        var html = await kasi.GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.Approve}");

        var preview = Section(html, "ba-preview");
        Assert.Contains("Berita Acara Pekerjaan yang Anda setujui", WebPageHelpers.Text(preview), StringComparison.Ordinal);
        Assert.Contains("Kabel patch rusak", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"receiving-party\"", html, StringComparison.Ordinal);
        var link = PdfLink().Match(preview);
        Assert.True(link.Success, "The approval form has no link to the Berita Acara's PDF.");
        using var pdf = await kasi.GetAsync(link.Groups[1].Value);
        pdf.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Mengganti kabel patch", PdfReader.Text(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherStepFormsDoNotShowIt()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang arsip mati, uji tanpa berita acara");
        var html = await (await _w.As("kadis")).GetPageAsync($"/laporan/{id}/langkah/{WorkflowAction.Dispose}");
        Assert.DoesNotContain("data-testid=\"ba-preview\"", html, StringComparison.Ordinal);
    }

    private async Task<int> AwaitingAcknowledgementAsync(string what)
    {
        var id = await _w.SubmitAsync(description: "Internet ruang kepegawaian mati, " + what);
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        return id;
    }

    private Task<IssuedDocument> CurrentWorkBaAsync(int id) => factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
        .Where(d => d.ReportId == id && d.Type == DocumentType.WorkBa && !d.IsSuperseded).OrderByDescending(d => d.Version).FirstAsync());

    private async Task EnsureColleagueAsync()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(ColleagueUserName) is not null) return;
            var opdId = await factory.OpdIdAsync("BKD");
            var user = new AppUser
            {
                UserName = ColleagueUserName, FullName = ColleagueName, Nip = ColleagueNip, Position = ColleaguePosition,
                OpdId = opdId, Email = ColleagueUserName + "@example.go.id", EmailConfirmed = true, CreatedAtUtc = DateTime.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, UserProvisioning.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Pelapor)).Succeeded);
        });
    }

    /// <summary>The element marked data-testid=<paramref name="testId"/> up to the end of its section or div (outer HTML, roughly).</summary>
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No {testId} on the page.");
        var open = html.LastIndexOf('<', start);
        var tag = html[(open + 1)..].Split(' ', 2)[0];
        var end = -1;
        // Nested elements of the same tag: take the outermost closing tag by counting.
        var depth = 0;
        var i = open;
        while (i < html.Length)
        {
            var nextOpen = html.IndexOf($"<{tag}", i + 1, StringComparison.Ordinal);
            var nextClose = html.IndexOf($"</{tag}>", i + 1, StringComparison.Ordinal);
            if (nextClose < 0) break;
            if (nextOpen >= 0 && nextOpen < nextClose)
            {
                depth++;
                i = nextOpen;
            }
            else
            {
                if (depth == 0)
                {
                    end = nextClose;
                    break;
                }
                depth--;
                i = nextClose;
            }
        }
        return html[open..(end + tag.Length + 3)];
    }

    [GeneratedRegex("href=\"(/laporan/\\d+/dokumen/\\d+)\"")]
    private static partial Regex PdfLink();

    public void Dispose() => _w.Dispose();
}
