using System.Globalization;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;
using UglyToad.PdfPig;

namespace NetworkMaintenance.UnitTests.Documents;

/// <summary>Issue #13 point 5: layout a printer and a secretary accept, read back page by page.</summary>
public class LayoutTests
{
    public static TheoryData<string> Samples => new(DocumentSamples.All().Select(d => d.GetType().Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public void TheQrCodeIsAtLeast20MillimetresWide(string type)
    {
        var pdf = OfficialDocumentRenderer.Render(DocumentSamples.All().Single(d => d.GetType().Name == type));

        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            // The filled squares in the footer's left corner are the QR modules.
            var modules = page.Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
                .Where(r => r.Bottom < 110 && r.Left < 160).ToList();
            Assert.NotEmpty(modules);
            var width = modules.Max(r => r.Right) - modules.Min(r => r.Left);
            var height = modules.Max(r => r.Top) - modules.Min(r => r.Bottom);
            Assert.True(width >= 20 / 25.4 * 72, $"{type} page {page.Number}: QR code {width * 25.4 / 72:0.0} mm wide");
            Assert.True(height >= 20 / 25.4 * 72, $"{type} page {page.Number}: QR code {height * 25.4 / 72:0.0} mm high");
        }
    }

    [Fact]
    public void A25DeviceBeritaAcaraAndA2000CharacterDescriptionHaveNoOrphanedHeaderOrLoneSignaturePage()
    {
        var sample = DocumentSamples.WorkBeritaAcara();
        var longText = string.Concat(Enumerable.Repeat("Jaringan di seluruh ruangan lantai dua telah diuji ulang dan berfungsi normal. ", 26)).Trim();
        Assert.True(longText.Length >= 2000);
        var model = sample with
        {
            Result = longText,
            Devices = Enumerable.Range(1, 25).Select(i => new WorkDeviceItem(
                $"Switch {i.ToString(CultureInfo.InvariantCulture)}", "TP-Link TL-SG1024D", DeviceWorkAction.Replaced,
                $"SN-LAMA-{i:000}", $"SN-BARU-{i:000}", "Perangkat lama diserahkan ke Data Center")).ToList(),
        };

        var text = PdfText.Read(WorkBeritaAcaraTemplate.Render(model));

        Assert.True(text.Pages.Count >= 2);
        for (var p = 0; p < text.Pages.Count; p++)
        {
            var page = text.Pages[p];
            // A page that shows the table header also shows a row under it.
            if (page.Contains("Nomor Seri Lama", StringComparison.Ordinal))
            {
                var afterHeader = page[(page.LastIndexOf("Nomor Seri Lama", StringComparison.Ordinal))..];
                Assert.Matches(@"SN-LAMA-\d{3}", afterHeader);
            }
            // A page with signatures also carries the closing paragraph: never a signature page on its own.
            if (page.Contains("PIHAK PERTAMA,", StringComparison.Ordinal) || page.Contains("Mengetahui,", StringComparison.Ordinal))
            {
                Assert.Contains("Demikian Berita Acara ini dibuat dengan sebenarnya", page, StringComparison.Ordinal);
            }
        }
        // Every row is printed once.
        Assert.Equal(25, Enumerable.Range(1, 25).Count(i => text.All.Contains($"SN-LAMA-{i:000}", StringComparison.Ordinal)));
        Assert.Contains("Mengetahui,", text.Pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AOneDeviceWorkBeritaAcaraFitsOnOnePage()
    {
        // A typical repair as the application issues it: a site visit, two actions, one device replaced, the reporter's
        // signature drawn on site and the Kasi's approval ("Mengetahui,"), at the default page setup (A4, 10 pt).
        var sample = DocumentSamples.WorkBeritaAcara();
        var model = sample with
        {
            Devices = sample.Devices.Take(1).ToList(),
            WorkDone = sample.WorkDone.Take(2).ToList(),
        };
        Assert.NotNull(model.SiteVisitStartedAtUtc);
        Assert.Equal(PageSetup.Default, model.Letterhead.Page);

        var text = PdfText.Read(WorkBeritaAcaraTemplate.Render(model));

        var page = Assert.Single(text.Pages);
        Assert.NotNull(model.Reporter.Person.SignaturePng);
        Assert.NotNull(model.KnownBy?.ApprovedAtUtc);
        Assert.Contains("Demikian Berita Acara ini dibuat dengan sebenarnya", page, StringComparison.Ordinal);
        Assert.Contains("Mengetahui,", page, StringComparison.Ordinal);
        Assert.Contains("Halaman 1 dari 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public void NarrowTableColumnsWrapAtWordBoundaries()
    {
        var sample = DocumentSamples.WorkBeritaAcara();
        var model = sample with
        {
            Devices =
            [
                new WorkDeviceItem("Pengendali nirkabel terpusat", "Ubiquiti UniFi Cloud Gateway Ultra", DeviceWorkAction.Reconfigured,
                    "UCG2411098765", null, "Konfigurasi dikembalikan dari cadangan; pembaruan perangkat lunak"),
                new WorkDeviceItem("Switch 24 port", "TP-Link TL-SG1024D", DeviceWorkAction.Replaced, "2236154000123", "2311870004567",
                    "Perangkat lama diserahkan ke Data Center"),
            ],
        };
        var tokens = model.Devices
            .SelectMany(d => new[] { d.Name, d.BrandType, d.Action.Label(), d.OldSerialNumber, d.NewSerialNumber ?? "-", d.Remarks ?? "" })
            .Concat(["No", "Nama Perangkat", "Merek/Tipe", "Tindakan", "Nomor Seri Lama", "Nomor Seri Baru", "Keterangan", "1", "2"])
            .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

        using var document = PdfDocument.Open(WorkBeritaAcaraTemplate.Render(model));
        var words = document.GetPage(1).GetWords().ToList();
        // The table lies between its header ("Keterangan") and the paragraph after it ("Hasil pekerjaan:").
        var top = words.Single(w => w.Text == "Keterangan").BoundingBox.Top + 2;
        var bottom = words.First(w => w.Text == "Hasil").BoundingBox.Top + 1;
        var inTable = words.Where(w => w.BoundingBox.Bottom < top && w.BoundingBox.Bottom > bottom).ToList();

        Assert.True(inTable.Count > 20);
        Assert.All(inTable, w => Assert.True(tokens.Contains(w.Text), $"'{w.Text}' is not a whole word of the table"));
        Assert.Contains(inTable, w => w.Text == "UCG2411098765");
    }

    [Fact]
    public void EveryPartyHasTheSameSigningSpaceWhateverTheLengthOfTheJabatan()
    {
        var sample = DocumentSamples.WorkBeritaAcara();
        var longPosition = "Kepala Subbagian Umum, Kepegawaian dan Hubungan Masyarakat pada Sekretariat Dinas Pendidikan dan Kebudayaan";
        var model = sample with
        {
            Devices = [],
            Reporter = sample.Reporter with { Person = sample.Reporter.Person with { Position = longPosition, SignaturePng = null } },
        };

        using var document = PdfDocument.Open(WorkBeritaAcaraTemplate.Render(model));
        var page = document.GetPages().Last();
        var words = page.GetWords().ToList();
        double Baseline(string firstWord) => words.Last(w => w.Text == firstWord).Letters[0].StartBaseLine.Y;
        var technician = Baseline(model.Technician.Person.Name.Split(' ')[0]);
        var reporter = Baseline(model.Reporter.Person.Name.Split(' ')[0]);
        var kasi = Baseline(model.KnownBy!.Name.Split(' ')[0]);
        // The names of both parties stand on one baseline although one jabatan takes several lines more.
        Assert.Equal(technician, reporter, 1);

        // The three electronic approval frames are equally wide, and each name stands the same distance under its frame.
        var frames = page.Paths.Where(p => p.IsStroked && !p.IsFilled).Select(p => p.GetBoundingRectangle())
            .OfType<UglyToad.PdfPig.Core.PdfRectangle>().Where(r => r.Width > 100 && r.Height is > 10 and < 40)
            .OrderByDescending(r => r.Top).ThenBy(r => r.Left).ToList();
        Assert.Equal(3, frames.Count);
        Assert.All(frames, f => Assert.Equal(frames[0].Width, f.Width, 1));
        Assert.All(frames, f => Assert.Equal(frames[0].Height, f.Height, 1));
        var gaps = new[] { technician, reporter, kasi }.Zip(frames, (name, frame) => frame.Bottom - name).ToList();
        Assert.All(gaps, g => Assert.Equal(gaps[0], g, 1));
    }

    [Theory]
    [InlineData("Dinas Komunikasi dan Informatika")]
    [InlineData("Dinas Komunikasi, Informatika, Statistik dan Persandian")]
    public void TheAgencyNameIsTheMostProminentKopLine(string agency)
    {
        var model = DocumentSamples.WorkBeritaAcara() with { Letterhead = DocumentSamples.Letterhead with { AgencyName = agency } };

        using var document = PdfDocument.Open(WorkBeritaAcaraTemplate.Render(model));
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();
        var title = words.First(w => w.Text == "BERITA");
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Bottom > title.BoundingBox.Top).ToList();
        var government = words.First(w => w.Text == "PEMERINTAH");
        var agencyWord = words.First(w => w.Text == "DINAS");
        var agencySize = agencyWord.Letters[0].PointSize;

        // Largest and bold, under the government line (which is smaller).
        Assert.Equal(agencySize, letters.Max(l => l.PointSize), 1);
        Assert.True(government.Letters[0].PointSize < agencySize - 1, $"{government.Letters[0].PointSize} vs {agencySize}");
        Assert.Contains("Bold", agencyWord.Letters[0].FontName, StringComparison.OrdinalIgnoreCase);
        Assert.True(government.BoundingBox.Bottom > agencyWord.BoundingBox.Top);
        // The whole agency name on one line.
        Assert.All(agency.ToUpperInvariant().Split(' '), part =>
            Assert.Equal(agencyWord.BoundingBox.Bottom, words.First(w => w.Text == part).BoundingBox.Bottom, 1));
    }
}
