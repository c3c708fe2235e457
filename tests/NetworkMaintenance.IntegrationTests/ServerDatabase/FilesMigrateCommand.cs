using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Intake;
using UploadFile = NetworkMaintenance.IntegrationTests.Intake.UploadFile;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web;
using NetworkMaintenance.Web.Commands;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.ServerDatabase;

/// <summary>
/// <c>files migrate</c> (docs/operations.md, "Where files live") on a real SQLite database file with real attachment
/// files: the local folder's files move into the database store, from there into a shared folder, every file is
/// served by an app on the new store with the same bytes, nothing is lost, and a second run changes nothing.
/// </summary>
// The command is run on the SQLite file of the app's data folder; on PostgreSQL the files already live in the database.
[Trait("Database", "SqliteOnly")]
public sealed class FilesMigrateCommand : IDisposable
{
    private readonly string _sharedFolder = Path.Combine(Path.GetTempPath(), "nm-shared-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task MovesTheLocalFilesIntoTheDatabaseAndThenASharedFolderLosingNothingAndASecondRunIsHarmless()
    {
        using var live = new AppFactory();
        int reportId;
        var uploads = new[]
        {
            new UploadFile("file", "foto.png", IntakeHelpers.Png, "image/png"),
            new UploadFile("file", "surat.pdf", [.. IntakeHelpers.Pdf, .. "%satu "u8.ToArray(), .. Guid.NewGuid().ToByteArray()], "application/pdf"),
            new UploadFile("file", "berita.pdf", [.. IntakeHelpers.Pdf, .. "%dua "u8.ToArray(), .. Guid.NewGuid().ToByteArray()], "application/pdf"),
        };
        using (var driver = new WorkflowDriver(live))
        {
            reportId = await driver.SubmitAsync(description: "Lampiran untuk pemindahan berkas " + Guid.NewGuid().ToString("N")[..6]);
            var session = await driver.As("pelapor");
            foreach (var upload in uploads)
            {
                using var response = await session.PostMultipartAsync($"/laporan/{reportId}", $"/laporan/{reportId}/lampiran", [], upload);
                await HttpAssert.RedirectsToAsync(response, $"/laporan/{reportId}");
            }
        }
        var attachments = await live.QueryAsync(db => db.Attachments.AsNoTracking().Where(a => a.ReportId == reportId)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.StoredName, a.OriginalName }).ToListAsync());
        Assert.Equal(3, attachments.Count);
        var localFolder = Path.Combine(live.DataDirectory, "attachments");
        foreach (var a in attachments) Assert.True(File.Exists(Path.Combine(localFolder, a.StoredName)));
        Assert.Equal(0, await live.QueryAsync(db => db.StoredFiles.CountAsync()));

        // Local folder -> database.
        Assert.Equal(0, await RunAsync(live.DataDirectory, ["files", "migrate", "--to", "database"]));
        var stored = await live.QueryAsync(db => db.StoredFiles.AsNoTracking().ToDictionaryAsync(f => f.Name, f => f.Content));
        Assert.Equal(attachments.Select(a => a.StoredName).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        for (var i = 0; i < uploads.Length; i++) Assert.Equal(uploads[i].Bytes, stored[attachments[i].StoredName]);

        // A second run finds every file in place: nothing copied twice, nothing changed.
        Assert.Equal(0, await RunAsync(live.DataDirectory, ["files", "migrate", "--to", "database"]));
        Assert.Equal(3, await live.QueryAsync(db => db.StoredFiles.CountAsync()));

        // The local folder is gone (as on a new instance): an app on the database store serves every file from there.
        Directory.Delete(localFolder, recursive: true);
        using (var onDatabase = AppFactory.OnDirectory(live.DataDirectory).WithSetting("Files:Store", "Database"))
        {
            await AssertServedAsync(onDatabase, attachments.Select(a => a.Id).ToList(), uploads);
        }

        // Database -> a shared folder, twice.
        string[] toShared = ["files", "migrate", "--to", "folder", "--Files:Folder", _sharedFolder];
        Assert.Equal(0, await RunAsync(live.DataDirectory, toShared));
        Assert.Equal(0, await RunAsync(live.DataDirectory, toShared));
        Assert.Equal(attachments.Select(a => a.StoredName).Order(StringComparer.Ordinal),
            Directory.GetFiles(_sharedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        for (var i = 0; i < uploads.Length; i++)
        {
            Assert.Equal(uploads[i].Bytes, await File.ReadAllBytesAsync(Path.Combine(_sharedFolder, attachments[i].StoredName)));
        }
        using (var onShared = AppFactory.OnDirectory(live.DataDirectory)
            .WithSetting("Files:Store", "Folder").WithSetting("Files:Folder", _sharedFolder))
        {
            await AssertServedAsync(onShared, attachments.Select(a => a.Id).ToList(), uploads);
        }
    }

    [Fact]
    public async Task AFileFoundInNeitherStoreIsReportedWithAnErrorExitAndTheOthersAreStillCopied()
    {
        using var live = new AppFactory();
        using (var driver = new WorkflowDriver(live))
        {
            var reportId = await driver.SubmitAsync(description: "Lampiran hilang " + Guid.NewGuid().ToString("N")[..6]);
            var session = await driver.As("pelapor");
            foreach (var name in new[] { "a.png", "b.png" })
            {
                using var response = await session.PostMultipartAsync($"/laporan/{reportId}", $"/laporan/{reportId}/lampiran", [],
                    new UploadFile("file", name, IntakeHelpers.Png, "image/png"));
                await HttpAssert.RedirectsToAsync(response, $"/laporan/{reportId}");
            }
        }
        var names = await live.QueryAsync(db => db.Attachments.OrderBy(a => a.Id).Select(a => a.StoredName).ToListAsync());
        File.Delete(Path.Combine(live.DataDirectory, "attachments", names[0]));

        Assert.Equal(1, await RunAsync(live.DataDirectory, ["files", "migrate", "--to", "database"]));

        Assert.Equal([names[1]], await live.QueryAsync(db => db.StoredFiles.Select(f => f.Name).ToListAsync()));
    }

    private static async Task AssertServedAsync(AppFactory app, List<int> attachmentIds, UploadFile[] uploads)
    {
        using var kadis = await WebSession.SignedInAsync(app, "kadis");
        for (var i = 0; i < attachmentIds.Count; i++)
        {
            using var download = await kadis.GetAsync($"/lampiran/{attachmentIds[i]}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(uploads[i].Bytes, await download.Content.ReadAsByteArrayAsync());
        }
    }

    // The app's own command line on the data folder, as an operator runs it.
    private static async Task<int> RunAsync(string dataDirectory, string[] args)
    {
        await using var app = AppHost.Build([.. args, "--Database:Provider", "Sqlite", "--Database:DataDirectory", dataDirectory,
            "--ConnectionStrings:Sqlite", ""]);
        Assert.True(CommandLine.IsCommand(args));
        try
        {
            return await CommandLine.RunAsync(app, args);
        }
        finally
        {
            SqlitePools.ReleaseDataDirectory(dataDirectory);
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_sharedFolder)) Directory.Delete(_sharedFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
