using System.Diagnostics;
using System.Globalization;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;

// Document rendering benchmark: renders each official document many times after a warm-up and prints the
// median and 95th-percentile time per document and its size. Usage:
//   dotnet run -c Release --project benchmarks/NetworkMaintenance.Benchmarks -- documents [--iterations N]
// The HTTP benchmark (`-- http`, docs/performance.md) lives in Http/.
// Targets (issue "Official documents"): a one-page Berita Acara in at most 10 ms warm and at most 100 KB.

if (args is ["soak", ..]) return await NetworkMaintenance.Benchmarks.Soak.RunAsync(args[1..]);
if (args.FirstOrDefault() == "storm") return await NetworkMaintenance.Benchmarks.Http.HttpBenchmark.StormAsync(args[1..]);
if (args.FirstOrDefault() == "exports") return await NetworkMaintenance.Benchmarks.Http.HttpBenchmark.ExportsAsync(args[1..]);
if (args.FirstOrDefault() == "report-load") return await NetworkMaintenance.Benchmarks.ReportLoad.RunAsync(args[1..]);
if (args.FirstOrDefault() == "http") return await NetworkMaintenance.Benchmarks.Http.HttpBenchmark.RunAsync(args[1..]);

var iterations = args.SkipWhile(a => a != "--iterations").Skip(1).Select(int.Parse).FirstOrDefault(200);
var culture = CultureInfo.InvariantCulture;

Console.WriteLine($"Document rendering, {iterations} iterations after warm-up, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
// "CPU per render" is the process's CPU time over the timed renders divided by their number: on a machine shared with
// other work it moves far less than the wall-clock median, which includes the time this thread waited for a core.
Console.WriteLine("| Document | Pages | Size (KB) | Median (ms) | p95 (ms) | CPU per render (ms) | Allocated per render (KB) |");
Console.WriteLine("|---|---|---|---|---|---|---|");

var failed = false;
foreach (var document in DocumentSamples.All())
{
    var bytes = OfficialDocumentRenderer.Render(document);
    for (var i = 0; i < 20; i++) OfficialDocumentRenderer.Render(document);

    var times = new double[iterations];
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        OfficialDocumentRenderer.Render(document);
        times[i] = watch.Elapsed.TotalMilliseconds;
    }
    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
    var allocatedKb = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / iterations;
    Array.Sort(times);
    var median = times[iterations / 2];
    var p95 = times[(int)(iterations * 0.95)];
    var pages = CountPages(bytes);
    Console.WriteLine(string.Create(culture,
        $"| {document.GetType().Name} | {pages} | {bytes.Length / 1024.0:F1} | {median:F2} | {p95:F2} | {cpuMs:F2} | {allocatedKb:F0} |"));

    if (document is DeviceReplacementBeritaAcaraDocument && (median > 10 || bytes.Length > 100 * 1024))
    {
        failed = true;
    }
}

Console.WriteLine();
Console.WriteLine(failed
    ? "Target missed: the one-page Berita Acara must render in at most 10 ms (median, warm) and weigh at most 100 KB."
    : "Target met: the one-page Berita Acara renders within 10 ms (median, warm) and weighs at most 100 KB.");
return 0;

static int CountPages(byte[] pdf)
{
    using var stream = new MemoryStream(pdf);
    using var document = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
    return document.PageCount;
}
