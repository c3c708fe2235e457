using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Devices;

namespace NetworkMaintenance.Web.Features.Monitoring;

/// <summary>
/// Finds the registered device an alert names and, when the alert names no OPD, takes the device's OPD
/// (docs/monitoring.md, "The device"). The values are tried in the order of <see cref="IncomingAlert.DeviceKeys"/>:
/// <c>serial</c> (serial number), <c>ip</c> (IP address), <c>device</c> (serial number, else IP address),
/// <c>instance</c> without its port (IP address, else serial number); the first value that finds a device wins.
/// Compared ignoring case and surrounding spaces; only devices placed at an OPD and not disposed (Dihapuskan) count,
/// and an IP address two such devices share finds neither. A device of another OPD than the one the alert names is
/// not linked (a report names only a device of its own OPD, as on the web form). One query per delivery.
/// </summary>
public sealed class AlertDevices(AppDbContext db)
{
    private sealed record Candidate(int Id, int OpdId, string? Serial, string? Ip);

    /// <summary>The alerts with their device and OPD; refuses the delivery when an alert has neither an OPD nor a device that names one.</summary>
    public async Task<IReadOnlyList<IncomingAlert>> ResolveAsync(IReadOnlyList<IncomingAlert> alerts, CancellationToken ct = default)
    {
        var values = alerts.SelectMany(a => a.DeviceKeys).Select(k => k.Value)
            .SelectMany(v => new[] { v, v.ToUpperInvariant(), v.ToLowerInvariant() }).Distinct(StringComparer.Ordinal).ToList();
        var candidates = values.Count == 0 ? [] : await db.Devices.AsNoTracking()
            .Where(d => d.OpdId != null && d.Status != DeviceStatus.Disposed
                && ((d.SerialNumber != null && values.Contains(d.SerialNumber)) || (d.IpAddress != null && values.Contains(d.IpAddress))))
            .Select(d => new Candidate(d.Id, d.OpdId!.Value, d.SerialNumber, d.IpAddress))
            .ToListAsync(ct);

        var result = new List<IncomingAlert>(alerts.Count);
        foreach (var alert in alerts)
        {
            var device = alert.DeviceKeys.Select(k => Find(k, candidates)).FirstOrDefault(d => d is not null);
            var opdId = alert.OpdId ?? device?.OpdId
                ?? throw new AlertPayloadException($"{alert.Where}: sebutkan OPD (label/kolom \"opd\" dengan singkatan OPD) " +
                    "atau perangkat yang terdaftar (nomor seri atau alamat IP).");
            result.Add(alert with { OpdId = opdId, DeviceId = device is not null && device.OpdId == opdId ? device.Id : null });
        }
        return result;
    }

    private static Candidate? Find(DeviceKey key, List<Candidate> candidates) => key.Kind switch
    {
        DeviceKeyKind.Serial => BySerial(key.Value, candidates),
        DeviceKeyKind.Ip => ByIp(key.Value, candidates),
        DeviceKeyKind.Device => BySerial(key.Value, candidates) ?? ByIp(key.Value, candidates),
        _ => ByIp(key.Value, candidates) ?? BySerial(key.Value, candidates),
    };

    private static Candidate? BySerial(string value, List<Candidate> candidates) =>
        candidates.FirstOrDefault(c => string.Equals(c.Serial?.Trim(), value, StringComparison.OrdinalIgnoreCase));

    private static Candidate? ByIp(string value, List<Candidate> candidates)
    {
        var found = candidates.Where(c => string.Equals(c.Ip?.Trim(), value, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
