using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>Tanda terima laporan gangguan jaringan.</summary>
public static class ReportReceiptTemplate
{
    public const string Title = "TANDA TERIMA LAPORAN GANGGUAN JARINGAN";

    /// <summary>Longer descriptions (characters) are printed as a full-width paragraph, not squeezed into the value column.</summary>
    public const int LongDescription = 200;

    public static byte[] Render(ReportReceiptDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var c = OfficialLayout.Begin(model, Title);
        c.Paragraph("Telah diterima laporan gangguan jaringan dengan rincian sebagai berikut:");
        var rows = new List<KeyValue>
        {
            new("Nomor laporan", model.ReportNumber, BoldValue: true),
            new("Kode pelacakan", model.TrackingCode, BoldValue: true),
            new("OPD pelapor", model.OpdName),
            new("Nama pelapor", model.ReporterName),
        };
        if (!string.IsNullOrEmpty(model.ReporterNip)) rows.Add(new("NIP", Nip.Format(model.ReporterNip)));
        if (!string.IsNullOrEmpty(model.ReporterPhone)) rows.Add(new("Nomor telepon", model.ReporterPhone));
        rows.AddRange(
        [
            new("Saluran pelaporan", model.Channel),
            new("Diterima pada", IndonesianDate.DateAndTimeWithDay(Wib.FromUtc(model.ReceivedAtUtc))),
            new("Lokasi", model.Location),
            new("Kategori gangguan", model.Category),
        ]);
        // A short description stays in the table; a long one is a full-width paragraph under its label.
        var longDescription = model.Description.Length > LongDescription || model.Description.Contains('\n', StringComparison.Ordinal);
        if (!longDescription) rows.Add(new("Uraian gangguan", model.Description));
        c.KeyValues(rows, OfficialLayout.LabelWidth, indent: 18);
        if (longDescription)
        {
            c.Paragraph([TextRun.Strong("Uraian gangguan:")], ParagraphStyle.Body with { LeftIndent = 18, SpaceAfter = 2 });
            c.Paragraph(model.Description.Trim(), ParagraphStyle.Body with { LeftIndent = 18, Align = TextAlign.Justify });
        }

        var deadline = Wib.FromUtc(model.ReceivedAtUtc + model.Target);
        c.Paragraph(
            $"Laporan ini akan ditangani tanpa dipungut biaya dengan target waktu penyelesaian " +
            $"{IndonesianDate.Duration(model.Target)} sejak laporan diterima, yaitu paling lambat " +
            $"{IndonesianDate.DateAndTimeWithDay(deadline)}.");
        if (!string.IsNullOrEmpty(model.TrackingUrl))
        {
            c.Paragraph(
                [
                    new TextRun("Perkembangan penanganan laporan dapat diikuti melalui laman "),
                    new TextRun(model.TrackingUrl, Underline: true),
                    new TextRun($" dengan memasukkan nomor laporan {model.ReportNumber} dan kode pelacakan {model.TrackingCode}. Simpan tanda terima ini."),
                ]);
        }

        c.Space(6);
        if (model.ReceivedBy is { } officer)
        {
            c.Signatures([OfficialLayout.Block(model, officer, "Petugas Penerima,")], OfficialLayout.PlaceDate(model));
        }
        else
        {
            c.Paragraph(
                "Tanda terima ini diterbitkan secara elektronik oleh sistem dan sah tanpa tanda tangan.",
                ParagraphStyle.Body with { Italic = true, FontSize = 9 });
        }

        return OfficialLayout.Finish(c, model);
    }
}
