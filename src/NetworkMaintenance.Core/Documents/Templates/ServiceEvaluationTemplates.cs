using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Core.Documents.Templates;

/// <summary>The service standard, the maklumat poster and the SKM report (docs/service-evaluation.md).</summary>
public static class ServiceEvaluationTemplates
{
    public const string StandardTitle = "STANDAR PELAYANAN";
    public const string DeclarationTitle = "MAKLUMAT PELAYANAN";
    public const string SkmReportTitle = "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT";

    public const string PartATitle = "A. KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENYAMPAIAN PELAYANAN (SERVICE DELIVERY)";
    public const string PartBTitle = "B. KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENGELOLAAN PELAYANAN DI INTERNAL ORGANISASI (MANUFACTURING)";

    /// <summary>The words of the caveat under an IKM whose respondents are fewer than the sample table asks for.</summary>
    public static string SampleCaveat(int respondents, int minimum, int population) =>
        $"Catatan: jumlah responden ({Number(respondents)} orang) di bawah sampel minimum {Number(minimum)} orang untuk "
        + $"{Number(population)} pengguna layanan menurut tabel Krejcie dan Morgan (PermenPANRB 14/2017), sehingga nilai IKM "
        + "periode ini belum dapat dianggap mewakili seluruh pengguna layanan.";

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static byte[] RenderStandard(ServiceStandardDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = new PdfDocumentInfo($"Standar Pelayanan {model.ServiceName}", StandardTitle, model.Letterhead.AgencyName,
            model.GeneratedAtUtc, $"{nameof(ServiceStandardDocument)}\n{model.SkNumber}\n{model.GeneratedAtUtc:O}");
        using var c = new PdfComposer(info, page: model.Letterhead.Page);
        c.Letterhead(model.Letterhead);
        var centred = ParagraphStyle.Body with { Align = TextAlign.Center, SpaceAfter = 2 };
        c.Paragraph(
            $"Lampiran Keputusan Kepala {TitleCase(model.Letterhead.AgencyName).Replace(" Dan ", " dan ", StringComparison.Ordinal)} "
            + TitleCase(model.Letterhead.Government),
            centred with { FontSize = 9 });
        c.Paragraph(
            $"Nomor: {(string.IsNullOrWhiteSpace(model.SkNumber) ? "........................" : model.SkNumber)}   "
            + $"Tanggal: {(model.SkDate is { } d ? IndonesianDate.Format(d) : "........................")}",
            centred with { FontSize = 9, SpaceAfter = 8 });
        // "STANDAR PELAYANAN MAINTENANCE GANGGUAN JARINGAN": the service name already starts with "Pelayanan".
        var service = model.ServiceName.StartsWith("Pelayanan ", StringComparison.OrdinalIgnoreCase) ? model.ServiceName["Pelayanan ".Length..] : model.ServiceName;
        c.Title($"{StandardTitle} {service.ToUpperInvariant()}", null);
        var number = 1;
        foreach (var (part, heading) in new[] { (StandardPart.ServiceDelivery, PartATitle), (StandardPart.Management, PartBTitle) })
        {
            c.Heading(heading);
            foreach (var component in model.Components.Where(x => x.Part == part))
            {
                c.Heading($"{Number(number++)}. {component.Title}");
                c.Paragraph(component.Body, ParagraphStyle.Body with { LeftIndent = 18, Align = TextAlign.Left, SpaceAfter = 6 });
            }
        }
        c.Space(8);
        var placeDate = IndonesianDate.PlaceAndDate(model.Letterhead.City, model.SkDate ?? Wib.DateOf(model.GeneratedAtUtc));
        c.Signatures([new SignatureBlock([], model.KepalaDinas, WetSignature: true)], placeDate);
        return c.Render(PdfFooter.Plain(model.SkNumber is null
            ? "Standar pelayanan; nomor SK penetapan belum dicatat."
            : $"Standar pelayanan, lampiran SK Nomor {model.SkNumber}."));
    }

    public static byte[] RenderDeclaration(ServiceDeclarationDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = new PdfDocumentInfo($"Maklumat Pelayanan {TitleCase(model.Letterhead.AgencyName)}", DeclarationTitle,
            model.Letterhead.AgencyName, model.GeneratedAtUtc,
            $"{nameof(ServiceDeclarationDocument)}\n{model.Date:O}\n{(model.A3 ? "A3" : "A4")}\n{model.GeneratedAtUtc:O}");
        var page = model.A3 ? PageSetup.A3Poster(model.Letterhead.Page) : model.Letterhead.Page with { Paper = PaperSize.A4 };
        using var c = new PdfComposer(info, page: page);
        c.Letterhead(model.Letterhead);
        c.Space(30);
        c.Paragraph([new TextRun(DeclarationTitle, Bold: true)], ParagraphStyle.Body with { FontSize = 24, Align = TextAlign.Center, SpaceAfter = 30 });
        c.Paragraph(model.Text, ParagraphStyle.Body with { FontSize = 15, LineSpacing = 1.5, Align = TextAlign.Center, SpaceAfter = 40 });
        c.Signatures([new SignatureBlock([], model.Signer, WetSignature: true)],
            IndonesianDate.PlaceAndDate(model.Letterhead.City, model.Date), fontSize: 11);
        return c.Render(PdfFooter.Plain(""));
    }

    public static byte[] RenderSkmReport(SkmReportDocument model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = new PdfDocumentInfo($"Laporan Hasil SKM {model.PeriodLabel}", SkmReportTitle, model.Letterhead.AgencyName,
            model.PublishedAtUtc, $"{nameof(SkmReportDocument)}\n{model.PeriodKey}\n{model.PublishedAtUtc:O}");
        using var c = new PdfComposer(info, page: model.Letterhead.Page);
        c.Letterhead(model.Letterhead);
        c.Title(SkmReportTitle, null);
        var centred = ParagraphStyle.Body with { Align = TextAlign.Center, SpaceAfter = 2 };
        c.Paragraph([new TextRun("Pelayanan Maintenance Gangguan Jaringan — "), TextRun.Strong(model.PeriodLabel)], centred);
        c.Paragraph(model.DateRange, centred with { SpaceAfter = 10 });
        var body = ParagraphStyle.Body with { LeftIndent = 18 };
        var ikm = model.Ikm;

        c.Heading("I. PENDAHULUAN");
        c.Paragraph("1. Umum", body with { SpaceAfter = 1 });
        c.Paragraph("Survei Kepuasan Masyarakat (SKM) dilaksanakan untuk mengukur tingkat kepuasan pengguna layanan "
            + "maintenance gangguan jaringan sebagai dasar perbaikan mutu pelayanan.", body with { LeftIndent = 30 });
        c.Paragraph("2. Maksud dan tujuan", body with { SpaceAfter = 1 });
        c.Paragraph("Mengetahui nilai Indeks Kepuasan Masyarakat (IKM) periode ini, unsur pelayanan yang perlu diperbaiki, "
            + "dan menetapkan tindak lanjutnya.", body with { LeftIndent = 30 });
        c.Paragraph("3. Ruang lingkup", body with { SpaceAfter = 1 });
        c.Paragraph($"Pengguna layanan (OPD pelapor) yang laporannya selesai pada {model.PeriodLabel} ({model.DateRange}).", body with { LeftIndent = 30 });
        c.Paragraph("4. Dasar", body with { SpaceAfter = 1 });
        c.Paragraph("Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit "
            + "Penyelenggara Pelayanan Publik.", body with { LeftIndent = 30 });

        c.Heading("II. KEGIATAN YANG DILAKSANAKAN");
        c.Paragraph("Setiap laporan yang selesai mengundang pelapornya mengisi kuesioner sembilan unsur (U1–U9) dengan nilai 1 "
            + "sampai 4, satu kali per laporan. Nilai rata-rata per unsur (NRR) = jumlah nilai / jumlah responden; IKM = "
            + "Σ NRR × 1/9 (bobot tepat, bukan 0,11); IKM konversi = IKM × 25.", body);

        c.Heading("III. HASIL");
        c.KeyValues(
            [
                new KeyValue("Jumlah responden", $"{Number(ikm.Respondents)} orang"),
                new KeyValue("Pengguna layanan", $"{Number(model.Population)} laporan selesai (sampel minimum {Number(model.MinimumSample)} orang)"),
                new KeyValue("Nilai IKM", Decimal2(ikm.Converted), BoldValue: true),
                new KeyValue("Mutu pelayanan", $"{ikm.Grade} ({ikm.GradeLabel})"),
            ],
            150, indent: 18, spaceAfter: 4);
        if (model.BelowMinimum)
        {
            c.Paragraph(SampleCaveat(ikm.Respondents, model.MinimumSample, model.Population), body with { Italic = true, FontSize = 9 });
        }
        c.Table(
            [
                new TableColumn("Unsur", 12, CellAlign.Center),
                new TableColumn("Uraian", 58),
                new TableColumn("NRR", 15, CellAlign.Center),
                new TableColumn("NRR × 25", 15, CellAlign.Center),
            ],
            ikm.Nrr.Select((v, i) => (IReadOnlyList<string>)
            [
                "U" + Number(i + 1), SatisfactionSurvey.ElementNames[i], Decimal2(v), Decimal2(v * 25),
            ]));

        c.Heading("IV. SIMPULAN DAN SARAN");
        c.Paragraph("Unsur dengan nilai terendah: " + string.Join("; ", model.LowestElements.Select(e =>
            $"{IkmAnalysis.ElementLabel(e)} ({Decimal2(ikm.Nrr[e - 1])})")) + ".", body);
        c.Paragraph("Analisis:", body with { SpaceAfter = 1 });
        c.Paragraph(model.Analysis, body with { LeftIndent = 30, Align = TextAlign.Left });
        if (model.SuggestionGroups is { } groups)
        {
            c.Paragraph("Saran dan masukan responden (dikelompokkan):", body with { SpaceAfter = 1 });
            c.Paragraph(groups, body with { LeftIndent = 30, Align = TextAlign.Left });
        }
        c.Paragraph("Rencana dan realisasi tindak lanjut:", body with { SpaceAfter = 3 });
        c.Table(
            [
                new TableColumn("No", 6, CellAlign.Center),
                new TableColumn("Unsur", 10, CellAlign.Center),
                new TableColumn("Tindak lanjut", 34),
                new TableColumn("Penanggung jawab", 18),
                new TableColumn("Tenggat", 14, CellAlign.Center),
                new TableColumn("Status", 18),
            ],
            model.Actions.Select((a, i) => (IReadOnlyList<string>)
            [
                Number(i + 1), a.Element, a.Description, a.Owner, IndonesianDate.Format(a.DueDate),
                a.CompletedAtUtc is { } done ? $"{a.State} {IndonesianDate.Format(Wib.DateOf(done))}" : a.State,
            ]));

        c.Heading("V. PENUTUP");
        var closing = "Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya.";
        var signature = new[] { new SignatureBlock([], model.KepalaDinas, WetSignature: true) };
        var placeDate = IndonesianDate.PlaceAndDate(model.Letterhead.City, Wib.DateOf(model.PublishedAtUtc));
        c.EnsureSpace(c.ParagraphHeight([new TextRun(closing)], body) + c.SignaturesHeight(signature, placeDate));
        c.Paragraph(closing, body);
        c.Signatures(signature, placeDate);
        return c.Render(PdfFooter.Plain($"Dipublikasikan pada {IndonesianDate.DateAndTime(Wib.FromUtc(model.PublishedAtUtc))}."));
    }

    public static string SkmReportFileName(string periodKey) => $"laporan-skm-{periodKey}.pdf";

    public static string Decimal2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", Id);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string TitleCase(string text) => Id.TextInfo.ToTitleCase(text.ToLowerInvariant());
}
