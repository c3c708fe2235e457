using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Templates;

namespace NetworkMaintenance.Web.Commands;

/// <summary>
/// <c>documents sample --out FOLDER</c>: writes one sample PDF of every official document type.
/// <c>documents previews --out docs/images</c>: writes the PNG previews of docs/documents.md (pdftoppm) and their manifest.
/// </summary>
internal static class DocumentsCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var folder = CommandLine.Option(args, "--out");
        if (args.Length == 0 || args[0] is not ("sample" or "previews") || string.IsNullOrWhiteSpace(folder))
        {
            await Console.Error.WriteLineAsync("Usage: documents sample --out FOLDER | documents previews --out docs/images");
            await Console.Error.WriteLineAsync("sample: writes one sample PDF of each of the five official documents and of the monthly recap (DocumentSamples) into FOLDER.");
            await Console.Error.WriteLineAsync($"previews: writes the PNG previews of docs/documents.md with pdftoppm (poppler-utils) and {DocumentPreviews.ManifestName}.");
            return 2;
        }

        if (args[0] == "previews") return await PreviewsAsync(app, Path.GetFullPath(folder));

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

    /// <summary>
    /// Renders every preview's PDF, converts the page it shows with pdftoppm into FOLDER and writes the manifest of the
    /// PDFs' SHA-256 that the unit test SamplesMatchTheApplication compares with the code (docs/documents.md, Previews).
    /// </summary>
    private static async Task<int> PreviewsAsync(WebApplication app, string target)
    {
        Directory.CreateDirectory(target);
        var work = Path.Combine(Path.GetTempPath(), "nm-previews-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            foreach (var preview in DocumentPreviews.All())
            {
                var pdf = Path.Combine(work, Path.ChangeExtension(preview.ImageName, ".pdf"));
                await File.WriteAllBytesAsync(pdf, preview.Render());
                var image = Path.Combine(target, preview.ImageName);
                var page = preview.Page.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var start = new System.Diagnostics.ProcessStartInfo("pdftoppm")
                {
                    ArgumentList = { "-png", "-r", DocumentPreviews.Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", page, "-l", page,
                        "-singlefile", pdf, Path.ChangeExtension(image, null) },
                    UseShellExecute = false,
                };
                using var process = System.Diagnostics.Process.Start(start)
                    ?? throw new InvalidOperationException("pdftoppm could not be started (install poppler-utils).");
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                {
                    await Console.Error.WriteLineAsync($"pdftoppm failed for {preview.ImageName} (exit code {process.ExitCode}).");
                    return 1;
                }
                Console.WriteLine(image);
            }

            await File.WriteAllTextAsync(Path.Combine(target, DocumentPreviews.ManifestName), DocumentPreviews.Manifest());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            await Console.Error.WriteLineAsync("pdftoppm was not found: install poppler-utils. " + ex.Message);
            return 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        app.Logger.LogInformation("Wrote {Count} document previews to {Folder}", DocumentPreviews.All().Count, target);
        return 0;
    }
}
