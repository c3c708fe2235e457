using System.Buffers.Binary;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Findings 7 and 8 over HTTP: an on-site signature PNG that declares 9000×9000 pixels, or whose pixel data cannot be
/// decoded, is refused on the step form with an Indonesian message (no 500, nothing recorded); a real one is accepted.
/// </summary>
public sealed class SignatureImageBomb(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task ABombOrAnUndecodableSignatureIsRefusedOnTheFormAndARealOneIsAccepted()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);

        var bomb = Png(9000, 9000, idat: [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Assert.Contains("Gambar tanda tangan terlalu besar", await RefusedAsync(id, bomb), StringComparison.Ordinal);

        var garbage = Png(300, 100, idat: Enumerable.Range(0, 300).Select(i => (byte)(i * 13)).ToArray());
        Assert.Contains("Tanda tangan tidak terbaca", await RefusedAsync(id, garbage), StringComparison.Ordinal);

        Assert.Equal(ReportStatus.AwaitingAcknowledgement, await _w.StatusAsync(id));
        await _w.StepOkAsync("teknisi", id, WorkflowAction.AcknowledgeOnSite, ReportStatus.KasiReview,
            ("SignerName", "Rina Marlina"), ("SignatureDataUrl", DataUrl(SampleImages.Signature(5))));
    }

    private async Task<string> RefusedAsync(int id, byte[] png)
    {
        using var response = await _w.StepAsync("teknisi", id, WorkflowAction.AcknowledgeOnSite,
            ("SignerName", "Rina Marlina"), ("SignatureDataUrl", DataUrl(png)));
        return WebPageHelpers.Text(await HttpAssert.OkPageAsync(response));
    }

    public void Dispose() => _w.Dispose();

    private static string DataUrl(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static byte[] Png(int width, int height, byte[] idat)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        png.Write(System.Text.Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]);
    }
}
