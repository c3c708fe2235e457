using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Templates;

namespace NetworkMaintenance.Web.Commands;

/// <summary><c>documents sample --out FOLDER</c>: writes one sample PDF of every official document type.</summary>
internal static class DocumentsCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var folder = CommandLine.Option(args, "--out");
        if (args.Length == 0 || args[0] != "sample" || string.IsNullOrWhiteSpace(folder))
        {
            await Console.Error.WriteLineAsync("Usage: documents sample --out FOLDER");
            await Console.Error.WriteLineAsync("Writes one sample PDF of each of the five official documents and of the monthly recap (DocumentSamples) into FOLDER.");
            return 2;
        }

        var target = Path.GetFullPath(folder);
        Directory.CreateDirectory(target);
        foreach (var sample in DocumentSamples.All())
        {
            var path = Path.Combine(target, OfficialDocumentRenderer.FileName(sample));
            var bytes = OfficialDocumentRenderer.Render(sample);
            await File.WriteAllBytesAsync(path, bytes);
            Console.WriteLine($"{path} ({bytes.Length / 1024} KB)");
        }

        // The monthly recap (a lampiran without a number of its own) and its numbered nota dinas.
        var recap = DocumentSamples.MonthlyRecap();
        var recapPath = Path.Combine(target, MonthlyRecapTemplate.FileName(recap.Year, recap.Month));
        var recapBytes = MonthlyRecapTemplate.Render(recap);
        await File.WriteAllBytesAsync(recapPath, recapBytes);
        Console.WriteLine($"{recapPath} ({recapBytes.Length / 1024} KB)");
        var cover = DocumentSamples.RecapCoverLetter();
        var coverPath = Path.Combine(target, RecapCoverLetterTemplate.FileName(cover.Year, cover.Month));
        var coverBytes = RecapCoverLetterTemplate.Render(cover);
        await File.WriteAllBytesAsync(coverPath, coverBytes);
        Console.WriteLine($"{coverPath} ({coverBytes.Length / 1024} KB)");

        app.Logger.LogInformation("Wrote {Count} sample documents and the monthly recap to {Folder}", DocumentSamples.All().Count, target);
        return 0;
    }
}
