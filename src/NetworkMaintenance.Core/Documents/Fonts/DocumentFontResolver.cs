using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace NetworkMaintenance.Core.Documents.Fonts;

/// <summary>
/// Serves the DejaVu Sans and Liberation Sans faces embedded in this assembly to PDFsharp, whose Core build finds no
/// system fonts on Linux. "Liberation Sans" resolves to Liberation Sans (metric-compatible with Arial); every other
/// family name resolves to DejaVu Sans so a typo never breaks a document. Bold-italic is the bold face with simulated
/// slant (the bold-italic faces are not shipped, to keep the assembly small). Licences: LICENSE-DejaVu.txt and
/// LICENSE-LiberationSans.txt (SIL Open Font License 1.1) next to the fonts.
/// Register through <see cref="Register"/>, which is idempotent and thread-safe.
/// </summary>
public sealed class DocumentFontResolver : IFontResolver
{
    /// <summary>The family name documents ask for.</summary>
    public const string FamilyName = "DejaVu Sans";

    /// <summary>The Arial-compatible family.</summary>
    public const string LiberationFamilyName = "Liberation Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private const string ObliqueFace = "DejaVuSans-Oblique";
    private const string LiberationRegularFace = "LiberationSans-Regular";
    private const string LiberationBoldFace = "LiberationSans-Bold";
    private const string LiberationItalicFace = "LiberationSans-Italic";

    private static readonly DocumentFontResolver Instance = new();
    private static readonly Lock RegistrationLock = new();
    private static bool registered;

    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    private DocumentFontResolver()
    {
    }

    /// <summary>
    /// Installs the resolver as PDFsharp's global font resolver. PDFsharp allows this once per process (or the same
    /// instance again), so every caller goes through here; calls after the first do nothing.
    /// </summary>
    public static void Register()
    {
        if (Volatile.Read(ref registered)) return;
        lock (RegistrationLock)
        {
            if (registered) return;
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }

            Volatile.Write(ref registered, true);
        }
    }

    /// <summary>The family name of a document font setting.</summary>
    public static string Family(Models.DocumentFont font) =>
        font == Models.DocumentFont.LiberationSans ? LiberationFamilyName : FamilyName;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, LiberationFamilyName, StringComparison.OrdinalIgnoreCase)
            ? (bold, italic) switch
            {
                (true, true) => new FontResolverInfo(LiberationBoldFace, mustSimulateBold: false, mustSimulateItalic: true),
                (true, false) => new FontResolverInfo(LiberationBoldFace),
                (false, true) => new FontResolverInfo(LiberationItalicFace),
                _ => new FontResolverInfo(LiberationRegularFace),
            }
            : (bold, italic) switch
        {
            (true, true) => new FontResolverInfo(BoldFace, mustSimulateBold: false, mustSimulateItalic: true),
            (true, false) => new FontResolverInfo(BoldFace),
            (false, true) => new FontResolverInfo(ObliqueFace),
            _ => new FontResolverInfo(RegularFace),
        };

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var resource = $"{typeof(DocumentFontResolver).Namespace}.{faceName}.ttf";
        using var stream = typeof(DocumentFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded font '{resource}' is missing.");
        using var copy = new MemoryStream(capacity: (int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
