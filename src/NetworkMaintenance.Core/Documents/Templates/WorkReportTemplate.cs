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

        // The Laporan form of the tata naskah dinas: I. Pendahuluan, II. Kegiatan, III. Hasil, IV. Simpulan dan saran, V. Penutup.
        c.Heading("I. PENDAHULUAN");
        c.Heading("A. Umum");
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
        c.Heading("B. Maksud dan Tujuan");
        c.Paragraph("Laporan ini disusun untuk menyampaikan pelaksanaan dan hasil penanganan gangguan jaringan tersebut " +
                    "kepada pimpinan sebagai bahan pemeriksaan dan pertanggungjawaban.", section);
        c.Heading("C. Ruang Lingkup");
        c.Paragraph("Diagnosis gangguan, tindakan perbaikan atau penggantian perangkat, dan waktu penyelesaian terhadap target " +
                    "standar pelayanan.", section);
        if (model.Basis.Count > 0)
        {
            c.Heading("D. Dasar");
            for (var i = 0; i < model.Basis.Count; i++)
            {
                c.ListItem((i + 1).ToString(CultureInfo.InvariantCulture) + ".", [new TextRun(model.Basis[i])], section with { SpaceAfter = 2 });
            }
            c.Space(4);
        }

        c.Heading("II. KEGIATAN YANG DILAKSANAKAN");
        c.Heading("A. Hasil Diagnosis");
        c.Paragraph(model.Diagnosis, section);

        c.Heading("B. Tindakan yang Dilakukan");
        for (var i = 0; i < model.Actions.Count; i++)
        {
            c.ListItem((i + 1).ToString(CultureInfo.InvariantCulture) + ".", [new TextRun(model.Actions[i])], section with { SpaceAfter = 2 });
        }
        if (model.WorkBaNumber is { } ba)
        {
            c.Paragraph($"Rincian perangkat yang diperbaiki atau diganti tercantum dalam Berita Acara Pekerjaan Nomor {ba}.",
                section);
        }

        c.Space(6);
        c.Heading("C. Kronologi Penanganan");
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

        c.Heading("III. HASIL");
        var rows = new List<KeyValue> { new("Laporan diterima", OfficialLayout.DateTime(model.ReceivedAtUtc)) };
        // The same words as the Berita Acara Pekerjaan and the kronologi.
        if (model.SiteVisitStartedAtUtc is { } visit) rows.Add(new("Pemeriksaan di lokasi", OfficialLayout.Span(visit, model.SiteVisitEndedAtUtc)));
        if (model.WorkStartedAtUtc is { } start && model.WorkFinishedAtUtc is { } end)
        {
            rows.Add(new("Waktu pekerjaan", OfficialLayout.Span(start, end)));
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

        c.Heading("IV. SIMPULAN DAN SARAN");
        c.Paragraph(
            $"Gangguan jaringan pada laporan Nomor {model.ReportNumber} telah ditangani " +
            (model.MetTarget
                ? "dan diselesaikan dalam target waktu penyelesaian standar pelayanan."
                : $"dengan waktu penyelesaian melampaui target standar pelayanan sebesar {IndonesianDate.Duration(model.Duration - model.Target)}.") +
            " Catatan dan saran pimpinan atas laporan ini:",
            section);
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
        // V. Penutup, kept on one page with the signature.
        var closing = new[] { new TextRun("Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya.") };
        SignatureBlock[] signer = [OfficialLayout.Block(model, model.Technician, "Pelaksana,")];
        var placeDate = OfficialLayout.PlaceDate(model);
        c.EnsureSpace(c.ParagraphHeight([new TextRun("V. PENUTUP")]) + c.ParagraphHeight(closing, section) + c.SignaturesHeight(signer, placeDate) + 20);
        c.Heading("V. PENUTUP");
        c.Paragraph(closing, section);
        c.Signatures(signer, placeDate);
        return OfficialLayout.Finish(c, model);
    }

    private static string Approval(WorkReportDocument model, Signer reviewer) =>
        model.WetSignature || reviewer.ApprovedAtUtc is not { } at
            ? ""
            : "Disetujui secara elektronik pada " + OfficialLayout.DateTime(at);
}
