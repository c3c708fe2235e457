using Microsoft.Data.Sqlite;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Web;
using NetworkMaintenance.Web.Commands;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary><c>documents sample --out FOLDER</c>, run through the app's own command line on a throw-away data folder.</summary>
public sealed class SampleDocumentsCommand : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nm-cmd-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WritesOneSamplePdfOfEachOfTheFiveDocumentsTheMonthlyRecapAndItsNotaDinas()
    {
        var output = Path.Combine(_folder, "samples");
        string[] args = ["documents", "sample", "--out", output];

        var exitCode = await RunAsync(args);

        Assert.Equal(0, exitCode);
        var files = Directory.GetFiles(output, "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var samples = DocumentSamples.All();
        Assert.Equal(7, files.Count);
        Assert.Equal(samples.Select(OfficialDocumentRenderer.FileName).Append("rekap-bulanan-2026-11.pdf").Append("nota-dinas-rekap-2026-11.pdf")
            .Order(StringComparer.Ordinal), files);
        Assert.Equal(RecapCoverLetterTemplate.Render(DocumentSamples.RecapCoverLetter()),
            await File.ReadAllBytesAsync(Path.Combine(output, "nota-dinas-rekap-2026-11.pdf")));
        Assert.Equal(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()),
            await File.ReadAllBytesAsync(Path.Combine(output, "rekap-bulanan-2026-11.pdf")));
        foreach (var sample in samples)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(output, OfficialDocumentRenderer.FileName(sample)));
            Assert.Equal(OfficialDocumentRenderer.Render(sample), bytes);
        }
    }

    [Fact]
    public async Task WithoutAnOutputFolderItExplainsItsUsage()
    {
        Assert.Equal(2, await RunAsync(["documents", "sample"]));
        Assert.Equal(2, await RunAsync(["documents"]));
        Assert.Equal(2, await RunAsync(["documents", "previews"]));
    }

    private async Task<int> RunAsync(string[] args)
    {
        var data = Path.Combine(_folder, "data");
        await using var app = AppHost.Build([.. args, "--Database:Provider", "Sqlite", "--Database:DataDirectory", data,
            "--ConnectionStrings:Sqlite", ""]);
        Assert.True(CommandLine.IsCommand(args));
        return await CommandLine.RunAsync(app, args);
    }

    public void Dispose()
    {
        SqlitePools.ReleaseDataDirectory(_folder);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open; the OS temp cleaner will take it.
        }
    }
}
