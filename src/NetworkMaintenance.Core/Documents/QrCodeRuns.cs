using QRCoder;

namespace NetworkMaintenance.Core.Documents;

/// <summary>
/// A QR code as horizontal runs of dark modules, from QRCoder's module matrix (quiet zone included): what both the
/// PDF drawing and the server-rendered SVG turn into rectangles, so neither needs a bitmap.
/// </summary>
public sealed record QrCodeRuns(int Size, IReadOnlyList<QrCodeRuns.Run> Runs)
{
    /// <summary>Dark modules <see cref="Start"/> to <see cref="Start"/> + <see cref="Length"/> − 1 of row <see cref="Row"/>.</summary>
    public readonly record struct Run(int Row, int Start, int Length);

    public static QrCodeRuns Of(string payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var count = matrix.Count;
        var runs = new List<Run>();
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

                var start = col;
                while (col < count && bits[col]) col++;
                runs.Add(new Run(row, start, col - start));
            }
        }
        return new QrCodeRuns(count, runs);
    }
}
