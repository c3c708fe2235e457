using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>Laporan Hasil Pelaksanaan: diagnosis, actions, timeline, time against the target, review notes.</summary>
public static class WorkReportTemplate
{
    public const string Title = "LAPORAN HASIL PELAKSANAAN PENANGANAN GANGGUAN JARINGAN";

    public static byte[] Render(WorkReportDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var c = OfficialLayout.Begin(model, Title);
        var section = ParagraphStyle.Body with { LeftIndent = 18 };

        c.Heading("A. Data Laporan");
        c.KeyValues(
            [
                new KeyValue("Nomor laporan", model.ReportNumber, BoldValue: true),
                new KeyValue("OPD pelapor", model.OpdName),
                new KeyValue("Lokasi", model.Location),
                new KeyValue("Kategori gangguan", model.Category),
                new KeyValue("Uraian gangguan", model.FaultDescription),
            ],
            OfficialLayout.LabelWidth,
            indent: 18);

        c.Heading("B. Hasil Diagnosis");
        c.Paragraph(model.Diagnosis, section);

        c.Heading("C. Tindakan yang Dilakukan");
        for (var i = 0; i < model.Actions.Count; i++)
        {
            c.ListItem((i + 1).ToString(CultureInfo.InvariantCulture) + ".", [new TextRun(model.Actions[i])], section with { SpaceAfter = 2 });
        }

        c.Space(6);
        c.Heading("D. Kronologi Penanganan");
        c.Table(
            [
                new TableColumn("No", 6, CellAlign.Center),
                new TableColumn("Dicatat (WIB)", 20, CellAlign.Center),
                new TableColumn("Kegiatan", 48),
                new TableColumn("Pelaksana", 26),
            ],
            model.Timeline.Select((t, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Wib.FromUtc(t.AtUtc).ToString("dd-MM-yyyy HH.mm", CultureInfo.InvariantCulture),
                t.Activity,
                t.Actor,
            ]));

        c.Heading("E. Waktu Penyelesaian");
        var rows = new List<KeyValue> { new("Laporan diterima", OfficialLayout.DateTime(model.ReceivedAtUtc)) };
        if (model.WorkStartedAtUtc is { } start && model.WorkFinishedAtUtc is { } end)
        {
            // The same words as the Berita Acara Pekerjaan.
            rows.Add(new("Waktu pekerjaan", $"mulai {OfficialLayout.DateTime(start)} sampai dengan {OfficialLayout.DateTime(end)}"));
        }
        rows.Add(new("Penyelesaian dicatat", OfficialLayout.DateTime(model.CompletedAtUtc)));
        if (model.Paused > TimeSpan.Zero) rows.Add(new("Waktu tunda", IndonesianDate.Duration(model.Paused) + " (tidak dihitung)"));
        rows.Add(new("Lama penanganan", IndonesianDate.Duration(model.Duration), BoldValue: true));
        rows.Add(new("Target", IndonesianDate.Duration(model.Target) + " (standar pelayanan)"));
        rows.Add(new(
            "Keterangan",
            model.MetTarget
                ? "Memenuhi target waktu penyelesaian"
                : $"Melampaui target sebesar {IndonesianDate.Duration(model.Duration - model.Target)}",
            BoldValue: true));
        c.KeyValues(rows, OfficialLayout.LabelWidth, indent: 18);

        c.Heading("F. Catatan Peninjauan");
        if (model.Reviews.Count == 0)
        {
            c.Paragraph("Belum ada catatan peninjauan.", section with { Italic = true });
        }
        else
        {
            c.Table(
                [
                    new TableColumn("No", 6, CellAlign.Center),
                    new TableColumn("Peninjau", 32),
                    new TableColumn("Catatan", 37),
                    new TableColumn("Persetujuan", 25, CellAlign.Center),
                ],
                model.Reviews.Select((r, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    $"{r.Reviewer.PositionLine}\n{r.Reviewer.Name}" + (r.Reviewer.Nip is { Length: > 0 } nip ? "\nNIP. " + Nip.Format(nip) : ""),
                    r.Note,
                    Approval(model, r.Reviewer),
                ]));
        }

        c.Space(4);
        c.Signatures([OfficialLayout.Block(model, model.Technician, "Pelaksana,")], OfficialLayout.PlaceDate(model));
        return OfficialLayout.Finish(c, model);
    }

    private static string Approval(WorkReportDocument model, Signer reviewer) =>
        model.WetSignature || reviewer.ApprovedAtUtc is not { } at
            ? ""
            : "Disetujui secara elektronik pada " + OfficialLayout.DateTime(at);
}
