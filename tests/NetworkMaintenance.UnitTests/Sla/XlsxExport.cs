using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.UnitTests.Sla;

/// <summary>
/// The report list's workbook is written by the app's streaming writer and read back here by another library, the Open XML SDK, so the
/// test does not share the writer's assumptions.
/// </summary>
public class XlsxExport
{
    private static readonly DateTime ReceivedWib = new(2026, 11, 30, 23, 45, 0);

    private static ReportExport.Row Report(string number, string location) => new(
        [number, "30 Nov 2026 23.45", "BKD", "Rina", "Aplikasi", "Tidak ada internet", "Dikerjakan", location, "Melewati batas", "lewat 2 jam"],
        ReceivedWib);

    [Fact]
    public async Task TheReceptionTimeIsANumericCellWithADateFormat()
    {
        var bytes = await ReportExport.XlsxAsync([Report("GJ-2026-000001", "Lantai 3")]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var cell = Cells(workbook)[1][ReportExport.ReceivedColumn];

        // A number, not text: no data type or "n", and the value is the serial date of the WIB time.
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"data type {cell.DataType?.Value}");
        var serial = double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
        Assert.Equal(ReceivedWib, DateTime.FromOADate(serial), TimeSpan.FromSeconds(1));

        // Its style's number format is a date format (built-in 14-22 or a custom code with day, month and year).
        Assert.NotNull(cell.StyleIndex);
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        var id = format.NumberFormatId!.Value;
        var code = stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value;
        Assert.True(id is >= 14 and <= 22 || (code is not null && IsDateCode(code)), $"number format {id} '{code}' is not a date format");
    }

    [Fact]
    public async Task TheSheetHasTheHeaderAndEveryOtherCellAsText()
    {
        var bytes = await ReportExport.XlsxAsync([Report("GJ-2026-000001", "=HYPERLINK(\"http://x\")"), Report("GJ-2026-000002", "Gedung A")]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("Laporan", workbook.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        var rows = Cells(workbook);
        Assert.Equal(3, rows.Count);
        Assert.Equal(ReportExport.Header, rows[0].Select(c => Text(workbook, c)));
        Assert.Equal("GJ-2026-000002", Text(workbook, rows[2][0]));
        Assert.Equal("Gedung A", Text(workbook, rows[2][7]));
        // A formula typed into a report stays the text it was: no cell of the sheet holds a formula.
        Assert.Equal("=HYPERLINK(\"http://x\")", Text(workbook, rows[1][7]));
        Assert.Empty(workbook.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
    }

    [Fact]
    public async Task AnEmptyListStillHasTheHeader()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await ReportExport.XlsxAsync([])), false);
        var rows = Cells(document.WorkbookPart!);
        Assert.Equal(ReportExport.Header, Assert.Single(rows).Select(c => Text(document.WorkbookPart!, c)));
    }

    private static List<List<Cell>> Cells(WorkbookPart workbook) =>
        workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

    /// <summary>A text cell's text, whichever way it is stored (shared, inline or formula-result string).</summary>
    private static string Text(WorkbookPart workbook, Cell cell)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var index = int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
            return workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(index).InnerText;
        }
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        Assert.True(cell.DataType?.Value == CellValues.String, $"cell {cell.CellReference} is not text ({cell.DataType?.Value})");
        return cell.CellValue?.Text ?? "";
    }

    private static bool IsDateCode(string code)
    {
        var bare = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "").ToLowerInvariant();
        return bare.Contains('d', StringComparison.Ordinal) && bare.Contains('y', StringComparison.Ordinal) && bare.Contains('m', StringComparison.Ordinal);
    }
}
