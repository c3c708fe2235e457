using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>Lembar disposisi: header fields, standard instruction tick boxes, and the disposition chain.</summary>
public static class DispositionSheetTemplate
{
    public const string Title = "LEMBAR DISPOSISI";

    public static byte[] Render(DispositionSheetDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // Not an outgoing naskah: no letter number under the title. The sheet is identified by the nomor agenda.
        using var c = OfficialLayout.Begin(model, Title, printNumber: false);
        const double labelWidth = 130;
        var letter = model.WithoutLetter is null;
        c.KeyValues(
            [
                new KeyValue("Surat dari", model.From),
                new KeyValue("Nomor surat", letter ? model.ReferenceNumber : $"- (laporan melalui {model.WithoutLetter}, tanpa surat)"),
                new KeyValue("Tanggal surat", letter ? IndonesianDate.Format(model.ReferenceDate) : "-"),
                new KeyValue("Diterima tanggal", IndonesianDate.DateAndTimeWithDay(Wib.FromUtc(model.ReceivedAtUtc))),
                new KeyValue("Nomor agenda", model.AgendaNumber, BoldValue: true),
            ],
            labelWidth,
            spaceAfter: 0);
        c.OptionsRow(
            "Sifat",
            Enum.GetValues<DispositionUrgency>().Select(u => (u.Label(), u == model.Urgency)).ToArray(),
            labelWidth);
        c.OptionsRow(
            "Klasifikasi",
            Enum.GetValues<SecurityClassification>().Select(k => (k.Label(), k == model.Classification)).ToArray(),
            labelWidth);
        c.KeyValues([new KeyValue("Hal", model.Subject, BoldValue: true)], labelWidth, spaceAfter: 10);

        var given = model.Steps.Aggregate(DispositionInstructions.None, (all, s) => all | s.Instructions);
        c.Heading("Dengan hormat harap:");
        c.CheckList(
            DispositionLabels.StandardInstructions.Select(i => (i.Label(), given.HasFlag(i))).ToArray(),
            columns: 2,
            indent: 10);
        if (!string.IsNullOrWhiteSpace(model.Notes))
        {
            c.KeyValues([new KeyValue("Catatan", model.Notes)], labelWidth, spaceAfter: 2);
        }

        var due = model.DueDate is { } d
            ? IndonesianDate.FormatWithDay(d)
            : "........................................";
        c.Paragraph([new TextRun("Harap diselesaikan tanggal "), TextRun.Strong(due)], ParagraphStyle.Body with { SpaceAfter = 12 });

        c.Heading("Alur disposisi:");
        c.Table(
            [
                new TableColumn("No", 6, CellAlign.Center),
                new TableColumn("Diteruskan kepada", 24),
                new TableColumn("Tanggal", 15, CellAlign.Center),
                new TableColumn("Isi disposisi", 37),
                new TableColumn("Paraf/tanggal", 18, CellAlign.Center),
            ],
            model.Steps.Select((step, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture),
                step.To,
                $"{IndonesianDate.Numeric(DateOnly.FromDateTime(Wib.FromUtc(step.AtUtc)))}\n{IndonesianDate.Time(Wib.FromUtc(step.AtUtc))}",
                Instructions(step),
                Paraf(model, step.From),
            ]));

        return OfficialLayout.Finish(c, model);
    }

    private static string Instructions(DispositionStep step)
    {
        var lines = new List<string> { "Dari: " + step.From.PositionLine };
        lines.AddRange(step.Instructions.Labels().Select(l => "✓ " + l));
        if (!string.IsNullOrWhiteSpace(step.Note)) lines.Add("Catatan: " + step.Note);
        return string.Join('\n', lines);
    }

    private static string Paraf(DispositionSheetDocument model, Signer from)
    {
        if (model.WetSignature || from.ApprovedAtUtc is not { } at) return "";
        var wib = Wib.FromUtc(at);
        return $"Paraf elektronik\n{from.Name}\n{IndonesianDate.Numeric(DateOnly.FromDateTime(wib))}\n{IndonesianDate.Time(wib)}";
    }
}
