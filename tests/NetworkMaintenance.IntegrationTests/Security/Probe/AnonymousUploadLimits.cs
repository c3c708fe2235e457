using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 1: one client address stored 100 MB of complaint attachments in seconds. Anonymous attachments get a small
/// size limit, a daily quota per address and for everyone, and a free-space floor; a refused upload stores nothing
/// and says why in Indonesian. (Small limits here, so that a few kilobytes show each rule.)
/// </summary>
public sealed class AnonymousUploadLimits : IDisposable
{
    private readonly FakeDisk _disk = new();
    private readonly AppFactory _factory;

    public AnonymousUploadLimits()
    {
        _factory = new AppFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["RateLimiting:PublicPermitLimit"] = "1000",
                ["Uploads:AnonymousMaxBytes"] = "4000",
                ["Uploads:AnonymousDailyBytesPerIp"] = "7000",
                ["Uploads:AnonymousDailyBytesTotal"] = "11000",
                ["Uploads:MinFreeBytes"] = "1000000",
                // The in-memory server has no client address; with a proxy named, X-Forwarded-For gives it.
                ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            },
            TestServices = services => services.AddSingleton<IDiskSpace>(_disk),
        };
    }

    private static byte[] Png(int size) => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[size - 8]];

    private async Task<HttpResponseMessage> ComplainAsync(string clientIp, int size)
    {
        var session = WebSession.Create(_factory);
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", clientIp);
        var token = WebPageHelpers.InputValue(await session.GetPageAsync("/pengaduan"), "FormToken")!;
        return await session.SubmitMultipartAsync("/pengaduan", "/pengaduan", new Form()
            .Set("Name", "Ahmad Yani").Set("Phone", "0813 7000 1122").Set("Channel", nameof(ReportChannel.Web))
            .Set("Text", "Teknisi belum datang ke lokasi kami.").Set("FormToken", token),
            new UploadFile("Attachment", "bukti.png", "image/png", Png(size)));
    }

    private async Task<string> RefusedAsync(string clientIp, int size)
    {
        using var response = await ComplainAsync(clientIp, size);
        return WebPageHelpers.Text(await HttpAssert.OkPageAsync(response));
    }

    [Fact]
    public async Task EachLimitRefusesWithAnIndonesianMessageAndStoresNothing()
    {
        // Too big for an anonymous attachment (the signed-in limit is 10 MB).
        Assert.Contains("Ukuran lampiran pengaduan melebihi batas", await RefusedAsync("203.0.113.1", 5000));

        // Per address: 3 KB + 3 KB pass, the third 3 KB would pass 7 KB in 24 hours.
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await ComplainAsync("203.0.113.1", 3000);
            await HttpAssert.RedirectsToAsync(accepted, "/pengaduan/terkirim");
        }
        Assert.Contains("Batas unggahan lampiran dari alamat Anda untuk hari ini sudah tercapai", await RefusedAsync("203.0.113.1", 3000));

        // Everyone together: 6 KB stored; another address adds 3 KB, the next 3 KB would pass 11 KB.
        using (var accepted = await ComplainAsync("203.0.113.2", 3000))
        {
            await HttpAssert.RedirectsToAsync(accepted, "/pengaduan/terkirim");
        }
        Assert.Contains("Batas unggahan lampiran pengaduan untuk hari ini sudah tercapai", await RefusedAsync("203.0.113.3", 3000));

        // The free-space floor.
        _disk.Available = 1_000_500;
        Assert.Contains("Ruang penyimpanan server hampir penuh", await RefusedAsync("203.0.113.4", 1000));

        Assert.Equal(3, await _factory.QueryAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(3, await _factory.QueryAsync(db => db.Complaints.CountAsync()));
        // In the file store: the attachments folder on SQLite, the database on a server database.
        Assert.Equal(3, AppFactory.PostgresServer is null
            ? Directory.GetFiles(Path.Combine(_factory.DataDirectory, "attachments")).Length
            : await _factory.QueryAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(["203.0.113.1", "203.0.113.1", "203.0.113.2"],
            await _factory.QueryAsync(db => db.Attachments.OrderBy(a => a.Id).Select(a => a.UploaderIp!).ToListAsync()));
    }

    public void Dispose() => _factory.Dispose();

    private sealed class FakeDisk : IDiskSpace
    {
        public long Available { get; set; } = 50L * 1024 * 1024 * 1024;

        public long AvailableBytes(string directory) => Available;
    }
}
