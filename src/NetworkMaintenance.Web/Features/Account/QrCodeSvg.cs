using System.Globalization;
using System.Text;
using NetworkMaintenance.Core.Documents;

namespace NetworkMaintenance.Web.Features.Account;

/// <summary>
/// Renders a QR code as one SVG path on the server (<see cref="QrCodeRuns"/>): no external service sees the payload
/// (the authenticator secret), no script draws it, and it stays sharp at any size.
/// </summary>
public static class QrCodeSvg
{
    /// <summary>The SVG markup of <paramref name="payload"/>'s QR code, quiet zone included, labelled for screen readers.</summary>
    public static string Render(string payload, string label)
    {
        var code = QrCodeRuns.Of(payload);
        var path = new StringBuilder();
        foreach (var run in code.Runs)
        {
            path.Append(CultureInfo.InvariantCulture, $"M{run.Start} {run.Row}h{run.Length}v1h-{run.Length}z");
        }

        var size = code.Size.ToString(CultureInfo.InvariantCulture);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" class=\"qr-code\" role=\"img\" "
            + $"aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\" data-testid=\"qr-code\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
