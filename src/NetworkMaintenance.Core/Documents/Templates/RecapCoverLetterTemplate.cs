using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>
/// Nota dinas of the Kepala Dinas to the Wali Kota through the Sekretaris Daerah, sending the Rekap Bulanan as its
/// lampiran (docs/documents.md, "Nota dinas pengantar"): kop surat, "NOTA DINAS", the header rows (Yth., Melalui,
/// Dari, Tanggal, Nomor, Sifat, Lampiran, Hal), a short body with the month's main figures, and the signature of the
/// Kepala Dinas or their Plh.
/// </summary>
public static class RecapCoverLetterTemplate
{
    public const string Title = "NOTA DINAS";

    public static string Subject(RecapCoverLetterDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"Laporan Rekapitulasi Bulanan Pelayanan Maintenance Gangguan Jaringan Bulan {model.Period}"
            + (model.IsRunningMonth ? " (bulan berjalan)" : "");
    }

    public static byte[] Render(RecapCoverLetterDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = new PdfDocumentInfo(
            Title: $"Nota Dinas {model.Number}",
            Subject: Subject(model),
            Author: model.Letterhead.AgencyName,
            CreatedAtUtc: Wib.ToUtc(model.Date.ToDateTime(TimeOnly.MinValue)),
            Identity: $"{nameof(RecapCoverLetterDocument)}\n{model.Number}\n{model.Version.ToString(CultureInfo.InvariantCulture)}");
        using var c = new PdfComposer(info);
        c.Letterhead(model.Letterhead);
        c.Title(Title, null);
        c.Space(4);
        var agency = model.Letterhead.AgencyName;
        c.KeyValues(
            [
                new KeyValue("Yth.", "Wali Kota Tebing Tinggi"),
                new KeyValue("Melalui", "Sekretaris Daerah Kota Tebing Tinggi"),
                new KeyValue("Dari", model.KepalaDinas.PositionLine),
                new KeyValue("Tanggal", IndonesianDate.Format(model.Date)),
                new KeyValue("Nomor", model.Number, BoldValue: true),
                new KeyValue("Sifat", "Biasa"),
                new KeyValue("Lampiran", "1 (satu) berkas"),
                new KeyValue("Hal", Subject(model)),
            ],
            labelWidth: 70,
            indent: 0,
            spaceAfter: 4);
        c.Drawing(6, (g, area) => g.DrawLine(new PdfSharp.Drawing.XPen(PdfSharp.Drawing.XColors.Black, 1.2), area.Left, area.Top + 2, area.Right, area.Top + 2));
        c.Space(4);

        var body = ParagraphStyle.Body with { SpaceAfter = 6 };
        var period = model.Period + (model.IsRunningMonth ? " (bulan berjalan)" : "");
        c.ListItem("1.", [new TextRun(
            $"Dengan hormat, bersama ini kami sampaikan Rekapitulasi Bulanan Pelayanan Maintenance Gangguan Jaringan pada {agency} "
            + $"bulan {period} sebagaimana terlampir.")], body);
        c.ListItem("2.", [new TextRun(
            $"Pada bulan tersebut diterima {Number(model.Received)} laporan gangguan, {Number(model.Closed)} laporan selesai ditutup, "
            + $"dan {Number(model.OpenAtEnd)} laporan masih dalam penanganan pada akhir periode. Rincian ketepatan waktu penyelesaian, "
            + "perangkat yang diganti, laporan yang melewati target, Indeks Kepuasan Masyarakat, serta permasalahan, kendala, "
            + "tindak lanjut dan rekomendasi tercantum dalam lampiran.")], body);
        c.ListItem("3.", [new TextRun("Demikian kami sampaikan, atas perhatian dan arahan Bapak/Ibu Wali Kota kami ucapkan terima kasih.")], body);

        SignatureBlock[] signature = [new SignatureBlock([], model.KepalaDinas, WetSignature: true)];
        var placeDate = IndonesianDate.PlaceAndDate(model.Letterhead.City, model.Date);
        c.Space(6);
        c.Signatures(signature, placeDate);
        var version = model.Version > 1 ? $" (versi {Number(model.Version)}, nomor yang sama)" : "";
        return c.Render(PdfFooter.Plain($"Nota Dinas Nomor {model.Number}{version}. Lampiran: Rekap Bulanan {period}."));
    }

    /// <summary>"nota-dinas-rekap-2026-11.pdf".</summary>
    public static string FileName(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"nota-dinas-rekap-{year:D4}-{month:D2}.pdf");

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
