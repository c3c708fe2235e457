using System.Net;
using System.Text;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 4: a cell like <c>Gedung;=1+1;</c> must not become a formula when the CSV is opened with the Indonesian
/// list separator. The three exports (report list, guest book, audit log) share one writer: UTF-8 with BOM, ';',
/// every field quoted, triggers neutralised also after ',', ';' or a tab inside a cell.
/// </summary>
public sealed class CsvFormulaInjection(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Payload = "Gedung;=1+1;";

    [Fact]
    public async Task NoExportLetsAFormulaThroughEvenWhenSplitAtEverySeparator()
    {
        using var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Disdukcapil");
        using (var response = await petugas.PostFormAsync("/laporan/baru", Intake.IntakeHelpers.FrontDeskReport(opd, "WalkIn")
            .Set("Location", Payload).Set("ReporterName", "Budi;+62812;@SUM(A1)")
            .Set("GuestName", Payload).Set("GuestIdentityType", "KtaAsn").Set("GuestIdentityNumber", "KTA;-1")
            .Set("GuestInstitution", "Disdukcapil").Set("GuestPurpose", "Lapor;\t=1")
            .Set("GuestTimeIn", WorkflowDriver.NowWib(factory.Clock))))
        {
            await HttpAssert.RedirectsToAsync(response, "/laporan/");
        }
        using (var anonymous = WebSession.Create(factory))
        using (var failed = await anonymous.TryLoginAsync(Payload, "Salah#Sandi2026x"))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }
        using var kadis = await WebSession.SignedInAsync(factory, "kadis");
        using var admin = await WebSession.SignedInAsync(factory, "admin");

        foreach (var (session, url) in new[] { (kadis, "/laporan/ekspor.csv"), (petugas, "/buku-tamu/csv"), (admin, "/admin/audit/ekspor.csv") })
        {
            using var response = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            var text = Encoding.UTF8.GetString(bytes[3..]);
            Assert.Contains("\"Gedung;'=1+1;\"", text, StringComparison.Ordinal);
            foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                // Every field quoted: each line starts and ends with a quote.
                Assert.StartsWith("\"", line, StringComparison.Ordinal);
                Assert.EndsWith("\"", line, StringComparison.Ordinal);
                // A program that ignores the quotes and splits at ';', ',' or a tab still sees no formula.
                foreach (var cell in line.Split([';', ',', '\t', '\n']))
                {
                    var value = cell.TrimStart('"');
                    Assert.False(value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal),
                        $"{url}: the cell '{value}' of line '{line}' starts a formula.");
                }
            }
        }
        Assert.Equal("'=1+1", SpreadsheetCsv.Neutralise("=1+1"));
    }
}
