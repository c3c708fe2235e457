using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>Berita Acara Pengajuan Penggantian Perangkat.</summary>
public static class DeviceReplacementBeritaAcaraTemplate
{
    public const string Title = "BERITA ACARA PENGAJUAN PENGGANTIAN PERANGKAT";

    /// <summary>The device table's columns (GOV-FORMATS.md).</summary>
    public static readonly IReadOnlyList<TableColumn> DeviceColumns =
    [
        new("No", 5, CellAlign.Center),
        new("Nama Perangkat", 18),
        new("Merek/Tipe", 26),
        new("Nomor Seri", 18),
        new("Kondisi", 13, CellAlign.Center),
        new("Keterangan", 20),
    ];

    public static byte[] Render(DeviceReplacementBeritaAcaraDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var c = OfficialLayout.Begin(model, Title);
        c.Paragraph(IndonesianDate.BeritaAcaraOpening(OfficialLayout.IssueDate(model)) + OfficialLayout.Place(model.Location) +
                    ", kami yang bertanda tangan di bawah ini:");
        OfficialLayout.Party(c, "1.", model.Reporter, "PIHAK PERTAMA");
        OfficialLayout.Party(c, "2.", model.Technician, "PIHAK KEDUA");

        c.Paragraph(
            [
                TextRun.Strong("PIHAK PERTAMA"),
                new TextRun($" mengajukan penggantian perangkat kepada {model.Technician.Agency} melalui "),
                TextRun.Strong("PIHAK KEDUA"),
                new TextRun($" atas laporan gangguan jaringan Nomor {model.ReportNumber} karena perangkat berikut rusak " +
                            "dan tidak dapat diperbaiki. Hasil pemeriksaan: " + model.Reason.Trim()),
            ]);
        c.Paragraph("Adapun perangkat yang diajukan untuk diganti adalah sebagai berikut:", ParagraphStyle.Body with { SpaceAfter = 4 });
        c.Table(
            DeviceColumns,
            model.Devices.Select((d, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture),
                d.Name,
                d.BrandType,
                d.SerialNumber,
                Labels.Of(d.Condition),
                d.Remarks ?? "",
            ]));

        OfficialLayout.ClosingAndSignatures(
            c,
            model,
            [
                OfficialLayout.Block(model, model.Reporter.Person, "PIHAK PERTAMA,"),
                OfficialLayout.Block(model, model.Technician.Person, "PIHAK KEDUA,"),
            ],
            model.KnownBy);
        return OfficialLayout.Finish(c, model);
    }
}
