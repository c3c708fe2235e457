using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>The administrator's kop surat and numbering page, and what it changes in the next issued document.</summary>
public sealed class DocumentSettingsPage(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private const string Page = "/admin/dokumen";
    private readonly WorkflowDriver _w = new(factory);

    private static readonly byte[] Png = DocumentSamples.Letterhead.Logo!.Value.ToArray();

    [Fact]
    public async Task OnlyTheAdministratorOpensThePage()
    {
        using var anonymous = WebSession.Create(factory);
        using var stranger = await anonymous.GetAsync(Page);
        await HttpAssert.RedirectsToAsync(stranger, "/masuk");

        using var kasi = await (await _w.As("kasi")).GetAsync(Page);
        await HttpAssert.RedirectsToAsync(kasi, "/akses-ditolak");

        var admin = await _w.As("admin");
        var html = await admin.GetPageAsync(Page);
        Assert.Equal("000.8.3.3/{seq}/BA-PK/Diskominfo/{year}", WebPageHelpers.InputValue(html, "WorkBaPattern"));
        Assert.Equal("PEMERINTAH KOTA TEBING TINGGI", WebPageHelpers.InputValue(html, "Government"));
        Assert.Contains("Kop Surat &amp; Penomoran", await admin.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ReplacementRequestBaPattern", "000.8.3.3/Diskominfo/{year}", "harus memuat {seq}")]
    [InlineData("WorkBaPattern", "000.8.3.3/{seq}/BA-PK/Diskominfo", "harus memuat {year}")]
    [InlineData("WorkReportPattern", "LHP/{seq}/{tahun}/{year}", "Kode {tahun} tidak dikenal")]
    [InlineData("ReplacementRequestBaPattern", "BA/{seq}/{year}/<b>", "hanya boleh memuat huruf")]
    public async Task AnInvalidPatternIsRefusedInIndonesian(string field, string pattern, string message)
    {
        var admin = await _w.As("admin");
        using var response = await admin.SubmitMultipartAsync(Page, Page, Fields(await admin.GetPageAsync(Page), (field, pattern)));

        var html = await HttpAssert.OkPageAsync(response);
        Assert.Contains(message, WebPageHelpers.Text(html), StringComparison.Ordinal);
        Assert.Equal(pattern, WebPageHelpers.InputValue(html, field));
        var stored = await factory.QueryAsync(db => db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync());
        Assert.NotEqual(pattern, stored?.NumberPattern(Enum.Parse<DocumentType>(field.Replace("Pattern", "", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task ALogoIsRecognisedByItsContentAndSize()
    {
        var admin = await _w.As("admin");
        var fields = Fields(await admin.GetPageAsync(Page));

        using var text = await admin.SubmitMultipartAsync(Page, Page, fields,
            new UploadFile("Logo", "lambang.png", "image/png", "bukan gambar"u8.ToArray()));
        Assert.Contains("Logo harus berupa gambar PNG atau JPEG.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(text)), StringComparison.Ordinal);

        var big = new byte[(1024 * 1024) + 1];
        Png.CopyTo(big, 0);
        using var tooBig = await admin.SubmitMultipartAsync(Page, Page, fields, new UploadFile("Logo", "lambang.png", "image/png", big));
        Assert.Contains("Ukuran berkas logo paling besar 1 MB.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(tooBig)), StringComparison.Ordinal);

        // The right first bytes but no image after them: refused before it could break every document.
        var broken = new byte[2048];
        Png.AsSpan(0, 8).CopyTo(broken);
        using var corrupt = await admin.SubmitMultipartAsync(Page, Page, fields, new UploadFile("Logo", "lambang.png", "image/png", broken));
        Assert.Contains("Gambar logo tidak dapat dibaca", WebPageHelpers.Text(await HttpAssert.OkPageAsync(corrupt)), StringComparison.Ordinal);

        // A small PNG that declares 9000×9000 pixels: refused from its header, before anything decodes it (issue #15).
        var bomb = Png.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(16), 9000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(20), 9000);
        using var tooManyPixels = await admin.SubmitMultipartAsync(Page, Page, fields, new UploadFile("Logo", "lambang.png", "image/png", bomb));
        Assert.Contains("Logo terlalu besar: paling besar 4096 × 4096 piksel.", WebPageHelpers.Text(await HttpAssert.OkPageAsync(tooManyPixels)),
            StringComparison.Ordinal);

        var stored = await factory.QueryAsync(db => db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync());
        Assert.True(stored?.Logo is null || stored.Logo.SequenceEqual(Png));
    }

    [Fact]
    public async Task SavedSettingsShapeTheNextIssuedDocument()
    {
        var admin = await _w.As("admin");
        using var saved = await admin.SubmitMultipartAsync(Page, Page, Fields(await admin.GetPageAsync(Page),
                ("AgencyName", "Dinas Komunikasi, Informatika dan Persandian"),
                ("Address", "Jl. Sutomo No. 1, Kota Tebing Tinggi"),
                ("City", "Kota Tebing Tinggi"),
                ("WorkBaPattern", "BAPK/{seq}/{roman}/{year}")),
            new UploadFile("Logo", "lambang.png", "image/png", Png));
        await HttpAssert.RedirectsToAsync(saved, Page);

        using var logo = await admin.GetAsync(Page + "/logo");
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        using var preview = await admin.GetAsync(Page + "/pratinjau");
        Assert.Contains("DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN", PdfReader.Text(await preview.Content.ReadAsByteArrayAsync()),
            StringComparison.Ordinal);

        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        var sheet = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .SingleAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa));
        // The month and year of the number are those of the issue (not of the test's clock, which may have passed midnight).
        var today = Core.Formatting.Wib.FromUtc(sheet.IssuedAtUtc);
        string[] roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"BAPK/1/{roman[today.Month - 1]}/{today.Year}"), sheet.Number);
        var text = await (await _w.As("kasi")).TextOfAsync(id, sheet);
        Assert.Contains("DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN", text, StringComparison.Ordinal);
        Assert.Contains("Jl. Sutomo No. 1, Kota Tebing Tinggi", text, StringComparison.Ordinal);

        // Removing the logo keeps the rest.
        using var removed = await admin.SubmitMultipartAsync(Page, Page, Fields(await admin.GetPageAsync(Page), ("RemoveLogo", "true")));
        await HttpAssert.RedirectsToAsync(removed, Page);
        using var noLogo = await admin.GetAsync(Page + "/logo");
        Assert.Equal(HttpStatusCode.NotFound, noLogo.StatusCode);
        Assert.Equal("BAPK/{seq}/{roman}/{year}", WebPageHelpers.InputValue(await admin.GetPageAsync(Page), "WorkBaPattern"));
    }

    [Fact]
    public async Task ThePreviewShowsTheUnsavedPaperFontAndPageNumbersWithoutSavingThem()
    {
        var admin = await _w.As("admin");
        var html = await admin.GetPageAsync(Page);
        Assert.Equal(["A4"], WebPageHelpers.SelectedValues(html, "Paper"));
        Assert.Equal(["PageOfTotal"], WebPageHelpers.SelectedValues(html, "PageNumbers"));
        var before = await factory.QueryAsync(db => db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync());

        var fields = Fields(html, ("Paper", "F4"), ("Font", "LiberationSans"), ("PageNumbers", "DashedFromPageTwo"), ("MarginLeftMm", "30"));
        using var response = await admin.PostMultipartWithTokenAsync(Page + "/pratinjau", fields,
            WebPageHelpers.GetRequestVerificationToken(html, Page));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var page = document.GetPage(1);
            Assert.Equal(215, page.Width / 72 * 25.4, precision: 1);
            Assert.Equal(330, page.Height / 72 * 25.4, precision: 1);
            Assert.All(page.Letters, l => Assert.Contains("Liberation Sans", l.FontName, StringComparison.Ordinal));
            Assert.True(page.GetWords().Min(w => w.BoundingBox.Left) >= (30 / 25.4 * 72) - 1);
        }
        Assert.DoesNotContain("Halaman 1 dari", PdfReader.Text(pdf), StringComparison.Ordinal);

        // Nothing was saved: the page and the stored row still say A4.
        var after = await factory.QueryAsync(db => db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync());
        Assert.Equal(before?.UpdatedAtUtc, after?.UpdatedAtUtc);
        Assert.Equal(["A4"], WebPageHelpers.SelectedValues(await admin.GetPageAsync(Page), "Paper"));
    }

    [Theory]
    [InlineData("MarginLeftMm", "5", "Margin kiri harus antara 10 dan 50 mm.")]
    [InlineData("MarginBottomMm", "51", "Margin bawah harus antara 10 dan 50 mm.")]
    [InlineData("MarginTopMm", "", "Margin atas wajib diisi (dalam milimeter).")]
    [InlineData("Paper", "Letter", "Pilih ukuran kertas A4 atau F4.")]
    [InlineData("BodySizePt", "14", "Ukuran huruf harus antara 10 dan 12 pt.")]
    public async Task AnInvalidPageSettingIsRefusedInIndonesianBySaveAndPreview(string field, string value, string message)
    {
        var admin = await _w.As("admin");
        var html = await admin.GetPageAsync(Page);
        var fields = Fields(html, (field, value));

        using var saved = await admin.SubmitMultipartAsync(Page, Page, fields);
        Assert.Contains(message, WebPageHelpers.Text(await HttpAssert.OkPageAsync(saved)), StringComparison.Ordinal);
        using var preview = await admin.PostMultipartWithTokenAsync(Page + "/pratinjau", fields,
            WebPageHelpers.GetRequestVerificationToken(html, Page));
        Assert.Contains(message, WebPageHelpers.Text(await HttpAssert.OkPageAsync(preview)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedF4PaperAndDashedPageNumbersShapeTheNextIssuedDocument()
    {
        var admin = await _w.As("admin");
        using var saved = await admin.SubmitMultipartAsync(Page, Page, Fields(await admin.GetPageAsync(Page),
            ("Paper", "F4"), ("Font", "LiberationSans"), ("PageNumbers", "DashedFromPageTwo")),
            new UploadFile("Logo", "lambang.png", "image/png", Png));
        await HttpAssert.RedirectsToAsync(saved, Page);
        var html = await admin.GetPageAsync(Page);
        Assert.Equal(["F4"], WebPageHelpers.SelectedValues(html, "Paper"));
        Assert.Equal(["LiberationSans"], WebPageHelpers.SelectedValues(html, "Font"));

        try
        {
            var id = await _w.SubmitAsync();
            await _w.ToDiagnosingAsync(id);
            await _w.DiagnoseAsync(id, inDataCenter: true);
            await _w.CompleteRepairAsync(id);
            var ba = await factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
                .SingleAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa));
            var text = await (await _w.As("kasi")).TextOfAsync(id, ba);
            Assert.DoesNotContain("Halaman 1 dari", text, StringComparison.Ordinal);
            using var document = UglyToad.PdfPig.PdfDocument.Open(ba.Pdf);
            Assert.All(document.GetPages(), page =>
            {
                Assert.Equal(215, page.Width / 72 * 25.4, precision: 1);
                Assert.Equal(330, page.Height / 72 * 25.4, precision: 1);
                Assert.All(page.Letters, l => Assert.Contains("Liberation Sans", l.FontName, StringComparison.Ordinal));
            });
        }
        finally
        {
            // Back to the defaults for the other tests of this class.
            using var reset = await admin.SubmitMultipartAsync(Page, Page, Fields(await admin.GetPageAsync(Page),
                ("Paper", "A4"), ("Font", "DejaVuSans"), ("PageNumbers", "PageOfTotal")));
            await HttpAssert.RedirectsToAsync(reset, Page);
        }
    }

    /// <summary>The form's current values with <paramref name="changes"/> applied.</summary>
    private static List<KeyValuePair<string, string>> Fields(string html, params (string Name, string Value)[] changes)
    {
        string[] names = ["Government", "AgencyName", "Address", "Phone", "Email", "Website", "City",
            "ReplacementRequestBaPattern", "WorkBaPattern", "WorkReportPattern",
            "MarginLeftMm", "MarginTopMm", "MarginRightMm", "MarginBottomMm", "BodySizePt"];
        var fields = names.ToDictionary(n => n, n => WebPageHelpers.InputValue(html, n) ?? "");
        foreach (var select in (string[])["Paper", "Font", "PageNumbers"])
        {
            fields[select] = WebPageHelpers.SelectedValues(html, select).Single();
        }
        foreach (var (name, value) in changes) fields[name] = value;
        return [.. fields];
    }

    public void Dispose() => _w.Dispose();
}
