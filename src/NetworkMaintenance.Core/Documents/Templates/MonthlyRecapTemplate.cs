using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>
/// Rekap Bulanan: letterhead, title and period ("bulan berjalan" with its cut-off for a running month), the
/// reconciliation of open reports, SLA compliance, the twelve-month trend and the OPD and category charts and tables,
/// the devices repaired and replaced per OPD, the devices replaced, spares and stock
/// on hand against their reorder levels, the devices with most faults, the reports over the target with their reasons, the IKM with its response rate, the narrative
/// the Kepala Bidang or Kepala Dinas edited, and the Kepala Dinas's (or Plh.'s) signature block. No number and no QR
/// code of its own: it is the lampiran of a numbered nota dinas (<see cref="RecapCoverLetterTemplate"/>).
/// </summary>
public static class MonthlyRecapTemplate
{
    public const string Title = "REKAP BULANAN PELAYANAN MAINTENANCE GANGGUAN JARINGAN";

    /// <summary>The charts show at most this many OPDs; the others are summed into one "Lainnya" bar.</summary>
    public const int ChartOpdLimit = 10;

    private const double LabelWidth = 150;

    /// <summary>Printed before the reasons of a report over the target that was still open at the cut-off.</summary>
    public const string StillOpenNote = "Belum selesai pada akhir periode.";

    /// <summary>The mark of a spare or stock line at or below its reorder level.</summary>
    public const string ReorderMark = "Perlu pesan ulang";

    /// <summary>How many devices the "most faults" table lists.</summary>
    public const int MostFaultsLimit = 10;

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    /// <summary>"Jan" … "Des": the Indonesian month abbreviations of the trend chart.</summary>
    public static string ShortMonth(int month) => ShortMonths[month - 1];

    /// <summary>"Periode: November 2026" or "Periode: Desember 2026 (bulan berjalan, data sampai 4 Desember 2026 pukul 09.00 WIB)".</summary>
    public static string PeriodLine(MonthlyRecapDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.IsRunningMonth
            ? $"{model.Period} (bulan berjalan, data sampai {IndonesianDate.DateAndTime(Wib.FromUtc(model.CutoffUtc))})"
            : model.Period;
    }

    /// <summary>"sisa bulan lalu 3 + diterima 5 − selesai 2 − ditolak 1 = sisa akhir bulan 5".</summary>
    public static string ReconciliationLine(MonthlyRecapDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"sisa bulan lalu {Number(model.OpenAtStart)} + diterima {Number(model.Received)} − selesai {Number(model.Closed)} "
            + $"− ditolak {Number(model.Rejected)} = sisa akhir bulan {Number(model.OpenAtEnd)}";
    }

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
        c.Paragraph([new TextRun("Periode: "), TextRun.Strong(PeriodLine(model))], centred);
        if (model.OpdName is not null) c.Paragraph([new TextRun("OPD: "), TextRun.Strong(model.OpdName)], centred);
        if (model.CoverLetter is { } letter)
        {
            c.Paragraph($"Lampiran Nota Dinas Kepala Dinas Nomor {letter.Number} tanggal {IndonesianDate.Format(letter.Date)}",
                centred with { FontSize = 8.5, Italic = true });
        }
        c.Space(8);

        var section = ParagraphStyle.Body with { LeftIndent = 18 };
        var note = section with { Italic = true, FontSize = 8.5 };
        var monthStart = new DateOnly(model.Year, model.Month, 1);
        c.Heading("A. Jumlah Laporan");
        c.KeyValues(
            [
                new KeyValue("Sisa bulan lalu", $"{Count(model.OpenAtStart)} (masih terbuka per {IndonesianDate.Format(monthStart.AddDays(-1))})"),
                new KeyValue("Laporan diterima", Count(model.Received), BoldValue: true),
                new KeyValue("Menurut saluran", model.ByChannel.Count == 0
                    ? "-"
                    : string.Join(", ", model.ByChannel.Select(ch => $"{ch.Channel} {Number(ch.Count)}"))),
                new KeyValue("Selesai (ditutup)", Count(model.Closed)),
                new KeyValue("Ditolak", Count(model.Rejected)),
                new KeyValue("Sisa akhir bulan", $"{Count(model.OpenAtEnd)} (masih terbuka per {IndonesianDate.Format(model.OpenCountedOn)})", BoldValue: true),
            ],
            LabelWidth,
            indent: 18,
            spaceAfter: 2);
        c.Paragraph([new TextRun("Rekonsiliasi: "), TextRun.Strong(ReconciliationLine(model))], section with { SpaceAfter = 2 });
        c.Paragraph(
            "Selesai = laporan yang ditutup (disetujui Kepala Dinas) pada periode ini; sisa = laporan yang sudah diterima dan "
            + "belum ditutup atau ditolak.",
            note);

        c.Heading($"B. Ketepatan Waktu Penyelesaian (target {IndonesianDate.Duration(model.Target)})");
        c.KeyValues(
            [
                new KeyValue("Pekerjaan selesai dikerjakan", Count(model.Completed)),
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
            note);

        c.Heading("C. Tren 12 Bulan Terakhir");
        if (model.Trend.Count > 0)
        {
            c.GroupedBars(
                model.Trend.Select(p => ShortMonth(p.Month)).ToList(),
                model.Trend.Select((p, i) => i == 0 || p.Month == 1 ? p.Year.ToString(CultureInfo.InvariantCulture) : null).ToList(),
                [
                    new ChartSeries("Diterima", PdfCharts.Dark, model.Trend.Select(p => p.Received).ToList()),
                    new ChartSeries("Selesai (ditutup)", PdfCharts.Light, model.Trend.Select(p => p.Closed).ToList()),
                ]);
        }

        c.Heading("D. Rekap per OPD");
        c.HorizontalBars(ChartRows(model.ByOpd, ChartOpdLimit), PdfCharts.Dark);
        Rows(c, "OPD", model.ByOpd);

        c.Heading("E. Rekap per Kategori Gangguan");
        c.HorizontalBars(ChartRows(model.ByCategory, int.MaxValue), PdfCharts.Dark);
        Rows(c, "Kategori gangguan", model.ByCategory);

        c.Heading("F. Perangkat Jaringan");
        var sub = section with { SpaceAfter = 2, Bold = true };
        void SubHeading(string text)
        {
            // A sub-heading never ends a page: it keeps its table's header and first rows (or its one-line note) with it.
            c.EnsureSpace(60);
            c.Paragraph(text, sub);
        }

        SubHeading("1. Perangkat diperbaiki dan diganti per OPD");
        if (model.DeviceWork.Count == 0)
        {
            c.Paragraph("Tidak ada perangkat yang diperbaiki atau diganti pada periode ini.", section with { Italic = true, SpaceAfter = 3 });
        }
        else
        {
            c.Table(
                [
                    new TableColumn("No", 6, CellAlign.Center),
                    new TableColumn("OPD", 54),
                    new TableColumn("Diperbaiki", 20, CellAlign.Center),
                    new TableColumn("Diganti", 20, CellAlign.Center),
                ],
                model.DeviceWork.Select((w, i) => (IReadOnlyList<string>)[Number(i + 1), w.OpdName, Number(w.Repaired), Number(w.Replaced)])
                    .Append(["", "Jumlah", Number(model.DeviceWork.Sum(w => w.Repaired)), Number(model.DeviceWork.Sum(w => w.Replaced))]));
        }

        SubHeading("2. Perangkat yang diganti");
        c.Paragraph($"Jumlah perangkat yang diganti: {Number(model.DevicesReplaced.Count)} perangkat.", section with { SpaceAfter = 3 });
        if (model.DevicesReplaced.Count > 0)
        {
            c.Table(
                [
                    new TableColumn("No", 5, CellAlign.Center),
                    new TableColumn("Perangkat", 15),
                    new TableColumn("Merek/Tipe (lama → baru)", 22),
                    new TableColumn("Nomor Seri (lama → baru)", 22),
                    new TableColumn("OPD", 16),
                    new TableColumn("Nomor Laporan", 20),
                ],
                model.DevicesReplaced.Select((d, i) => (IReadOnlyList<string>)
                [
                    Number(i + 1), d.Name, Arrow(d.OldBrandType, d.NewBrandType), Arrow(d.OldSerial, d.NewSerial), d.OpdName, d.ReportNumber,
                ]));
        }

        if (model.OpdName is null)
        {
            SubHeading($"3. Persediaan perangkat cadangan dan stok barang (per {IndonesianDate.Format(DateOnly.FromDateTime(generated))})");
            if (model.StockOnHand.Count == 0)
            {
                c.Paragraph("Belum ada perangkat cadangan atau stok barang yang tercatat.", section with { Italic = true, SpaceAfter = 3 });
            }
            else
            {
                c.Table(
                    [
                        new TableColumn("No", 6, CellAlign.Center),
                        new TableColumn("Jenis / barang", 30),
                        new TableColumn("Tersedia", 14, CellAlign.Center),
                        new TableColumn("Batas pesan ulang", 24, CellAlign.Center),
                        new TableColumn("Keterangan", 26),
                    ],
                    model.StockOnHand.Select((l, i) => (IReadOnlyList<string>)
                    [
                        Number(i + 1), l.Serialised ? $"{l.Name} (cadangan)" : l.Name, $"{Number(l.OnHand)} {l.Unit}",
                        $"{Number(l.ReorderLevel)} {l.Unit}", l.AtOrBelowReorderLevel ? ReorderMark : "Cukup",
                    ]));
            }
        }

        SubHeading($"{(model.OpdName is null ? 4 : 3).ToString(CultureInfo.InvariantCulture)}. Perangkat dengan gangguan terbanyak (12 bulan sampai {model.Period})");
        if (model.MostFaultyDevices.Count == 0)
        {
            c.Paragraph("Tidak ada gangguan perangkat terdaftar dalam 12 bulan ini.", section with { Italic = true, SpaceAfter = 3 });
        }
        else
        {
            c.Table(
                [
                    new TableColumn("No", 6, CellAlign.Center),
                    new TableColumn("Perangkat", 32),
                    new TableColumn("OPD", 34),
                    new TableColumn("Nomor Seri", 16),
                    new TableColumn("Gangguan", 12, CellAlign.Center),
                ],
                model.MostFaultyDevices.Select((d, i) => (IReadOnlyList<string>)
                [
                    Number(i + 1), d.Name, d.OpdName ?? "-", d.SerialNumber ?? "-", Number(d.Faults),
                ]));
        }

        c.Heading($"G. Laporan Melewati Target {IndonesianDate.Duration(model.Target)}");
        c.Paragraph(
            model.Overdue.Count == 0
                ? "Tidak ada laporan yang melewati target pada periode ini."
                : $"Jumlah: {Count(model.Overdue.Count)}. Alasan diambil dari catatan alur kerja laporan (penundaan, pengembalian, keberatan pelapor, penyebab gangguan).",
            section with { SpaceAfter = 3 });
        if (model.Overdue.Count > 0)
        {
            c.Table(
                [
                    new TableColumn("No", 5, CellAlign.Center),
                    new TableColumn("Nomor Laporan", 20),
                    new TableColumn("OPD", 18),
                    new TableColumn("Waktu", 12, CellAlign.Center),
                    new TableColumn("Alasan / keterangan", 45),
                ],
                model.Overdue.Select((o, i) => (IReadOnlyList<string>)
                [
                    Number(i + 1), o.Number, o.OpdName, Hours(o.Hours), (o.StillOpen ? StillOpenNote + " " : "") + o.Reasons,
                ]));
        }

        c.Heading("H. Indeks Kepuasan Masyarakat (IKM)");
        if (model.Ikm is not { } ikm)
        {
            c.Paragraph("Belum ada data survei kepuasan masyarakat pada periode ini.", section with { Italic = true });
        }
        else
        {
            c.KeyValues(
                [
                    new KeyValue("Jumlah responden", Number(ikm.Respondents) + " orang"),
                    new KeyValue("Tingkat respons", model.ResponseRatePercent is { } rate
                        ? $"{Number(ikm.Respondents)} dari {Count(model.Closed)} yang ditutup ({Percent(rate)})"
                        : "— (tidak ada laporan yang ditutup)"),
                    new KeyValue("Nilai IKM", Math.Round(ikm.Converted, 2, MidpointRounding.AwayFromZero).ToString("0.00", Id), BoldValue: true),
                    new KeyValue("Mutu pelayanan", $"{ikm.Grade} ({ikm.GradeLabel})"),
                ],
                LabelWidth,
                indent: 18,
                spaceAfter: 2);
            if (IkmSample.IsBelowMinimum(ikm.Respondents))
            {
                c.Paragraph(
                    $"Catatan: jumlah responden di bawah {Number(IkmSample.MinimumRespondents)} orang, sehingga nilai IKM bulan ini "
                    + "belum dapat dianggap mewakili seluruh pengguna layanan; gunakan sebagai gambaran awal.",
                    note);
            }
        }

        c.Heading("I. Permasalahan, Kendala, Tindak Lanjut dan Rekomendasi");
        (string Label, string Text)[] parts =
        [
            ("1. Permasalahan", model.Narrative.Permasalahan), ("2. Kendala", model.Narrative.Kendala),
            ("3. Tindak lanjut", model.Narrative.TindakLanjut), ("4. Rekomendasi", model.Narrative.Rekomendasi),
        ];
        var signature = new[] { new SignatureBlock([], model.KepalaDinas, WetSignature: true) };
        var placeDate = IndonesianDate.PlaceAndDate(model.Letterhead.City, DateOnly.FromDateTime(generated));
        var bodyStyle = section with { LeftIndent = 30, SpaceAfter = 4 };
        for (var i = 0; i < parts.Length; i++)
        {
            var text = string.IsNullOrWhiteSpace(parts[i].Text) ? "-" : parts[i].Text.Trim();
            if (i == parts.Length - 1)
            {
                // The signature never stands alone on a page: it keeps the last narrative part with it.
                c.EnsureSpace(16 + c.ParagraphHeight([new TextRun(text)], bodyStyle) + 6 + c.SignaturesHeight(signature, placeDate));
            }
            else
            {
                // A part's label never ends a page: it keeps (at least the first lines of) its text with it.
                c.EnsureSpace(16 + Math.Min(c.ParagraphHeight([new TextRun(text)], bodyStyle), 40));
            }
            c.Paragraph([new TextRun(parts[i].Label, Bold: true)], section with { SpaceAfter = 1 });
            c.Paragraph(text, bodyStyle);
        }

        c.Space(6);
        c.Signatures(signature, placeDate);
        var footerNote = $"Rekap dibuat dari data aplikasi pada {IndonesianDate.DateAndTime(generated)}. " + (model.CoverLetter is { } cover
            ? $"Lampiran Nota Dinas Nomor {cover.Number}."
            : "Laporan statistik, bukan dokumen bernomor.");
        return c.Render(PdfFooter.Plain(footerNote));
    }

    /// <summary>"rekap-bulanan-2026-11.pdf" (with the OPD's id when filtered).</summary>
    public static string FileName(int year, int month, int? opdId = null) =>
        string.Create(CultureInfo.InvariantCulture, $"rekap-bulanan-{year:D4}-{month:D2}") +
        (opdId is { } id ? string.Create(CultureInfo.InvariantCulture, $"-opd-{id}") : "") + ".pdf";

    /// <summary>The chart rows: received per row, the first <paramref name="limit"/> rows and the rest summed as "Lainnya".</summary>
    private static List<(string Label, int Value)> ChartRows(IReadOnlyList<RecapRow> rows, int limit)
    {
        var shown = rows.Take(limit).Select(r => (r.Name, r.Received)).ToList();
        if (rows.Count > limit) shown.Add(($"Lainnya ({Number(rows.Count - limit)} OPD)", rows.Skip(limit).Sum(r => r.Received)));
        return shown;
    }

    private static string Arrow(string? before, string? after) =>
        (before, after) switch
        {
            (null, null) => "-",
            (_, null) => before!,
            (null, _) => "- → " + after,
            _ when before == after => before!,
            _ => $"{before} → {after}",
        };

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
                new TableColumn("Selesai dikerjakan", 13, CellAlign.Center),
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
