namespace NetworkMaintenance.Core.Domain.Reports;

/// <summary>A device named on a report: requested for replacement, repaired, or replaced (old and new serial).</summary>
public class ReportDevice
{
    private ReportDevice() { }

    internal ReportDevice(DevicePurpose purpose, DeviceLine line, DateTime recordedAtUtc)
    {
        if (string.IsNullOrWhiteSpace(line.Name)) throw new DomainException("Nama perangkat wajib diisi.");
        if (purpose == DevicePurpose.Replaced && string.IsNullOrWhiteSpace(line.NewSerialNumber))
            throw new DomainException($"Nomor seri perangkat pengganti untuk '{line.Name}' wajib diisi.");
        Purpose = purpose;
        Name = line.Name.Trim();
        BrandType = Clean(line.BrandType);
        SerialNumber = Clean(line.SerialNumber);
        Condition = line.Condition;
        Notes = Clean(line.Notes);
        NewBrandType = Clean(line.NewBrandType);
        NewSerialNumber = Clean(line.NewSerialNumber);
        RecordedAtUtc = recordedAtUtc;
        DeviceId = line.DeviceId;
        NewDeviceId = purpose == DevicePurpose.Replaced ? line.NewDeviceId : null;
    }

    /// <summary>The registered device of this line (null: typed as free text, registered on completion).</summary>
    public int? DeviceId { get; private set; }

    /// <summary>For a replaced device: the registered spare that replaced it.</summary>
    public int? NewDeviceId { get; private set; }

    public Devices.Device? Device { get; private set; }
    public Devices.Device? NewDevice { get; private set; }

    /// <summary>Completion registers a free-text device: the line then points at it (its id is set on save).</summary>
    public void LinkDevice(Devices.Device device)
    {
        if (DeviceId is null) Device = device;
    }

    public void LinkNewDevice(Devices.Device device)
    {
        if (NewDeviceId is null) NewDevice = device;
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public DevicePurpose Purpose { get; private set; }
    public string Name { get; private set; } = "";
    public string? BrandType { get; private set; }
    public string? SerialNumber { get; private set; }
    public DeviceCondition Condition { get; private set; }
    public string? Notes { get; private set; }
    public string? NewBrandType { get; private set; }
    public string? NewSerialNumber { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>Superseded lines (a revised work report) stay for the record but are no longer current.</summary>
    public bool IsSuperseded { get; private set; }

    internal void Supersede() => IsSuperseded = true;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
