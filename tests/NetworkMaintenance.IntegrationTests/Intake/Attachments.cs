using System.Net;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Intake;

/// <summary>Attachments: only real JPEG/PNG/PDF, within the size limit, stored safely, served only to the report's audience.</summary>
public sealed class Attachments(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<(WorkflowDriver Driver, int ReportId)> ReportAsync()
    {
        var driver = new WorkflowDriver(factory);
        return (driver, await driver.SubmitAsync(description: "Internet mati, foto terlampir " + Guid.NewGuid().ToString("N")[..6]));
    }

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, int id, UploadFile file) =>
        await session.PostMultipartAsync($"/laporan/{id}", $"/laporan/{id}/lampiran", [], file);

    private Task<int> CountAsync(int reportId) => factory.QueryAsync(db => db.Attachments.CountAsync(a => a.ReportId == reportId));

    [Fact]
    public async Task ARenamedExecutableIsRefused()
    {
        var (driver, id) = await ReportAsync();
        using var _ = driver;
        var session = await driver.As("pelapor");
        using var response = await UploadAsync(session, id, new UploadFile("file", "foto.jpg", IntakeHelpers.Exe, "image/jpeg"));
        await HttpAssert.RedirectsToAsync(response, $"/laporan/{id}");
        Assert.Contains("harus berupa gambar JPEG, PNG atau dokumen PDF", WebPageHelpers.Text(await session.GetPageAsync($"/laporan/{id}")));
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task AnOversizedFileIsRefused()
    {
        var (driver, id) = await ReportAsync();
        using var _ = driver;
        var session = await driver.As("pelapor");
        var big = new byte[10 * 1024 * 1024 + 1];
        IntakeHelpers.Png.CopyTo(big, 0);
        using var response = await UploadAsync(session, id, new UploadFile("file", "besar.png", big, "image/png"));
        await HttpAssert.RedirectsToAsync(response, $"/laporan/{id}");
        Assert.Contains("melebihi batas 10 MB", WebPageHelpers.Text(await session.GetPageAsync($"/laporan/{id}")));
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task APathTraversalNameIsStoredSafelyAndServedWithASanitisedName()
    {
        var (driver, id) = await ReportAsync();
        using var _ = driver;
        var session = await driver.As("pelapor");
        using var response = await UploadAsync(session, id, new UploadFile("file", "../../x.png", IntakeHelpers.Png, "image/png"));
        await HttpAssert.RedirectsToAsync(response, $"/laporan/{id}");

        var attachment = await factory.QueryAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.ReportId == id));
        Assert.Equal("x.png", attachment.OriginalName);
        Assert.Matches("^[0-9a-f]{32}\\.png$", attachment.StoredName);
        // In the file store: the attachments folder on SQLite, the database on a server database (docs/operations.md).
        if (AppFactory.PostgresServer is null)
        {
            Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "attachments", attachment.StoredName)));
        }
        else
        {
            Assert.True(await factory.QueryAsync(db => db.StoredFiles.AnyAsync(f => f.Name == attachment.StoredName)));
        }
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "..", "..", "x.png")));

        using var download = await session.GetAsync($"/lampiran/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("x.png", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        // The download keeps its own sandbox policy; the app-wide security headers do not replace it.
        Assert.Equal("default-src 'none'; sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(IntakeHelpers.Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AFileIsServedToNobodyOutsideTheReportsAudience()
    {
        var (driver, id) = await ReportAsync();
        using var _ = driver;
        using (var upload = await UploadAsync(await driver.As("pelapor"), id, new UploadFile("file", "bukti.pdf", IntakeHelpers.Pdf, "application/pdf")))
        {
            await HttpAssert.RedirectsToAsync(upload, $"/laporan/{id}");
        }
        var attachmentId = await factory.QueryAsync(db => db.Attachments.Where(a => a.ReportId == id).Select(a => a.Id).SingleAsync());

        using (var other = await (await driver.As("pelapor.dinkes")).GetAsync($"/lampiran/{attachmentId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
        using var anonymous = WebSession.Create(factory);
        using (var response = await anonymous.GetAsync($"/lampiran/{attachmentId}"))
        {
            await HttpAssert.RedirectsToAsync(response, "/masuk");
        }
        using (var staff = await (await driver.As("kadis")).GetAsync($"/lampiran/{attachmentId}"))
        {
            Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        }

        // Nor can another OPD's reporter add files to the report.
        var otherSession = await driver.As("pelapor.dinkes");
        using (var upload = await otherSession.PostMultipartAsync("/laporan/baru", "/laporan/baru", $"/laporan/{id}/lampiran", [],
            new UploadFile("file", "x.png", IntakeHelpers.Png, "image/png")))
        {
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }
        Assert.Equal(1, await CountAsync(id));
    }
}
