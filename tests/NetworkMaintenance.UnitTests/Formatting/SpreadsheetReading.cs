using System.Text;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.UnitTests.Formatting;

/// <summary>Uploaded spreadsheets (the device import) read by <see cref="SpreadsheetCsv"/> and <see cref="SpreadsheetXlsx"/>.</summary>
public sealed class SpreadsheetReading
{
    private static MemoryStream Utf8(string text, bool bom = true) =>
        new(bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(';', true)]
    [InlineData(',', false)]
    public void ACsvFileIsReadWithItsSeparatorAndQuotedFields(char separator, bool bom)
    {
        var s = separator.ToString();
        var text = $"OPD{s} Merek/Tipe {s}Ruang\r\n"
            + $"BKD{s}\"Cisco{s} \"\"SG350\"\"\"{s}\"Lantai 2\nsayap timur\"\r\n"
            + "\r\n"
            + $"Dinkes{s}TP-Link\r\n";

        var rows = SpreadsheetCsv.ReadRows(Utf8(text, bom));

        Assert.Equal(3, rows.Count);
        Assert.Equal("BKD", rows[0]["opd"]);
        Assert.Equal($"Cisco{s} \"SG350\"", rows[0]["Merek/Tipe"]);
        Assert.Equal("Lantai 2\nsayap timur", rows[0]["Ruang"]);
        // The empty line stays a row, so that the rows after it keep their numbers in the file.
        Assert.All(rows[1].Values, v => Assert.True(string.IsNullOrEmpty(v)));
        Assert.Equal(("Dinkes", "TP-Link", null), (rows[2]["OPD"], rows[2]["Merek/Tipe"], rows[2]["Ruang"]));
    }

    [Fact]
    public void AnUnclosedQuoteMakesTheFileUnreadable() =>
        Assert.Throws<InvalidDataException>(() => SpreadsheetCsv.ReadRows(Utf8("OPD;Jenis\r\nBKD;\"Switch\r\nDinkes;UPS\r\n")));

    [Fact]
    public async Task AnXlsxFileIsReadByItsHeaderRow()
    {
        var xlsx = await SpreadsheetXlsx.WriteAsync("Perangkat", ["OPD", "Merek/Tipe", "Tanggal Pasang"],
            [new object?[] { "BKD", "MikroTik RB4011", new DateTime(2024, 3, 1) }], dateColumns: [2]);

        var rows = SpreadsheetXlsx.ReadRows(new MemoryStream(xlsx));

        var row = Assert.Single(rows);
        Assert.Equal(("BKD", "MikroTik RB4011", "2024-03-01"), (row["opd"], row["Merek/Tipe"], row["Tanggal Pasang"]));
    }
}
