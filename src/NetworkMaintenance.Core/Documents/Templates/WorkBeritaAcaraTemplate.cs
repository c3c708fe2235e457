using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>Berita Acara Pekerjaan: the technician hands over the work, the reporter acknowledges it.</summary>
public static class WorkBeritaAcaraTemplate
{
    public const string Title = "BERITA ACARA PEKERJAAN";

    public static byte[] Render(WorkBeritaAcaraDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var c = OfficialLayout.Begin(model, Title);
        c.Paragraph(IndonesianDate.BeritaAcaraOpening(OfficialLayout.IssueDate(model)) + OfficialLayout.Place(model.Location) +
                    ", kami yang bertanda tangan di bawah ini:");
        OfficialLayout.Party(c, "1.", model.Technician, "PIHAK PERTAMA");
        OfficialLayout.Party(c, "2.", model.Reporter, "PIHAK KEDUA");

        c.Paragraph(
            [
                TextRun.Strong("PIHAK PERTAMA"),
                new TextRun(
                    (model.SiteVisitStartedAtUtc is { } visit
                        ? $" telah melakukan pemeriksaan di lokasi {OfficialLayout.Span(visit, model.SiteVisitEndedAtUtc)} dan"
                        : "") +
                    // The place is in the opening ("bertempat di …"): not repeated here, so a one-device BA fits one page.
                    $" telah melaksanakan pekerjaan penanganan gangguan jaringan sesuai laporan Nomor {model.ReportNumber} " +
                    $"{OfficialLayout.Span(model.WorkStartedAtUtc, model.WorkFinishedAtUtc)}, " +
                    (model.Devices.Count > 0
                        ? "dengan rincian pekerjaan sebagai berikut (perangkat yang diperbaiki atau diganti tercantum dalam tabel):"
                        : "dengan rincian pekerjaan sebagai berikut:")),
            ],
            ParagraphStyle.Body with { SpaceAfter = 2 });
        for (var i = 0; i < model.WorkDone.Count; i++)
        {
            c.ListItem((i + 1).ToString(CultureInfo.InvariantCulture) + ".", [new TextRun(model.WorkDone[i])], ParagraphStyle.Body with { LeftIndent = 18, SpaceAfter = 1 });
        }

        c.Space(2);
        if (model.Devices.Count > 0)
        {
            // Announced at the end of the work paragraph: no separate line, so a one-device Berita Acara fits one page.
            c.Table(
                [
                    new TableColumn("No", 4, CellAlign.Center),
                    new TableColumn("Nama Perangkat", 12),
                    new TableColumn("Merek/Tipe", 12),
                    new TableColumn("Tindakan", 8, CellAlign.Center),
                    new TableColumn("Nomor Seri Lama", 17),
                    new TableColumn("Nomor Seri Baru", 17),
                    new TableColumn("Keterangan", 30),
                ],
                model.Devices.Select((d, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    d.Name,
                    d.BrandType,
                    d.Action.Label(),
                    d.OldSerialNumber,
                    d.NewSerialNumber ?? "-",
                    d.Remarks ?? "",
                ]),
                TableStyle.Default with { FitContent = true });
        }

        c.Paragraph(
            [
                TextRun.Strong("Hasil pekerjaan: "), new TextRun(model.Result.Trim() + " "),
                TextRun.Strong("PIHAK KEDUA"),
                new TextRun(" telah memeriksa hasil pekerjaan yang diserahkan "),
                TextRun.Strong("PIHAK PERTAMA"),
                new TextRun(" dan menyatakan menerimanya."),
            ]);
        OfficialLayout.ClosingAndSignatures(
            c,
            model,
            [
                // The handover is stated in the text above ("yang diserahkan PIHAK PERTAMA … menerimanya"): the captions are
                // the parties only, as in the Berita Acara form, so a one-device Berita Acara fits on one page.
                OfficialLayout.Block(model, model.Technician.Person, "PIHAK PERTAMA,"),
                OfficialLayout.Block(model, model.Reporter.Person, "PIHAK KEDUA,"),
            ],
            model.KnownBy);
        return OfficialLayout.Finish(c, model);
    }
}
