using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Pdf;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.UnitTests.Documents;

public class ReportReceiptTests
{
    [Fact]
    public void Receipt_ShowsTheReportAndWhenItWasReceived()
    {
        var text = PdfText.Read(ReportReceiptTemplate.Render(DocumentSamples.ReportReceipt()));

        Assert.Single(text.Pages);
        var page = text.Pages[0];
        Assert.Contains("PEMERINTAH KOTA TEBING TINGGI", page);
        Assert.Contains("DINAS KOMUNIKASI DAN INFORMATIKA", page);
        Assert.Contains("TANDA TERIMA LAPORAN GANGGUAN JARINGAN", page);
        Assert.Contains("Nomor: GJ-2026-000123", page);
        Assert.Contains("Nomor laporan : GJ-2026-000123", page);
        Assert.Contains("Kode pelacakan : K7P29XQ4", page);
        Assert.Contains("OPD pelapor : Dinas Pendidikan Kota Tebing Tinggi", page);
        Assert.Contains("Nama pelapor : Siti Aisyah Damanik, S.E.", page);
        Assert.Contains("NIP : 19881105 201001 2 003", page);
        Assert.Contains("Saluran pelaporan : WhatsApp", page);
        Assert.Contains("Diterima pada : Senin, 30 November 2026 pukul 08.15 WIB", page);
        Assert.Contains("Kategori gangguan : Internet mati / tidak terhubung", page);
        Assert.Contains("paling lambat Selasa, 1 Desember 2026 pukul 08.15 WIB", page);
        Assert.Contains("Tebing Tinggi, 30 November 2026", page);
        Assert.Contains("Petugas Penerima,", page);
        Assert.Contains("Kode verifikasi: TT7Q-4MK2-HX9R-WB3C", page);
        Assert.Contains("Halaman 1 dari 1", page);
    }

    [Fact]
    public void Receipt_FromTheWebNeedsNoOfficerSignature()
    {
        var model = DocumentSamples.ReportReceipt() with { ReceivedBy = null, Channel = "Aplikasi web" };

        var page = PdfText.Read(ReportReceiptTemplate.Render(model)).Pages[0];

        Assert.Contains("sah tanpa tanda tangan", page);
        Assert.DoesNotContain("Petugas Penerima", page);
    }
}

public class DispositionSheetTests
{
    [Fact]
    public void Sheet_ShowsHeaderFieldsInstructionsAndTheChain()
    {
        var text = PdfText.Read(DispositionSheetTemplate.Render(DocumentSamples.DispositionSheet()));

        var page = Assert.Single(text.Pages);
        Assert.Contains("LEMBAR DISPOSISI", page);
        // Not an outgoing letter: no "Nomor:" under the title; the pemda model's header, identified by the nomor agenda.
        Assert.DoesNotContain("Nomor:", page);
        Assert.Contains("Surat dari : Dinas Pendidikan Kota Tebing Tinggi", page);
        Assert.Contains("Nomor surat : - (laporan melalui WhatsApp, tanpa surat)", page);
        Assert.Contains("Tanggal surat : -", page);
        Assert.Contains("Diterima tanggal : Senin, 30 November 2026 pukul 08.15 WIB", page);
        Assert.Contains("Nomor agenda : GJ-2026-000123", page);
        Assert.Contains("Sifat : Biasa ✓ Segera Sangat Segera", page);
        Assert.Contains("Klasifikasi : ✓ Biasa Terbatas Rahasia", page);
        Assert.Contains("Hal : Laporan gangguan jaringan (Internet mati / tidak terhubung)", page);
        foreach (var label in new[]
                 {
                     "Untuk diketahui", "Untuk ditindaklanjuti", "Segera selesaikan", "Koordinasikan",
                     "Pelajari dan beri saran", "Laporkan hasilnya", "Arsipkan",
                 })
        {
            Assert.Contains(label, page);
        }

        Assert.Contains("Harap diselesaikan tanggal Selasa, 1 Desember 2026", page);
        Assert.Contains("No Diteruskan kepada Tanggal Isi disposisi Paraf/tanggal", page);
        Assert.Contains("1 Kepala Bidang Aplikasi", page);
        Assert.Contains("Paraf elektronik", page);
        Assert.Contains("Halaman 1 dari 1", page);
    }

    [Fact]
    public void Sheet_TicksOnlyTheInstructionsGiven()
    {
        var model = DocumentSamples.DispositionSheet() with
        {
            Steps = [DocumentSamples.DispositionSheet().Steps[0] with { Instructions = DispositionInstructions.Archive }],
        };

        var page = PdfText.Read(DispositionSheetTemplate.Render(model)).Pages[0];

        Assert.Contains("✓ Arsipkan", page);
        Assert.DoesNotContain("✓ Untuk ditindaklanjuti", page);
    }

    [Fact]
    public void Sheet_FromALetterPrintsTheLettersNumberAndDate()
    {
        var model = DocumentSamples.DispositionSheet() with
        {
            WithoutLetter = null, ReferenceNumber = "400/312/Disdik/2026", ReferenceDate = new DateOnly(2026, 11, 28),
        };

        var page = PdfText.Read(DispositionSheetTemplate.Render(model)).Pages[0];

        Assert.Contains("Nomor surat : 400/312/Disdik/2026", page);
        Assert.Contains("Tanggal surat : 28 November 2026", page);
    }

    [Fact]
    public void WetSheet_LeavesTheParafColumnBlank()
    {
        var page = PdfText.Read(DispositionSheetTemplate.Render(DocumentSamples.DispositionSheet() with { WetSignature = true })).Pages[0];

        Assert.DoesNotContain("Paraf elektronik", page);
    }
}

public class DeviceReplacementBeritaAcaraTests
{
    [Fact]
    public void BeritaAcara_HasTitleNumberDateInWordsPartiesDevicesAndSignatures()
    {
        var text = PdfText.Read(DeviceReplacementBeritaAcaraTemplate.Render(DocumentSamples.DeviceReplacementBeritaAcara()));

        var page = Assert.Single(text.Pages);
        Assert.Contains("BERITA ACARA PENGAJUAN PENGGANTIAN PERANGKAT", page);
        Assert.Contains("Nomor: 000.8.3.3/17/BA-PP/Diskominfo/2026", page);
        Assert.Contains(
            "Pada hari ini Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam (30-11-2026), bertempat di " +
            "Kantor Dinas Pendidikan, ruang server lantai 2, kami yang bertanda tangan di bawah ini:",
            page);
        Assert.Contains("Nama : Siti Aisyah Damanik, S.E. NIP : 19881105 201001 2 003", page);
        Assert.Contains("Instansi : Dinas Pendidikan Kota Tebing Tinggi selanjutnya disebut PIHAK PERTAMA.", page);
        Assert.Contains("Nama : Rizky Ramadhan Lubis, A.Md.Kom.", page);
        Assert.Contains("selanjutnya disebut PIHAK KEDUA.", page);
        AssertHeader(page);
        Assert.Contains("1 Switch 24 port TP-Link TL-SG1024D 2236154000123 Rusak Berat", page);
        Assert.Contains("2 Access point Ubiquiti UniFi U6 Lite E063DA4F21B7 Rusak Berat", page);
        Assert.Contains(
            "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.", page);
        Assert.Contains("Tebing Tinggi, 30 November 2026", page);
        Assert.Contains("PIHAK PERTAMA,", page);
        Assert.Contains("PIHAK KEDUA,", page);
        Assert.Contains("NIP. 19881105 201001 2 003", page);
        Assert.Contains("NIP. 19950315 202321 1 004", page);
        Assert.Contains("Mengetahui,", page);
        Assert.Contains("Halaman 1 dari 1", page);
    }

    private static void AssertHeader(string page)
    {
        foreach (var label in new[] { "No", "Nama", "Perangkat", "Merek/Tipe", "Nomor Seri", "Kondisi", "Keterangan" })
        {
            Assert.Contains(label, page);
        }

        Assert.Contains("No Merek/Tipe Nomor Seri Kondisi Keterangan", page);
    }

    [Fact]
    public void PlhSigner_ShowsPlhBeforeThePosition()
    {
        var page = PdfText.Read(DeviceReplacementBeritaAcaraTemplate.Render(DocumentSamples.DeviceReplacementBeritaAcara())).Pages[0];

        Assert.Contains("Mengetahui, Plh. Kepala Seksi Infrastruktur dan Jaringan", page);
        Assert.Contains("Hendra Gunawan Sinaga, S.Kom. NIP. 19840717 200903 1 002", page);
    }

    [Fact]
    public void OnePageBeritaAcara_IsSmall()
    {
        var pdf = DeviceReplacementBeritaAcaraTemplate.Render(DocumentSamples.DeviceReplacementBeritaAcara());

        Assert.Single(PdfText.Read(pdf).Pages);
        Assert.True(pdf.Length <= 100 * 1024, $"One-page Berita Acara is {pdf.Length} bytes.");
    }

    [Fact]
    public void LongDeviceTable_BreaksAcrossPagesAndRepeatsItsHeader()
    {
        var devices = Enumerable.Range(1, 60)
            .Select(i => new DeviceItem($"Perangkat uji {i}", "MikroTik hEX RB750Gr3", $"SN{i:D6}", DeviceCondition.RusakRingan, "Port tidak stabil"))
            .ToArray();
        var model = DocumentSamples.DeviceReplacementBeritaAcara() with { Devices = devices };

        var text = PdfText.Read(DeviceReplacementBeritaAcaraTemplate.Render(model));

        Assert.True(text.Pages.Count >= 2);
        var pagesWithRows = text.Pages.Where(p => p.Contains("Perangkat uji", StringComparison.Ordinal)).ToList();
        Assert.True(pagesWithRows.Count >= 2);
        Assert.All(pagesWithRows, AssertHeader);
        Assert.All(devices, d => Assert.Contains(d.SerialNumber, text.All));
        Assert.Contains($"Halaman 2 dari {text.Pages.Count}", text.Pages[1]);
        Assert.Contains($"Halaman {text.Pages.Count} dari {text.Pages.Count}", text.Pages[^1]);
        // The signatures stay together with the closing sentence.
        Assert.Contains("Demikian Berita Acara ini", text.Pages[^1]);
        Assert.Contains("PIHAK KEDUA,", text.Pages[^1]);
        Assert.Contains("Mengetahui,", text.Pages[^1]);
    }
}

public class WorkBeritaAcaraTests
{
    [Fact]
    public void BeritaAcara_ListsTheWorkAndOldAndNewSerials()
    {
        var text = PdfText.Read(WorkBeritaAcaraTemplate.Render(DocumentSamples.WorkBeritaAcara()));

        Assert.Contains("BERITA ACARA PEKERJAAN", text.Pages[0]);
        Assert.Contains("Nomor: 000.8.3.3/41/BA-PK/Diskominfo/2026", text.Pages[0]);
        Assert.Contains("Pada hari ini Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam (30-11-2026)", text.Pages[0]);
        Assert.Contains("Nomor Seri Nomor Seri", text.All);
        Assert.Contains("Lama Baru", text.All);
        Assert.Contains("Diganti 2236154000123 2311870004567", text.All);
        Assert.Contains("Diperbaiki HCT08A1B2C3 -", text.All);
        Assert.Contains("Hasil pekerjaan:", text.All);
        Assert.Contains("PIHAK KEDUA telah memeriksa hasil pekerjaan yang diserahkan PIHAK PERTAMA dan menyatakan menerimanya.", text.All);
        Assert.Contains("PIHAK PERTAMA, PIHAK KEDUA,", text.All);
        Assert.Contains($"Halaman 1 dari {text.Pages.Count}", text.Pages[0]);
    }

    [Fact]
    public void ReporterSignature_IsPrintedAsAnImage_AndTheTechnicianAsAnElectronicApproval()
    {
        var text = PdfText.Read(WorkBeritaAcaraTemplate.Render(DocumentSamples.WorkBeritaAcara()));

        // Logo on the first page; the reporter's signature on the page with the signatures.
        Assert.Equal(2, text.ImageCounts.Sum());
        Assert.Contains("Disetujui secara elektronik pada 30", text.All);
        // Approved when the work was completed (16.40), never before it.
        Assert.Contains("November 2026 pukul 16.50 WIB", text.All);
    }

    [Fact]
    public void ReporterAcknowledgingInTheApplication_ShowsTheElectronicApprovalText()
    {
        var sample = DocumentSamples.WorkBeritaAcara();
        var model = sample with { Reporter = sample.Reporter with { Person = sample.Reporter.Person with { SignaturePng = null } } };

        var text = PdfText.Read(WorkBeritaAcaraTemplate.Render(model));

        Assert.Contains("November 2026 pukul 16.55 WIB", text.All);
        Assert.Equal(1, text.ImageCounts.Sum());
    }

    [Fact]
    public void WetSignatureVariant_HasBlankSigningSpaces()
    {
        var text = PdfText.Read(WorkBeritaAcaraTemplate.Render(DocumentSamples.WorkBeritaAcara() with { WetSignature = true }));

        Assert.DoesNotContain("Disetujui secara elektronik", text.All);
        Assert.Equal(1, text.ImageCounts.Sum()); // only the logo
        Assert.Contains("Rizky Ramadhan Lubis, A.Md.Kom.", text.All);
    }
}

public class WorkReportTests
{
    [Fact]
    public void Report_ShowsDiagnosisActionsTimelineDurationAndReviews()
    {
        var text = PdfText.Read(WorkReportTemplate.Render(DocumentSamples.WorkReport()));

        Assert.Contains("LAPORAN HASIL PELAKSANAAN", text.Pages[0]);
        Assert.Contains("Nomor: 000.8.3.3/38/LHP/Diskominfo/2026", text.Pages[0]);
        // The Laporan form of the tata naskah dinas.
        foreach (var part in new[] { "I. PENDAHULUAN", "A. Umum", "B. Maksud dan Tujuan", "C. Ruang Lingkup", "II. KEGIATAN YANG DILAKSANAKAN",
                     "A. Hasil Diagnosis", "B. Tindakan yang Dilakukan", "C. Kronologi Penanganan", "III. HASIL", "IV. SIMPULAN DAN SARAN",
                     "V. PENUTUP", "Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya." })
        {
            Assert.Contains(part, text.All);
        }
        Assert.Contains("No Dicatat (WIB) Kegiatan Pelaksana", text.All);
        Assert.Contains("30-11-2026 08.15 Laporan diterima", text.All);
        Assert.Contains("Lama penanganan : 8 jam 35 menit", text.All);
        // The work's own times, in the words of the Berita Acara Pekerjaan.
        Assert.Contains(
            "Waktu pekerjaan : mulai 30 November 2026 pukul 14.30 WIB sampai dengan pukul 16.40 WIB (2 jam 10 menit)", text.All);
        Assert.Contains("Penyelesaian dicatat : 30 November 2026 pukul 16.50 WIB", text.All);
        Assert.Contains("Target : 24 jam", text.All);
        Assert.Contains("Memenuhi target waktu penyelesaian", text.All);
        Assert.Contains("Rina Sari Siregar, S.Kom., M.T.", text.All);
        Assert.Contains("NIP. 19800322 200501 2 007", text.All);
        Assert.Contains("Disetujui secara", text.All);
        Assert.Contains("15.40 WIB", text.All);
        Assert.Contains("Tebing Tinggi, 30 November 2026", text.All);
        Assert.Contains($"Halaman {text.Pages.Count} dari {text.Pages.Count}", text.Pages[^1]);
    }

    [Fact]
    public void TheDurationAgreesWithThePrintedTimes()
    {
        // Received 21.38.50, completion recorded 21.40.10: 1 minute 20 seconds, but the reader sees 21.38 and 21.40.
        var received = Wib.ToUtc(new DateTime(2026, 11, 30, 21, 38, 50, DateTimeKind.Unspecified));
        var model = DocumentSamples.WorkReport() with
        {
            ReceivedAtUtc = received, CompletedAtUtc = received.AddSeconds(80), Paused = TimeSpan.Zero,
            WorkStartedAtUtc = null, WorkFinishedAtUtc = null,
        };

        var text = PdfText.Read(WorkReportTemplate.Render(model));

        Assert.Contains("Laporan diterima : 30 November 2026 pukul 21.38 WIB", text.All);
        Assert.Contains("Penyelesaian dicatat : 30 November 2026 pukul 21.40 WIB", text.All);
        Assert.Contains("Lama penanganan : 2 menit", text.All);
    }

    [Fact]
    public void TheBeritaAcaraAndTheResultsReportPrintTheSameWorkTimes()
    {
        var ba = PdfText.Read(WorkBeritaAcaraTemplate.Render(DocumentSamples.WorkBeritaAcara())).All;
        var report = PdfText.Read(WorkReportTemplate.Render(DocumentSamples.WorkReport())).All;
        const string Times = "mulai 30 November 2026 pukul 14.30 WIB sampai dengan pukul 16.40 WIB (2 jam 10 menit)";

        Assert.Contains(Times, ba);
        Assert.Contains(Times, report);
    }

    [Fact]
    public void Report_OverTheTarget_SaysByHowMuch()
    {
        var sample = DocumentSamples.WorkReport();
        var model = sample with { CompletedAtUtc = sample.ReceivedAtUtc.AddHours(27), Paused = TimeSpan.FromMinutes(50) };

        var text = PdfText.Read(WorkReportTemplate.Render(model));

        Assert.Contains("Lama penanganan : 26 jam 10 menit", text.All);
        Assert.Contains("Melampaui target sebesar 2 jam 10 menit", text.All);
    }

    [Fact]
    public void WetSignatureVariant_LeavesApprovalsBlank()
    {
        var text = PdfText.Read(WorkReportTemplate.Render(DocumentSamples.WorkReport() with { WetSignature = true }));

        Assert.DoesNotContain("Disetujui secara elektronik", text.All);
        Assert.Contains("IV. SIMPULAN DAN SARAN", text.All);
    }
}

public class AllDocumentsTests
{
    public static TheoryData<string> Samples => new(DocumentSamples.All().Select(d => d.GetType().Name));

    private static OfficialDocument Sample(string type) => DocumentSamples.All().Single(d => d.GetType().Name == type);

    [Theory]
    [MemberData(nameof(Samples))]
    public void RenderingTheSameModelTwice_GivesIdenticalBytes(string type)
    {
        var first = OfficialDocumentRenderer.Render(Sample(type));
        var second = OfficialDocumentRenderer.Render(Sample(type));

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void TheServersCultureDoesNotChangeTheBytes(string type)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
            var indonesian = OfficialDocumentRenderer.Render(Sample(type));
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            var invariant = OfficialDocumentRenderer.Render(Sample(type));

            Assert.Equal(invariant, indonesian);
            // The XMP dates are ISO 8601 with colons, whatever the culture.
            Assert.Contains("<xmp:CreateDate>2026-", System.Text.Encoding.ASCII.GetString(indonesian), StringComparison.Ordinal);
            Assert.DoesNotMatch(@"<xmp:CreateDate>[^<]*T\d\d\.\d\d", System.Text.Encoding.ASCII.GetString(indonesian));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void WetSignatureVariant_HasNoElectronicApprovalText(string type)
    {
        var model = Sample(type) with { WetSignature = true };

        var text = PdfText.Read(OfficialDocumentRenderer.Render(model));

        Assert.DoesNotContain("Disetujui secara elektronik", text.All);
        Assert.DoesNotContain("Paraf elektronik", text.All);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryPage_HasTheFooterAndKeepsTextInsideTheMargins(string type)
    {
        var model = Sample(type);

        var text = PdfText.Read(OfficialDocumentRenderer.Render(model));

        for (var i = 0; i < text.Pages.Count; i++)
        {
            Assert.Contains($"Halaman {i + 1} dari {text.Pages.Count}", text.Pages[i]);
            Assert.Contains("Kode verifikasi: " + model.VerificationCode, text.Pages[i]);
            Assert.True(text.WordExtents[i].Left >= PageMargins.Official.Left - 1, $"Page {i + 1} text starts at {text.WordExtents[i].Left}.");
            Assert.True(
                text.WordExtents[i].Right <= PdfComposer.PageWidth - PageMargins.Official.Right + 1,
                $"Page {i + 1} text ends at {text.WordExtents[i].Right}.");
        }
    }

    [Fact]
    public void RenderingInParallel_IsSafeAndDeterministic()
    {
        var expected = OfficialDocumentRenderer.Render(DocumentSamples.DeviceReplacementBeritaAcara());

        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = OfficialDocumentRenderer.Render(DocumentSamples.DeviceReplacementBeritaAcara()));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void ADecodedLogoKeptAcrossRenders_GivesTheSameBytesAsAFreshlyDecodedOne()
    {
        // A logo no other test draws, so the first render decodes it and the second takes it from the cache.
        var logo = SampleImages.Signature(seed: 424242);
        var model = DocumentSamples.DeviceReplacementBeritaAcara();
        model = model with { Letterhead = model.Letterhead with { Logo = logo } };

        var first = OfficialDocumentRenderer.Render(model);
        var cached = ImageCache.Get(logo);
        var second = OfficialDocumentRenderer.Render(model with { Letterhead = model.Letterhead with { Logo = logo.ToArray() } });

        Assert.Same(cached, ImageCache.Get(logo));
        Assert.Equal(first, second);
        Assert.NotEqual(first, OfficialDocumentRenderer.Render(DocumentSamples.DeviceReplacementBeritaAcara()));
    }

    [Fact]
    public void DifferentDocuments_GetDifferentTrailerIds()
    {
        var a = System.Text.Encoding.Latin1.GetString(OfficialDocumentRenderer.Render(DocumentSamples.WorkReport()));
        var b = System.Text.Encoding.Latin1.GetString(OfficialDocumentRenderer.Render(DocumentSamples.WorkBeritaAcara()));

        static string Id(string pdf) => pdf[pdf.LastIndexOf("/ID[", StringComparison.Ordinal)..][..40];
        Assert.NotEqual(Id(a), Id(b));
    }
}

public class TataNaskahTests
{
    [Fact]
    public void BeritaAcaraOpeningsSayWhenAndWhere()
    {
        var request = PdfText.Read(DeviceReplacementBeritaAcaraTemplate.Render(DocumentSamples.DeviceReplacementBeritaAcara())).All;
        var work = PdfText.Read(WorkBeritaAcaraTemplate.Render(DocumentSamples.WorkBeritaAcara())).All;

        Assert.Contains("(30-11-2026), bertempat di Kantor Dinas Pendidikan, ruang server lantai 2, kami yang bertanda tangan di bawah ini:", request);
        Assert.Contains("(30-11-2026), bertempat di Kantor Dinas Pendidikan, ruang server lantai 2, kami yang bertanda tangan di bawah ini:", work);
    }

    [Fact]
    public void TheReplacementRequestGoesToTheDinasThroughPihakKedua()
    {
        var request = PdfText.Read(DeviceReplacementBeritaAcaraTemplate.Render(DocumentSamples.DeviceReplacementBeritaAcara())).All;

        Assert.Contains(
            "PIHAK PERTAMA mengajukan penggantian perangkat kepada Dinas Komunikasi dan Informatika Kota Tebing Tinggi melalui PIHAK KEDUA",
            request);
        Assert.Contains("Merek/Tipe", request);
        Assert.DoesNotContain("Merk", request);
    }

    [Fact]
    public void TheReceiptPrintsTheTrackingSentenceAndALongDescriptionAsAFullWidthParagraph()
    {
        var description = string.Concat(Enumerable.Repeat("Seluruh komputer di lantai dua tidak dapat terhubung ke jaringan. ", 30)).Trim();
        Assert.True(description.Length >= 1900);
        var model = DocumentSamples.ReportReceipt() with { Description = description };

        var text = PdfText.Read(ReportReceiptTemplate.Render(model));

        Assert.Contains("Uraian gangguan:", text.All);
        Assert.DoesNotContain("Uraian gangguan :", text.All);
        Assert.Contains(
            "Perkembangan penanganan laporan dapat diikuti melalui laman https://gangguan.tebingtinggikota.go.id/lacak dengan memasukkan nomor laporan GJ-2026-000123 dan kode pelacakan K7P29XQ4.",
            text.All);
        // A full-width paragraph: its lines start at the paragraph's indent, not in the value column.
        var words = string.Join(" ", text.Pages).Split(' ').Count(w => w == "Seluruh");
        Assert.Equal(30, words);
    }
}
