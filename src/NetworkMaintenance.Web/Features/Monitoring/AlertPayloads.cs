using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Monitoring;

namespace NetworkMaintenance.Web.Features.Monitoring;

/// <summary>
/// One alert as the intake handles it, whatever format it arrived in. <see cref="OpdId"/> is null when the alert names
/// no OPD: <see cref="AlertDevices"/> then takes the OPD of the registered device it names (or refuses the delivery).
/// </summary>
public sealed record IncomingAlert(string Fingerprint, bool Firing, int? OpdId, string? DeviceLabel, string Severity,
    string Summary, DateTime StartsAtUtc, DateTime? EndsAtUtc, string? Origin)
{
    /// <summary>What the alert says that may name a registered device, in the order they are tried (docs/monitoring.md).</summary>
    public IReadOnlyList<DeviceKey> DeviceKeys { get; init; } = [];

    /// <summary>The registered device the alert names (set by <see cref="AlertDevices"/>), linked to the report it opens.</summary>
    public int? DeviceId { get; init; }

    /// <summary>"Peringatan ke-3": how a refusal names the alert.</summary>
    public string Where { get; init; } = "Peringatan";
}

/// <summary>How a value of an alert is compared with the register.</summary>
public enum DeviceKeyKind
{
    /// <summary>The <c>serial</c> label or field: the serial number.</summary>
    Serial,
    /// <summary>The <c>ip</c> label or field: the IP address.</summary>
    Ip,
    /// <summary>The <c>device</c> label or field: the serial number, else the IP address.</summary>
    Device,
    /// <summary>Alertmanager's <c>instance</c> label without its port: the IP address, else the serial number.</summary>
    Instance,
}

public sealed record DeviceKey(DeviceKeyKind Kind, string Value);

/// <summary>A payload the intake refuses as a whole (400): the reason, in Indonesian.</summary>
public sealed class AlertPayloadException(string message) : Exception(message);

/// <summary>
/// Reads the two payloads of docs/monitoring.md into <see cref="IncomingAlert"/>s, all or nothing: Alertmanager's
/// webhook (version 4) and the small generic JSON for Zabbix, LibreNMS and scripts. The OPD is named by its short name
/// (<c>opd</c> label or field), or its number.
/// </summary>
public static class AlertPayloads
{
    /// <summary>Alerts in one delivery, at most (Alertmanager's max_alerts should be set no higher).</summary>
    public const int MaxAlerts = 500;

    public static IReadOnlyList<IncomingAlert> Alertmanager(JsonElement root, IReadOnlyList<Opd> opds, DateTime nowUtc)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new AlertPayloadException("Isi permintaan harus berupa objek JSON.");
        if (Text(root, "version") != "4")
            throw new AlertPayloadException("Versi payload webhook Alertmanager harus \"4\".");
        if (!root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array || alerts.GetArrayLength() == 0)
            throw new AlertPayloadException("Payload tidak memuat daftar \"alerts\".");
        if (alerts.GetArrayLength() > MaxAlerts)
            throw new AlertPayloadException($"Satu kiriman paling banyak memuat {MaxAlerts} peringatan.");
        var result = new List<IncomingAlert>();
        var index = 0;
        foreach (var alert in alerts.EnumerateArray())
        {
            index++;
            var where = $"Peringatan ke-{index}";
            if (alert.ValueKind != JsonValueKind.Object) throw new AlertPayloadException($"{where} bukan objek JSON.");
            var labels = Map(alert, "labels");
            var annotations = Map(alert, "annotations");
            var status = Text(alert, "status");
            if (status is not ("firing" or "resolved"))
                throw new AlertPayloadException($"{where}: status harus \"firing\" atau \"resolved\".");
            var opd = FindOpd(labels.GetValueOrDefault("opd"), opds, where + ": label \"opd\"");
            var keys = Keys(labels.GetValueOrDefault("serial"), labels.GetValueOrDefault("ip"), labels.GetValueOrDefault("device"),
                labels.GetValueOrDefault("instance"));
            var starts = Time(alert, "startsAt", where) ?? throw new AlertPayloadException($"{where}: \"startsAt\" wajib diisi.");
            var ends = status == "resolved" ? Time(alert, "endsAt", where) ?? nowUtc : (DateTime?)null;
            var fingerprint = Text(alert, "fingerprint");
            if (string.IsNullOrWhiteSpace(fingerprint)) fingerprint = HashOf(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));
            var summary = annotations.GetValueOrDefault("summary") ?? annotations.GetValueOrDefault("description")
                ?? labels.GetValueOrDefault("alertname") ?? "Peringatan pemantauan";
            result.Add(Build(fingerprint, status == "firing", opd, labels.GetValueOrDefault("device") ?? labels.GetValueOrDefault("instance"),
                labels.GetValueOrDefault("severity"), summary, starts, ends, labels.GetValueOrDefault("alertname"), where) with { DeviceKeys = keys });
        }
        return result;
    }

    public static IncomingAlert Generic(JsonElement root, IReadOnlyList<Opd> opds, DateTime nowUtc)
    {
        const string where = "Peringatan";
        if (root.ValueKind != JsonValueKind.Object) throw new AlertPayloadException("Isi permintaan harus berupa objek JSON.");
        var opd = FindOpd(Text(root, "opd"), opds, "Kolom \"opd\"");
        var summary = Text(root, "summary");
        if (string.IsNullOrWhiteSpace(summary)) throw new AlertPayloadException("Kolom \"summary\" wajib diisi.");
        var starts = Time(root, "startsAt", where) ?? throw new AlertPayloadException("Kolom \"startsAt\" wajib diisi.");
        var ends = Time(root, "endsAt", where);
        var device = Text(root, "device");
        var id = Text(root, "id");
        var fingerprint = string.IsNullOrWhiteSpace(id)
            ? HashOf([opd?.Id.ToString(CultureInfo.InvariantCulture) ?? "", device ?? "", summary]) : id;
        return Build(fingerprint, ends is null || ends > nowUtc, opd, device, Text(root, "severity"), summary, starts,
            ends is { } e && e <= nowUtc ? e : null, Text(root, "source"), where)
            with { DeviceKeys = Keys(Text(root, "serial"), Text(root, "ip"), device, null) };
    }

    private static IncomingAlert Build(string fingerprint, bool firing, Opd? opd, string? device, string? severity, string summary,
        DateTime starts, DateTime? ends, string? origin, string where)
    {
        fingerprint = fingerprint.Trim();
        if (fingerprint.Length > MonitoringAlert.FingerprintMaxLength)
            throw new AlertPayloadException($"{where}: sidik (fingerprint/id) paling banyak {MonitoringAlert.FingerprintMaxLength} karakter.");
        if (device is { Length: > MonitoringAlert.DeviceLabelMaxLength })
            throw new AlertPayloadException($"{where}: nama perangkat paling banyak {MonitoringAlert.DeviceLabelMaxLength} karakter.");
        severity = string.IsNullOrWhiteSpace(severity) ? "warning" : severity.Trim();
        if (severity.Length > MonitoringAlert.SeverityMaxLength)
            throw new AlertPayloadException($"{where}: tingkat (severity) paling banyak {MonitoringAlert.SeverityMaxLength} karakter.");
        summary = summary.Trim();
        if (summary.Length > MonitoringAlert.SummaryMaxLength) summary = summary[..MonitoringAlert.SummaryMaxLength];
        return new IncomingAlert(fingerprint, firing, opd?.Id, string.IsNullOrWhiteSpace(device) ? null : device.Trim(), severity,
            summary, starts, ends, string.IsNullOrWhiteSpace(origin) ? null : origin.Trim()) { Where = where };
    }

    /// <summary>The values that may name a registered device, in the order of docs/monitoring.md.</summary>
    private static List<DeviceKey> Keys(string? serial, string? ip, string? device, string? instance)
    {
        var keys = new List<DeviceKey>();
        void Add(DeviceKeyKind kind, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length <= 200) keys.Add(new DeviceKey(kind, value.Trim()));
        }
        Add(DeviceKeyKind.Serial, serial);
        Add(DeviceKeyKind.Ip, ip);
        Add(DeviceKeyKind.Device, device);
        Add(DeviceKeyKind.Instance, instance is null ? null : HostOf(instance.Trim()));
        return keys;
    }

    /// <summary>"10.1.2.3:9100" → "10.1.2.3", "[fd00::1]:9100" → "fd00::1", "sw-core" → "sw-core".</summary>
    private static string HostOf(string instance)
    {
        if (instance.StartsWith('[') && instance.IndexOf(']', StringComparison.Ordinal) is var close and > 0) return instance[1..close];
        var colon = instance.LastIndexOf(':');
        // One colon: host:port. More than one without brackets: a bare IPv6 address.
        return colon > 0 && instance.IndexOf(':', StringComparison.Ordinal) == colon ? instance[..colon] : instance;
    }

    /// <summary>The OPD the alert names; null when it names none (the registered device may name it).</summary>
    private static Opd? FindOpd(string? code, IReadOnlyList<Opd> opds, string what)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        code = code.Trim();
        var opd = opds.FirstOrDefault(o => string.Equals(o.ShortName, code, StringComparison.OrdinalIgnoreCase))
            ?? opds.FirstOrDefault(o => string.Equals(o.Name, code, StringComparison.OrdinalIgnoreCase))
            ?? (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? opds.FirstOrDefault(o => o.Id == id) : null);
        return opd ?? throw new AlertPayloadException($"{what}: OPD \"{Shorten(code)}\" tidak dikenal atau tidak aktif.");
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Dictionary<string, string> Map(JsonElement obj, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object)
            foreach (var p in v.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.String) map[p.Name] = p.Value.GetString()!;
        return map;
    }

    /// <summary>An RFC 3339 time as UTC; null when absent or Go's zero time (Alertmanager's "not set").</summary>
    private static DateTime? Time(JsonElement obj, string name, string where)
    {
        var text = Text(obj, name);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            throw new AlertPayloadException($"{where}: \"{name}\" bukan waktu yang sah (contoh: 2026-12-04T08:15:00Z).");
        return t.Year <= 1 ? null : t.UtcDateTime;
    }

    private static string HashOf(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))))[..32];
}
