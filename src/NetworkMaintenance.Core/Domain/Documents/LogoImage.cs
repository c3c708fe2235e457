namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>Recognises the letterhead logo by its first bytes (never by the file name or the declared type).</summary>
public static class LogoImage
{
    public const int MaxBytes = 1024 * 1024;
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>"image/png" or "image/jpeg" from the magic bytes; null for anything else.</summary>
    public static string? ContentType(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature)) return Png;
        if (bytes.StartsWith(JpegSignature)) return Jpeg;
        return null;
    }
}
