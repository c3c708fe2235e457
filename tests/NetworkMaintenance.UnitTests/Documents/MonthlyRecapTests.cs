using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;

namespace NetworkMaintenance.UnitTests.Documents;

public class MonthlyRecapTests
{
    [Fact]
    public void Recap_ShowsTitlePeriodTotalsSlaTablesIkmAndTheKadisSignature()
    {
        var text = PdfText.Read(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()));
        var all = text.All;

        Assert.Contains("PEMERINTAH KOTA TEBING TINGGI", all);
        Assert.Contains("REKAP BULANAN PELAYANAN MAINTENANCE GANGGUAN JARINGAN", all);
        Assert.Contains("Periode: November 2026", all);
        Assert.DoesNotContain("Nomor:", all);
        Assert.Contains("Laporan diterima : 23 laporan", all);
        Assert.Contains("Pekerjaan selesai dikerjakan : 20 laporan", all);
        Assert.Contains("Ditolak : 1 laporan", all);
        Assert.Contains("Sisa akhir bulan : 3 laporan (masih terbuka per 30 November 2026)", all);
        Assert.Contains("Menurut saluran : Aplikasi web 14, WhatsApp 4, Telepon 3, Surat permohonan 1, Datang langsung 1", all);
        Assert.Contains("Selesai dalam target : 18 dari 20 laporan (90%)", all);
        Assert.Contains("Median waktu penyelesaian : 6,5 jam", all);
        Assert.Contains("Persentil ke-90 : 23,8 jam", all);
        Assert.Contains("1 Dinas Pendidikan 6 5 5 100%", all);
        Assert.Contains("2 Dinas Kesehatan 5 5 4 80%", all);
        Assert.Contains("Jumlah 23 20 18 90%", all);
        Assert.Contains("Kabel jaringan / fiber optik 3 2 1 50%", all);
        Assert.Contains("Jumlah responden : 4 orang", all);
        Assert.Contains("Nilai IKM : 85,42", all);
        Assert.Contains("Mutu pelayanan : B (Baik)", all);
        Assert.Contains("Tebing Tinggi, 30 November 2026", all);
        Assert.Contains("Kepala Dinas Komunikasi dan Informatika", all);
        Assert.Contains("Drs. H. Muhammad Fauzi Harahap, M.Si.", all);
        Assert.Contains("NIP. 19720410 199803 1 005", all);
        Assert.Contains("Rekap dibuat dari data aplikasi pada 30 November 2026 pukul 16.00 WIB", all);
        Assert.Contains("Lampiran Nota Dinas Kepala Dinas Nomor 000.8.3.3/12/ND/Diskominfo/2026 tanggal 2 Desember 2026", all);
        Assert.Contains("Lampiran Nota Dinas Nomor", text.Pages[^1]);
        Assert.DoesNotContain("Kode verifikasi", all);
        Assert.Contains("Halaman 1 dari", all);
    }

    [Fact]
    public void TheSignatureStaysOnThePageOfTheLastNarrativePart()
    {
        var text = PdfText.Read(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()));

        var last = text.Pages[^1];
        Assert.Contains("4. Rekomendasi", last);
        Assert.Contains("Drs. H. Muhammad Fauzi Harahap, M.Si.", last);
        Assert.Contains($"Halaman {text.Pages.Count} dari {text.Pages.Count}", last);
    }

    [Fact]
    public void WithoutSurveys_SaysThereIsNoIkmData()
    {
        var model = DocumentSamples.MonthlyRecap() with { Ikm = null, OpdName = "Dinas Kesehatan" };

        var all = PdfText.Read(MonthlyRecapTemplate.Render(model)).All;

        Assert.Contains("Belum ada data survei kepuasan masyarakat pada periode ini.", all);
        Assert.Contains("OPD: Dinas Kesehatan", all);
    }

    [Fact]
    public void EmptyMonth_PrintsDashesNotErrors()
    {
        var model = DocumentSamples.MonthlyRecap() with
        {
            OpenAtStart = 0, Received = 0, Completed = 0, Closed = 0, Rejected = 0, OpenAtEnd = 0, DevicesReplaced = [], Overdue = [], Trend = [], CompletedWithinTarget = 0, CompliancePercent = null,
            MedianHours = null, P90Hours = null, ByChannel = [], ByOpd = [], ByCategory = [], Ikm = null,
            DeviceWork = [], StockOnHand = [], MostFaultyDevices = [],
        };

        var all = PdfText.Read(MonthlyRecapTemplate.Render(model)).All;

        Assert.Contains("Selesai dalam target : belum ada laporan yang selesai dikerjakan", all);
        Assert.Contains("Median waktu penyelesaian : —", all);
        Assert.Contains("Menurut saluran : -", all);
        Assert.Contains("Tidak ada laporan", all);
        Assert.Contains("Jumlah perangkat yang diganti: 0 perangkat.", all);
        Assert.Contains("Tidak ada perangkat yang diperbaiki atau diganti pada periode ini.", all);
        Assert.Contains("Belum ada perangkat cadangan atau stok barang yang tercatat.", all);
        Assert.Contains("Tidak ada gangguan perangkat terdaftar dalam 12 bulan ini.", all);
        Assert.Contains("Tidak ada laporan yang melewati target pada periode ini.", all);
        Assert.Contains("Rekonsiliasi: sisa bulan lalu 0 + diterima 0 − selesai 0 − ditolak 0 = sisa akhir bulan 0", all);
    }

    [Fact]
    public void TheReconciliationLineAddsUp()
    {
        var model = DocumentSamples.MonthlyRecap();
        var all = PdfText.Read(MonthlyRecapTemplate.Render(model)).All;

        Assert.True(model.Reconciles);
        Assert.Contains("Sisa bulan lalu : 4 laporan (masih terbuka per 31 Oktober 2026)", all);
        Assert.Contains("Selesai (ditutup) : 23 laporan", all);
        Assert.Contains("Rekonsiliasi: sisa bulan lalu 4 + diterima 23 − selesai 23 − ditolak 1 = sisa akhir bulan 3", all);
    }

    [Fact]
    public void ARunningMonthSaysBulanBerjalanWithItsCutOff()
    {
        var model = DocumentSamples.MonthlyRecap() with
        {
            IsRunningMonth = true, CutoffUtc = new DateTime(2026, 11, 20, 3, 15, 0, DateTimeKind.Utc), OpenCountedOn = new DateOnly(2026, 11, 20),
        };

        var all = PdfText.Read(MonthlyRecapTemplate.Render(model)).All;

        Assert.Contains("Periode: November 2026 (bulan berjalan, data sampai 20 November 2026 pukul 10.15 WIB)", all);
        Assert.Contains("(masih terbuka per 20 November 2026)", all);
    }

    [Fact]
    public void TheChartsAreDrawnWithReadableIndonesianLabelsAndValues()
    {
        var text = PdfText.Read(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()));
        var all = text.All;

        Assert.Contains("C. Tren 12 Bulan Terakhir", all);
        Assert.Contains("Diterima Selesai (ditutup)", all);
        Assert.Contains("Des Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov", all);
        Assert.Contains("2025 2026", all);
        // The horizontal bars: label and value on one line, in the order of the table.
        Assert.Contains("Dinas Pendidikan 6 Dinas Kesehatan 5 Badan Kepegawaian Daerah 4 Sekretariat Daerah 4", all);
        Assert.Contains("Internet mati / tidak terhubung 9 Koneksi lambat / tidak stabil 6", all);
        // Drawn as vectors, not pasted as images from a browser: the only image is the kop surat's logo.
        Assert.Equal(1, text.ImageCounts.Sum());
        Assert.Equal(24, Core.Documents.Pdf.PdfCharts.NiceMax(23));
        Assert.Equal(4, Core.Documents.Pdf.PdfCharts.NiceMax(0));
    }

    [Fact]
    public void DevicesReplacedAndReportsOverTheTargetAreListed()
    {
        var all = PdfText.Read(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap())).All;

        Assert.Contains("Jumlah perangkat yang diganti: 3 perangkat.", all);
        Assert.Contains("2231045001872 →", all);
        Assert.Contains("MikroTik RB4011 →", all);
        Assert.Contains("GJ-2026-000127", all);
        Assert.Contains("G. Laporan Melewati Target 24 jam", all);
        Assert.Contains("GJ-2026-000109", all);
        Assert.Contains("31,5 jam", all);
        Assert.Contains("menunggu perangkat", all);
        Assert.Contains("Dikembalikan Kepala Seksi", all);
    }

    [Fact]
    public void TheIkmCarriesItsResponseRateAndACaveatUnderTheMinimumSample()
    {
        var all = PdfText.Read(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap())).All;
        Assert.Contains("Tingkat respons : 4 dari 23 laporan yang ditutup (17,4%)", all);
        Assert.Contains($"jumlah responden di bawah {Core.Domain.Quality.IkmSample.MinimumRespondents} orang", all);

        var many = Enumerable.Repeat((IReadOnlyList<int>)[4, 3, 3, 4, 3, 4, 4, 3, 3], Core.Domain.Quality.IkmSample.MinimumRespondents).ToList();
        var enough = DocumentSamples.MonthlyRecap() with { Ikm = Core.Domain.Quality.IkmCalculator.Compute(many), Closed = 40, OpenAtStart = 21 };
        var text = PdfText.Read(MonthlyRecapTemplate.Render(enough)).All;
        Assert.Contains("Tingkat respons : 30 dari 40 laporan yang ditutup (75%)", text);
        Assert.DoesNotContain("jumlah responden di bawah", text);
    }

    [Fact]
    public void TheNarrativeIsPrintedInFourParts()
    {
        var all = PdfText.Read(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap())).All;

        Assert.Contains("I. Permasalahan, Kendala, Tindak Lanjut dan Rekomendasi", all);
        Assert.Contains("1. Permasalahan Gangguan terbanyak adalah internet mati", all);
        Assert.Contains("2. Kendala Stok switch cadangan", all);
        Assert.Contains("3. Tindak lanjut Pemasangan arrester", all);
        Assert.Contains("4. Rekomendasi Pengadaan lima switch", all);
    }

    [Fact]
    public void APlhKepalaDinasIsPrintedAsPlh()
    {
        var plh = new Signer(DocumentSamples.KepalaBidang.Name, DocumentSamples.KepalaBidang.Nip, "Kepala Dinas Komunikasi dan Informatika", IsPlh: true);
        var recap = PdfText.Read(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap() with { KepalaDinas = plh })).Pages[^1];
        Assert.Contains("Plh. Kepala Dinas Komunikasi dan Informatika", recap);
        Assert.Contains(DocumentSamples.KepalaBidang.Name, recap);

        var letter = PdfText.Read(RecapCoverLetterTemplate.Render(DocumentSamples.RecapCoverLetter())).All;
        Assert.Contains("Dari : Plh. Kepala Dinas Komunikasi dan Informatika", letter);
        Assert.Contains(DocumentSamples.KepalaBidang.Name, letter);
    }

    [Fact]
    public void TheNotaDinasCarriesItsNumberAndTheHeaderOfTheForm()
    {
        var text = PdfText.Read(RecapCoverLetterTemplate.Render(DocumentSamples.RecapCoverLetter()));
        var all = text.All;

        Assert.Single(text.Pages);
        Assert.Contains("NOTA DINAS", all);
        Assert.Contains("Yth. : Wali Kota Tebing Tinggi", all);
        Assert.Contains("Melalui : Sekretaris Daerah Kota Tebing Tinggi", all);
        Assert.Contains("Nomor : 000.8.3.3/12/ND/Diskominfo/2026", all);
        Assert.Contains("Tanggal : 2 Desember 2026", all);
        Assert.Contains("Sifat : Biasa", all);
        Assert.Contains("Lampiran : 1 (satu) berkas", all);
        Assert.Contains("Hal : Laporan Rekapitulasi Bulanan Pelayanan Maintenance Gangguan Jaringan Bulan November 2026", all);
        Assert.Contains("diterima 23 laporan gangguan, 23 laporan selesai ditutup, dan 3 laporan masih dalam penanganan", all);
        Assert.Contains("Tebing Tinggi, 2 Desember 2026", all);
        Assert.Equal(RecapCoverLetterTemplate.Render(DocumentSamples.RecapCoverLetter()), RecapCoverLetterTemplate.Render(DocumentSamples.RecapCoverLetter()));
        var v2 = PdfText.Read(RecapCoverLetterTemplate.Render(DocumentSamples.RecapCoverLetter() with { Version = 2 })).All;
        Assert.Contains("Nota Dinas Nomor 000.8.3.3/12/ND/Diskominfo/2026 (versi 2, nomor yang sama)", v2);
    }

    [Fact]
    public void NoPageEndsWithAnOrphanTableHeaderAndTheSignatureNeverStandsAlone()
    {
        var devices = Enumerable.Range(1, 40).Select(i => new ReplacedDevice($"GJ-2026-{i:D6}", "Dinas Pendidikan", "Switch 24 port",
            "TP-Link TL-SG1024D", $"OLD{i:D8}", "TP-Link TL-SG1024D", $"NEW{i:D8}")).ToList();
        var longText = string.Join(" ", Enumerable.Repeat("Gangguan berulang di sekolah akibat petir dan pemadaman listrik.", 30));
        var model = DocumentSamples.MonthlyRecap() with
        {
            DevicesReplaced = devices,
            Narrative = new RecapNarrative(longText, longText, longText, longText),
        };

        var text = PdfText.Read(MonthlyRecapTemplate.Render(model));

        foreach (var page in text.Pages)
        {
            // A page showing the device table's header also shows a row under it.
            if (page.Contains("Merek/Tipe (lama → baru)", StringComparison.Ordinal)) Assert.Contains("GJ-2026-", page);
        }
        var last = text.Pages[^1];
        Assert.Contains(DocumentSamples.KepalaDinas.Name, last);
        Assert.Contains("4. Rekomendasi", last);
    }

    [Fact]
    public void SameModel_GivesTheSameBytes() =>
        Assert.Equal(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()), MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()));

    [Fact]
    public void RowPercent_IsRoundedToOneDecimal() =>
        Assert.Equal(66.7, new RecapRow("x", 3, 3, 2).CompliancePercent);
}
