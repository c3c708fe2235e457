using System.Globalization;
using System.Text;
using NetworkMaintenance.Core.Documents;

namespace NetworkMaintenance.Web.Features.Account;

/// <summary>
/// A QR code drawn on the server as one SVG path (<see cref="QrCodeRuns"/>): no external service sees the payload
/// (the authenticator secret), no script draws it, and it stays sharp at any size. The view writes the SVG element
/// from these values with Razor's encoding (no <c>Html.Raw</c>).
/// </summary>
/// <param name="Size">Width and height of the view box in modules, quiet zone of four modules included.</param>
/// <param name="PathData">The dark modules as one path (<c>M x y h n v 1 h -n z</c> per run of a row).</param>
/// <param name="Label">What a screen reader says for the image.</param>
public sealed record QrCodeSvg(int Size, string PathData, string Label)
{
    public static QrCodeSvg Of(string payload, string label)
    {
        var code = QrCodeRuns.Of(payload);
        var path = new StringBuilder();
        foreach (var run in code.Runs)
        {
            path.Append(CultureInfo.InvariantCulture, $"M{run.Start} {run.Row}h{run.Length}v1h-{run.Length}z");
        }
        return new QrCodeSvg(code.Size, path.ToString(), label);
    }

    /// <summary>The view box, formatted invariantly.</summary>
    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Size} {Size}");

    public string SizeText => Size.ToString(CultureInfo.InvariantCulture);
}
