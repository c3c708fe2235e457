using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace NetworkMaintenance.IntegrationTests.Devices;

/// <summary>The QR label sheet: rendered to an image with poppler's pdftoppm and decoded with ZXing (issue #19 point 5).</summary>
public sealed class DeviceLabelTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheLabelsQrCodeOpensTheDevicePageForStaffAndThePrefilledReportFormForTheOpdsStaff()
    {
        using var kasi = await WebSession.SignedInAsync(factory, "kasi");
        using var created = await kasi.PostFormAsync("/perangkat/baru", new Form()
            .Set("OpdId", (await factory.OpdIdAsync("BKD")).ToString(CultureInfo.InvariantCulture)).Set("Building", "Gedung Utama")
            .Set("Kind", "Router").Set("BrandType", "MikroTik RB4011").Set("SerialNumber", "LABEL-QR-1").Set("Status", "InService"));
        var target = await HttpAssert.RedirectsToAsync(created, "/perangkat/");
        var id = int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);

        using var pdf = await kasi.GetAsync($"/perangkat/label?id={id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var text = PdfReader.Text(bytes);
        Assert.Contains("LABEL-QR-1", text, StringComparison.Ordinal);

        var decoded = DecodeQr(bytes);
        var scan = new Uri(decoded);
        Assert.Equal($"/perangkat/{id}/pindai", scan.AbsolutePath);

        using var pelapor = await WebSession.SignedInAsync(factory, "pelapor");
        using (var opdStaff = await pelapor.GetAsync(scan.PathAndQuery))
        {
            await HttpAssert.RedirectsToAsync(opdStaff, $"/laporan/baru?perangkat={id}");
        }
        using var teknisi = await WebSession.SignedInAsync(factory, "teknisi");
        using (var staff = await teknisi.GetAsync(scan.PathAndQuery))
        {
            await HttpAssert.RedirectsToAsync(staff, $"/perangkat/{id}");
        }
    }

    /// <summary>Renders the first page at 200 dpi in grey (PGM) with pdftoppm and decodes the QR code on it.</summary>
    private static string DecodeQr(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("nm-label-");
        try
        {
            var input = Path.Combine(dir.FullName, "label.pdf");
            File.WriteAllBytes(input, pdf);
            using (var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "200", "-gray", "-f", "1", "-l", "1", "-singlefile", input, Path.Combine(dir.FullName, "page")])
                   { RedirectStandardError = true })!)
            {
                process.WaitForExit(60_000);
                Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            }
            var (pixels, width, height) = ReadPgm(File.ReadAllBytes(Path.Combine(dir.FullName, "page.pgm")));
            var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
            var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
            Assert.NotNull(result);
            return result.Text;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A binary PGM (P5, 8-bit): header "P5 width height 255" then one byte per pixel.</summary>
    private static (byte[] Pixels, int Width, int Height) ReadPgm(byte[] file)
    {
        var fields = new List<string>();
        var pos = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)file[pos])) pos++;
            var start = pos;
            while (!char.IsWhiteSpace((char)file[pos])) pos++;
            fields.Add(Encoding.ASCII.GetString(file, start, pos - start));
        }
        pos++;
        Assert.Equal("P5", fields[0]);
        var width = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], CultureInfo.InvariantCulture);
        return (file[pos..(pos + (width * height))], width, height);
    }
}
