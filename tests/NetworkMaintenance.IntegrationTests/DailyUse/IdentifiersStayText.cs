using System.IO.Compression;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Intake;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>
/// Issue 16, point 6: a 16-digit identity number (with a leading 0) survives the guest book's CSV and Excel exports as
/// text: the CSV (';', BOM, every field quoted, the app's one writer) read back with a CSV reader gives every digit, and
/// the .xlsx holds it as an inline string.
/// </summary>
public sealed class IdentifiersStayText(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Nik = "0276012345678901";

    [Fact]
    public async Task TheGuestBookCsvReadBackKeepsEveryDigitOfTheIdentityNumber()
    {
        using var petugas = await RecordWalkInAsync("Nur Aisyah");

        using var response = await petugas.GetAsync("/buku-tamu/csv?q=Aisyah");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        Assert.Contains($"\"Nur Aisyah\";\"KTP\";\"=\"\"{Nik}\"\"\";", text, StringComparison.Ordinal);

        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { Separator = ';' });
        var cells = new List<string>();
        while (reader.Read())
        {
            if (reader.GetString("Nama") == "Nur Aisyah") cells.Add(reader.GetString(Web.Features.GuestBook.GuestBookController.IdentityNumberColumn));
        }
        var cell = Assert.Single(cells);
        Assert.Equal($"=\"{Nik}\"", cell);
        Assert.Equal(Nik, SpreadsheetCsv.FromText(cell));
    }

    [Fact]
    public async Task TheGuestBookXlsxHoldsTheIdentityNumberAsText()
    {
        using var petugas = await RecordWalkInAsync("Nur Hasanah");

        using var response = await petugas.GetAsync("/buku-tamu/xlsx?q=Hasanah");
        Assert.Equal(SpreadsheetXlsx.ContentType, response.Content.Headers.ContentType?.ToString());
        // Read with the Open XML SDK, not the library that wrote it: the identity number is a text cell with every digit.
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(
            new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().ToList();
        var cells = workbook.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        string TextOf(DocumentFormat.OpenXml.Spreadsheet.Cell c) =>
            c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? shared![int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)].InnerText
            : c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString ? c.InlineString!.InnerText
            : c.CellValue?.Text ?? "";

        var nik = Assert.Single(cells, c => TextOf(c) == Nik);
        Assert.NotNull(nik.DataType);
        Assert.NotEqual(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, nik.DataType!.Value);
        Assert.Null(nik.CellFormula);
        Assert.Contains(cells, c => TextOf(c) == "Nur Hasanah");
    }

    [Fact]
    public async Task EveryCsvWritesDatesTheSameWay()
    {
        using var petugas = await RecordWalkInAsync("Nur Fadilah");
        var guestBook = Encoding.UTF8.GetString(await (await petugas.GetAsync("/buku-tamu/csv?q=Fadilah")).Content.ReadAsByteArrayAsync());
        var reports = Encoding.UTF8.GetString(await (await petugas.GetAsync("/laporan/ekspor.csv")).Content.ReadAsByteArrayAsync());

        foreach (var (text, column) in new[] { (guestBook, "Jam masuk (WIB)"), (reports, "Diterima (WIB)") })
        {
            using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), CsvReaderOptions.Default with { Separator = ';' });
            var read = 0;
            while (reader.Read())
            {
                Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", reader.GetString(column));
                read++;
            }
            Assert.True(read > 0, $"No rows under {column}.");
        }
    }

    private async Task<WebSession> RecordWalkInAsync(string visitor)
    {
        var petugas = await WebSession.SignedInAsync(factory, "petugas");
        var opd = await factory.OpdIdAsync("Disdukcapil");
        var fields = IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.WalkIn), "Jaringan ruang pelayanan putus, uji " + visitor)
            .Set("GuestName", visitor).Set("GuestIdentityType", "Ktp").Set("GuestIdentityNumber", Nik)
            .Set("GuestPurpose", "Melaporkan gangguan jaringan").Set("GuestTimeIn", "2026-11-29T09:00");
        using var response = await petugas.PostFormAsync("/laporan/baru", fields);
        await HttpAssert.RedirectsToAsync(response, "/laporan/");
        Assert.Equal(Nik, await factory.QueryAsync(db => db.GuestBookEntries.Where(g => g.VisitorName == visitor)
            .Select(g => g.IdentityNumber).SingleAsync()));
        return petugas;
    }
}
