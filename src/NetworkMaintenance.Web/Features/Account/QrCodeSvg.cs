using System.Globalization;
using System.Text;
using QRCoder;

namespace NetworkMaintenance.Web.Features.Account;

/// <summary>
/// Renders a QR code as one SVG path on the server, from QRCoder's module matrix: no external service sees the
/// payload (the authenticator secret), no script draws it, and it stays sharp at any size.
/// </summary>
public static class QrCodeSvg
{
    /// <summary>The SVG markup of <paramref name="payload"/>'s QR code, quiet zone included, labelled for screen readers.</summary>
    public static string Render(string payload, string label)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var count = matrix.Count;
        var path = new StringBuilder();
        for (var row = 0; row < count; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < count)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }

                // One rectangle per horizontal run of dark modules.
                var start = col;
                while (col < count && bits[col]) col++;
                path.Append(CultureInfo.InvariantCulture, $"M{start} {row}h{col - start}v1h-{col - start}z");
            }
        }

        var size = count.ToString(CultureInfo.InvariantCulture);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" class=\"qr-code\" role=\"img\" "
            + $"aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\" data-testid=\"qr-code\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
