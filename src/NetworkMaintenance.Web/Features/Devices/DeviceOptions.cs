using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>The <c>Devices</c> section: when a device counts as failing repeatedly (issue #19 point 4).</summary>
public sealed class DeviceOptions
{
    public const string Section = "Devices";

    /// <summary>The fault (counting the new one) that flags a device: the third by default.</summary>
    public int RepeatFaultCount { get; set; } = 3;

    /// <summary>Within how many days the faults must fall.</summary>
    public int RepeatFaultWindowDays { get; set; } = 90;
}

public sealed class DeviceOptionsValidator : SettingsValidator<DeviceOptions>
{
    public override IEnumerable<string> Check(DeviceOptions options)
    {
        if (options.RepeatFaultCount < 2)
            yield return $"Devices:RepeatFaultCount must be at least 2 (it is {options.RepeatFaultCount}).";
        if (options.RepeatFaultWindowDays <= 0) yield return Positive("Devices:RepeatFaultWindowDays", options.RepeatFaultWindowDays);
    }
}
