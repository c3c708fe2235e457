using FluentValidation;
using NetworkMaintenance.Core.Domain.Devices;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>The device form (create and edit).</summary>
public sealed class DeviceInput
{
    /// <summary>The OPD where the device is; null: the data-center store.</summary>
    public int? OpdId { get; set; }
    public string? Building { get; set; }
    public string? Room { get; set; }
    public DeviceKind Kind { get; set; } = DeviceKind.Switch;
    public string BrandType { get; set; } = "";
    public string? SerialNumber { get; set; }
    public string? KodeBarang { get; set; }
    public string? Nup { get; set; }
    public string? IpAddress { get; set; }
    public string? MacAddress { get; set; }
    public DateOnly? InstalledOn { get; set; }
    public DateOnly? WarrantyEndsOn { get; set; }
    public DeviceStatus Status { get; set; } = DeviceStatus.InService;

    public DeviceDetails ToDetails() => new(OpdId, Building, Room, Kind, BrandType, SerialNumber, KodeBarang, Nup,
        IpAddress, MacAddress, InstalledOn, WarrantyEndsOn);

    public static DeviceInput From(Device d) => new()
    {
        OpdId = d.OpdId, Building = d.Building, Room = d.Room, Kind = d.Kind, BrandType = d.BrandType,
        SerialNumber = d.SerialNumber, KodeBarang = d.KodeBarang, Nup = d.Nup, IpAddress = d.IpAddress,
        MacAddress = d.MacAddress, InstalledOn = d.InstalledOn, WarrantyEndsOn = d.WarrantyEndsOn, Status = d.Status,
    };
}

/// <summary>The rules of a device's fields, shared by the form and the spreadsheet import.</summary>
public sealed class DeviceInputValidator : AbstractValidator<DeviceInput>
{
    public DeviceInputValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Jenis perangkat tidak dikenal.");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Status perangkat tidak dikenal.");
        RuleFor(x => x.BrandType).NotEmpty().WithMessage(DeviceMessages.BrandTypeRequired)
            .MaximumLength(150).WithMessage("Merek/tipe maksimal 150 karakter.");
        RuleFor(x => x.SerialNumber).MaximumLength(100).WithMessage("Nomor seri maksimal 100 karakter.");
        RuleFor(x => x.Building).MaximumLength(150).WithMessage("Gedung maksimal 150 karakter.");
        RuleFor(x => x.Room).MaximumLength(150).WithMessage("Ruang maksimal 150 karakter.");
        RuleFor(x => x.KodeBarang).MaximumLength(50).WithMessage("Kode barang maksimal 50 karakter.");
        RuleFor(x => x.Nup).MaximumLength(20).WithMessage("NUP maksimal 20 karakter.");
        RuleFor(x => x.IpAddress!)
            .Must(ip => System.Net.IPAddress.TryParse(ip.Trim(), out _))
            .When(x => !string.IsNullOrWhiteSpace(x.IpAddress))
            .WithMessage("Alamat IP tidak valid. Contoh: 192.168.10.1.");
        RuleFor(x => x.MacAddress!)
            .Matches("^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$")
            .When(x => !string.IsNullOrWhiteSpace(x.MacAddress))
            .WithMessage("Alamat MAC tidak valid. Contoh: 00:1A:2B:3C:4D:5E.");
        RuleFor(x => x.WarrantyEndsOn)
            .GreaterThanOrEqualTo(x => x.InstalledOn)
            .When(x => x.InstalledOn is not null && x.WarrantyEndsOn is not null)
            .WithMessage("Akhir garansi tidak boleh sebelum tanggal pemasangan.");
    }
}

/// <summary>The register's search and filters.</summary>
public sealed class DeviceFilter
{
    public string? Q { get; set; }
    public int? OpdId { get; set; }
    public DeviceKind? Kind { get; set; }
    public DeviceStatus? Status { get; set; }
    public bool Flagged { get; set; }
    public int Page { get; set; } = 1;
}
