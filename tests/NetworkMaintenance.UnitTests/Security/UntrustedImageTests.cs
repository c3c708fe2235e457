using System.Buffers.Binary;
using System.IO.Compression;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Domain.Documents;

namespace NetworkMaintenance.UnitTests.Security;

/// <summary>
/// Issue #15 finding 8: an image from outside is judged by its header and its compressed data before anything decodes
/// it — a small PNG declaring 9000×9000 pixels is refused, and so is a PNG whose pixel data cannot be inflated.
/// </summary>
public class UntrustedImageTests
{
    [Fact]
    public void ASignatureDrawnOnAPhoneIsAccepted()
    {
        var png = SampleImages.Signature(3);
        Assert.Equal(ImageCheck.Ok, UntrustedImage.Check(png));
        Assert.NotNull(UntrustedImage.Dimensions(png));
    }

    [Fact]
    public void APngBuiltHereWithItsRowsIsAcceptedAndItsSizeRead()
    {
        var png = Png(300, 120, Rows(300, 120));
        Assert.Equal(ImageCheck.Ok, UntrustedImage.Check(png));
        Assert.Equal((300, 120), UntrustedImage.Dimensions(png));
    }

    [Fact]
    public void ASmallPngDeclaring9000By9000PixelsIsTooLarge()
    {
        // A few hundred bytes that promise 81 million pixels: refused from the header, nothing inflated.
        var bomb = Png(9000, 9000, Rows(10, 10));
        Assert.True(bomb.Length < 1000);
        Assert.Equal(ImageCheck.TooLarge, UntrustedImage.Check(bomb));
    }

    [Theory]
    [InlineData(UntrustedImage.MaxSide + 1, 10)]
    [InlineData(10, UntrustedImage.MaxSide + 1)]
    [InlineData(2100, 2000)] // 4.2 million pixels, each side within the limit
    public void EachLimitOnTheDeclaredSizeHolds(int width, int height) =>
        Assert.Equal(ImageCheck.TooLarge, UntrustedImage.Check(Png(width, height, Rows(1, 1))));

    [Fact]
    public void PixelDataThatIsNotZlibIsUnreadable()
    {
        var garbage = Enumerable.Range(0, 200).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(ImageCheck.Unreadable, UntrustedImage.Check(Png(100, 50, garbage, compress: false)));
    }

    [Fact]
    public void PixelDataShorterThanTheHeaderPromisesIsUnreadable() =>
        Assert.Equal(ImageCheck.Unreadable, UntrustedImage.Check(Png(300, 120, Rows(300, 60))));

    [Fact]
    public void APngWithoutItsEndIsUnreadable()
    {
        var png = Png(300, 120, Rows(300, 120));
        Assert.Equal(ImageCheck.Unreadable, UntrustedImage.Check(png.AsSpan(0, png.Length - 12)));
    }

    [Fact]
    public void AJpegIsJudgedByItsStartOfFrame()
    {
        Assert.Equal(ImageCheck.Ok, UntrustedImage.Check(Jpeg(640, 480)));
        Assert.Equal((640, 480), UntrustedImage.Dimensions(Jpeg(640, 480)));
        Assert.Equal(ImageCheck.TooLarge, UntrustedImage.Check(Jpeg(60000, 60000)));
    }

    [Fact]
    public void AnythingElseIsUnreadable()
    {
        Assert.Equal(ImageCheck.Unreadable, UntrustedImage.Check("%PDF-1.7"u8));
        Assert.Equal(ImageCheck.Unreadable, UntrustedImage.Check([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    }

    /// <summary>Filtered scanlines of an 8-bit RGBA image: a filter byte then four bytes per pixel.</summary>
    private static byte[] Rows(int width, int height) => new byte[height * (1 + (width * 4))];

    private static byte[] Png(int width, int height, byte[] data, bool compress = true)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        Chunk(png, "IHDR", ihdr);
        byte[] idat = data;
        if (compress)
        {
            using var packed = new MemoryStream();
            using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(data);
            idat = packed.ToArray();
        }
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        png.Write(System.Text.Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]); // the CRC is not what is judged here
    }

    /// <summary>SOI, an APP0 segment, then SOF0 with the size.</summary>
    private static byte[] Jpeg(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        var sof = new byte[] { 0xFF, 0xC0, 0x00, 0x11, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 };
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(7), (ushort)width);
        return [0xFF, 0xD8, .. app0, .. sof, 0xFF, 0xD9];
    }
}
