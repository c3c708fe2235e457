using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>
/// Rekap Bulanan: letterhead, title and period, totals and channels, SLA compliance, tables per OPD and per fault
/// category, the month's IKM, and the Kepala Dinas's signature block. No number and no QR code: it is a report of
/// figures, not an issued document; the footer says when it was generated.
/// </summary>
public static class MonthlyRecapTemplate
{
    public const string Title = "REKAP BULANAN PELAYANAN MAINTENANCE GANGGUAN JARINGAN";

    private const double LabelWidth = 150;

    /// <summary>Heading, three rows and the space after them (13 pt lines), plus the space before the signature.</summary>
    private const double IkmSectionHeight = 16 + (3 * 13) + 8 + 6;

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static byte[] Render(MonthlyRecapDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var generated = Wib.FromUtc(model.GeneratedAtUtc);
        var info = new PdfDocumentInfo(
            Title: $"Rekap Bulanan Pelayanan Maintenance Gangguan Jaringan {model.Period}",
            Subject: Title,
            Author: model.Letterhead.AgencyName,
            CreatedAtUtc: model.GeneratedAtUtc,
            Identity: $"{nameof(MonthlyRecapDocument)}\n{model.Year}-{model.Month}\n{model.OpdName}\n{model.GeneratedAtUtc:O}");
        using var c = new PdfComposer(info);
        c.Letterhead(model.Letterhead);
        c.Title(Title, null);
        var centred = ParagraphStyle.Body with { Align = TextAlign.Center, SpaceAfter = 2 };
        c.Paragraph([new TextRun("Periode: "), TextRun.Strong(model.Period)], centred);
        if (model.OpdName is not null) c.Paragraph([new TextRun("OPD: "), TextRun.Strong(model.OpdName)], centred);
        c.Space(10);

        var section = ParagraphStyle.Body with { LeftIndent = 18 };
        c.Heading("A. Jumlah Laporan");
        c.KeyValues(
            [
                new KeyValue("Laporan diterima", Count(model.Received), BoldValue: true),
                new KeyValue("Menurut saluran", model.ByChannel.Count == 0
                    ? "-"
                    : string.Join(", ", model.ByChannel.Select(ch => $"{ch.Channel} {Number(ch.Count)}"))),
                new KeyValue("Selesai dikerjakan", Count(model.Completed)),
                new KeyValue("Ditolak", Count(model.Rejected)),
                new KeyValue("Masih terbuka", $"{Count(model.OpenAtEnd)} (per {IndonesianDate.Format(model.OpenCountedOn)})"),
            ],
            LabelWidth,
            indent: 18);

        c.Heading($"B. Ketepatan Waktu Penyelesaian (target {IndonesianDate.Duration(model.Target)})");
        c.KeyValues(
            [
                new KeyValue("Selesai dalam target",
                    model.Completed == 0
                        ? "belum ada laporan yang selesai dikerjakan"
                        : $"{Number(model.CompletedWithinTarget)} dari {Count(model.Completed)} ({Percent(model.CompliancePercent)})",
                    BoldValue: true),
                new KeyValue("Median waktu penyelesaian", Hours(model.MedianHours)),
                new KeyValue("Persentil ke-90", Hours(model.P90Hours)),
            ],
            LabelWidth,
            indent: 18,
            spaceAfter: 2);
        c.Paragraph(
            "Waktu penyelesaian dihitung dari laporan diterima sampai Berita Acara pekerjaan terbit, tanpa waktu tunda "
            + "(menunggu pelapor atau perangkat).",
            section with { Italic = true, FontSize = 8.5 });

        c.Heading("C. Rekap per OPD");
        Rows(c, "OPD", model.ByOpd);

        c.Heading("D. Rekap per Kategori Gangguan");
        Rows(c, "Kategori gangguan", model.ByCategory);

        // Keep the IKM section with the signature: a signature never stands alone on the last page.
        SignatureBlock[] signature = [new SignatureBlock([], model.KepalaDinas, WetSignature: true)];
        var placeDate = IndonesianDate.PlaceAndDate(model.Letterhead.City, DateOnly.FromDateTime(generated));
        c.EnsureSpace(IkmSectionHeight + c.SignaturesHeight(signature, placeDate));
        c.Heading("E. Indeks Kepuasan Masyarakat (IKM)");
        if (model.Ikm is not { } ikm)
        {
            c.Paragraph("Belum ada data survei kepuasan masyarakat pada periode ini.", section with { Italic = true });
        }
        else
        {
            c.KeyValues(
                [
                    new KeyValue("Jumlah responden", Number(ikm.Respondents) + " orang"),
                    new KeyValue("Nilai IKM", Math.Round(ikm.Converted, 2, MidpointRounding.AwayFromZero).ToString("0.00", Id), BoldValue: true),
                    new KeyValue("Mutu pelayanan", $"{ikm.Grade} ({ikm.GradeLabel})"),
                ],
                LabelWidth,
                indent: 18);
        }

        c.Space(6);
        c.Signatures(signature, placeDate);
        return c.Render(PdfFooter.Plain(
            $"Rekap dibuat dari data aplikasi pada {IndonesianDate.DateAndTime(generated)}. Laporan statistik, bukan dokumen bernomor."));
    }

    /// <summary>"rekap-bulanan-2026-11.pdf" (with the OPD's id when filtered).</summary>
    public static string FileName(int year, int month, int? opdId = null) =>
        string.Create(CultureInfo.InvariantCulture, $"rekap-bulanan-{year:D4}-{month:D2}") +
        (opdId is { } id ? string.Create(CultureInfo.InvariantCulture, $"-opd-{id}") : "") + ".pdf";

    private static void Rows(PdfComposer c, string nameHeader, IReadOnlyList<RecapRow> rows)
    {
        IReadOnlyList<string> Row(RecapRow r, string no) =>
            [no, r.Name, Number(r.Received), Number(r.Completed), Number(r.WithinTarget), Percent(r.CompliancePercent)];
        var body = rows.Select((r, i) => Row(r, Number(i + 1))).ToList();
        if (rows.Count == 0) body.Add(["-", "Tidak ada laporan", "0", "0", "0", "—"]);
        else
        {
            var total = new RecapRow("Jumlah", rows.Sum(r => r.Received), rows.Sum(r => r.Completed), rows.Sum(r => r.WithinTarget));
            body.Add(Row(total, ""));
        }

        c.Table(
            [
                new TableColumn("No", 6, CellAlign.Center),
                new TableColumn(nameHeader, 42),
                new TableColumn("Diterima", 13, CellAlign.Center),
                new TableColumn("Selesai", 13, CellAlign.Center),
                new TableColumn("Dalam target", 14, CellAlign.Center),
                new TableColumn("%", 12, CellAlign.Center),
            ],
            body);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n) => Number(n) + " laporan";

    private static string Percent(double? p) => p is { } v ? v.ToString("0.#", Id) + "%" : "—";

    private static string Hours(double? h) => h is { } v ? v.ToString("0.#", Id) + " jam" : "—";
}
