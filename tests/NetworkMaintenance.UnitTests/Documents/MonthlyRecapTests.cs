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
        Assert.Contains("Selesai dikerjakan : 20 laporan", all);
        Assert.Contains("Ditolak : 1 laporan", all);
        Assert.Contains("Masih terbuka : 3 laporan (per 30 November 2026)", all);
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
        Assert.DoesNotContain("Kode verifikasi", all);
        Assert.Contains("Halaman 1 dari", all);
    }

    [Fact]
    public void TheSignatureStaysOnThePageOfTheIkmSection()
    {
        var text = PdfText.Read(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()));

        var last = text.Pages[^1];
        Assert.Contains("E. Indeks Kepuasan Masyarakat (IKM)", last);
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
            Received = 0, Completed = 0, Rejected = 0, OpenAtEnd = 0, CompletedWithinTarget = 0, CompliancePercent = null,
            MedianHours = null, P90Hours = null, ByChannel = [], ByOpd = [], ByCategory = [], Ikm = null,
        };

        var all = PdfText.Read(MonthlyRecapTemplate.Render(model)).All;

        Assert.Contains("Selesai dalam target : belum ada laporan yang selesai dikerjakan", all);
        Assert.Contains("Median waktu penyelesaian : —", all);
        Assert.Contains("Menurut saluran : -", all);
        Assert.Contains("Tidak ada laporan", all);
    }

    [Fact]
    public void SameModel_GivesTheSameBytes() =>
        Assert.Equal(MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()), MonthlyRecapTemplate.Render(DocumentSamples.MonthlyRecap()));

    [Fact]
    public void RowPercent_IsRoundedToOneDecimal() =>
        Assert.Equal(66.7, new RecapRow("x", 3, 3, 2).CompliancePercent);
}
