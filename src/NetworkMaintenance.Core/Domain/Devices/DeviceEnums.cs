namespace NetworkMaintenance.Core.Domain.Devices;

/// <summary>What a registered network device is.</summary>
public enum DeviceKind
{
    Router,
    Switch,
    AccessPoint,
    Modem,
    Ups,
    Firewall,
    Server,
    CableRun,
    Other,
}

/// <summary>Where a device stands in its life.</summary>
public enum DeviceStatus
{
    InService,
    Spare,
    UnderRepair,
    Broken,
    Disposed,
}

/// <summary>What happened to a device: its history.</summary>
public enum DeviceEventKind
{
    Registered,
    Edited,
    Reported,
    Repaired,
    Reserved,
    ReservationReleased,
    Prepared,
    InstalledAsReplacement,
    ReplacedBroken,
    Moved,
    StatusChanged,
    RepeatFaultFlagged,
    RepeatFaultDecided,
}

/// <summary>The Kasi's decision on a device flagged for repeated faults.</summary>
public enum RepeatFaultDecision
{
    Replace,
    KeepAndWatch,
}

/// <summary>The Indonesian labels of the device enums (UI, imports, exports).</summary>
public static class DeviceLabels
{
    public static string Of(DeviceKind kind) => kind switch
    {
        DeviceKind.Router => "Router",
        DeviceKind.Switch => "Switch",
        DeviceKind.AccessPoint => "Access point",
        DeviceKind.Modem => "Modem",
        DeviceKind.Ups => "UPS",
        DeviceKind.Firewall => "Firewall",
        DeviceKind.Server => "Server",
        DeviceKind.CableRun => "Jalur kabel",
        _ => "Lainnya",
    };

    public static string Of(DeviceStatus status) => status switch
    {
        DeviceStatus.InService => "Terpasang",
        DeviceStatus.Spare => "Cadangan",
        DeviceStatus.UnderRepair => "Dalam perbaikan",
        DeviceStatus.Broken => "Rusak",
        _ => "Dihapuskan",
    };

    public static string Of(RepeatFaultDecision decision) => decision switch
    {
        RepeatFaultDecision.Replace => "Ganti perangkat",
        _ => "Pertahankan dan pantau",
    };

    /// <summary>Reads a kind from a spreadsheet cell: the enum name or the Indonesian label, any case.</summary>
    public static bool TryParseKind(string? text, out DeviceKind kind) => TryParse(text, Of, out kind);

    /// <summary>Reads a status from a spreadsheet cell: the enum name or the Indonesian label, any case.</summary>
    public static bool TryParseStatus(string? text, out DeviceStatus status) => TryParse(text, Of, out status);

    private static bool TryParse<T>(string? text, Func<T, string> label, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(v.ToString(), t, StringComparison.OrdinalIgnoreCase)
                || string.Equals(label(v), t, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }
        return false;
    }
}
