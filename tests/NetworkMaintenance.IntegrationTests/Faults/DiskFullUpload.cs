using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Intake;
using IntakeUpload = NetworkMaintenance.IntegrationTests.Intake.UploadFile;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Faults;

/// <summary>
/// Issue #15 finding 9: the disk fills while an attachment is written (production pipeline). The upload answers the
/// friendly 503 page with Retry-After instead of a 500, no partial file stays in the attachments folder, no attachment
/// record is saved, and once there is space again the same upload works. The fault is injected where the bytes are
/// written: the real folder store copies an upload whose stream fails with ENOSPC after its first kilobyte.
/// </summary>
public sealed class DiskFullUpload : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nm-diskfull-" + Guid.NewGuid().ToString("N"));
    private readonly FullDisk _disk = new();
    private readonly AppFactory _app;

    public DiskFullUpload()
    {
        _app = new AppFactory
        {
            EnvironmentName = "Staging",
            Settings = new Dictionary<string, string>
            {
                ["Security:RequireHttps"] = "false",
                ["Files:Store"] = "Folder",
                ["Files:Folder"] = _folder,
            },
            TestServices = s => s.AddSingleton<IFileStore>(new FillingStore(new FolderFileStore(_folder), _disk)),
        };
    }

    [Fact]
    public async Task AnUploadOnAFullDiskAnswers503LeavesNoPartialFileAndWorksOnceThereIsSpace()
    {
        using var driver = new WorkflowDriver(_app);
        var id = await driver.SubmitAsync();
        var pelapor = await driver.As("pelapor");
        var photo = new byte[8 * 1024];
        IntakeHelpers.Png.CopyTo(photo, 0);

        _disk.IsFull = true;
        using (var refused = await pelapor.PostMultipartAsync($"/laporan/{id}", $"/laporan/{id}/lampiran", [],
            new IntakeUpload("file", "foto.png", photo, "image/png")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("30", refused.Headers.RetryAfter?.ToString());
            Assert.Contains("Layanan sementara tidak tersedia", WebPageHelpers.Text(await refused.Content.ReadAsStringAsync()),
                StringComparison.Ordinal);
        }
        Assert.Empty(Directory.Exists(_folder) ? Directory.GetFiles(_folder) : []);
        Assert.Equal(0, await _app.QueryAsync(db => db.Attachments.CountAsync(a => a.ReportId == id)));

        _disk.IsFull = false;
        using (var accepted = await pelapor.PostMultipartAsync($"/laporan/{id}", $"/laporan/{id}/lampiran", [],
            new IntakeUpload("file", "foto.png", photo, "image/png")))
        {
            await HttpAssert.RedirectsToAsync(accepted, $"/laporan/{id}");
        }
        var stored = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(photo.Length, new FileInfo(stored).Length);
        Assert.Equal(1, await _app.QueryAsync(db => db.Attachments.CountAsync(a => a.ReportId == id)));
    }

    public void Dispose()
    {
        _app.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private sealed class FullDisk
    {
        public volatile bool IsFull;
    }

    /// <summary>The real folder store, fed a stream that fails as a full disk does once 1 KB has been written.</summary>
    private sealed class FillingStore(FolderFileStore inner, FullDisk disk) : IFileStore
    {
        public FileStoreKind Kind => inner.Kind;

        public Task SaveAsync(string name, Stream content, CancellationToken ct = default) =>
            inner.SaveAsync(name, disk.IsFull ? new FillingStream(content) : content, ct);

        public Task<Stream?> OpenReadAsync(string name, CancellationToken ct = default) => inner.OpenReadAsync(name, ct);

        public Task CheckWritableAsync(CancellationToken ct = default) => inner.CheckWritableAsync(ct);
    }

    private sealed class FillingStream(Stream inner) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            // ENOSPC, as .NET reports it on Linux.
            if (_read >= 1024) throw new IOException("No space left on device", 28);
            var n = inner.Read(buffer, offset, (int)Math.Min(count, 1024 - _read));
            _read += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= 1024) throw new IOException("No space left on device", 28);
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, 1024 - _read)], cancellationToken);
            _read += n;
            return n;
        }
    }
}
