using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Web.Features.Devices;
using static NetworkMaintenance.UnitTests.Validators.ValidationAssert;

namespace NetworkMaintenance.UnitTests.Validators;

/// <summary>
/// The device form's rules (<see cref="DeviceInputValidator"/>), shared by the form and the spreadsheet import. The
/// serial number's uniqueness needs the database and is checked by the register and the import (integration tests).
/// </summary>
public sealed class DeviceInputValidatorRules
{
    private static readonly DeviceInputValidator Validator = new();

    private static DeviceInput Good() => new()
    {
        OpdId = 3, Building = "Gedung Utama", Room = "Ruang Server", Kind = DeviceKind.Switch, BrandType = "Cisco SG350-28",
        SerialNumber = "FOC1234X5YZ", KodeBarang = "3.10.02.03.002", Nup = "1", IpAddress = "192.168.10.2",
        MacAddress = "00:1A:2B:3C:4D:5E", InstalledOn = new DateOnly(2024, 3, 1), WarrantyEndsOn = new DateOnly(2027, 3, 1),
        Status = DeviceStatus.InService,
    };

    [Fact]
    public void AFullDeviceAndAMinimalOneAreValid()
    {
        Valid(Validator.Validate(Good()));
        Valid(Validator.Validate(new DeviceInput { Kind = DeviceKind.Ups, BrandType = "APC Back-UPS 1200", Status = DeviceStatus.Spare }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void TheBrandAndTypeAreRequired(string brandType)
    {
        var input = Good();
        input.BrandType = brandType;
        OnlyFails(Validator.Validate(input), nameof(DeviceInput.BrandType), DeviceMessages.BrandTypeRequired);
    }

    [Fact]
    public void TheKindAndStatusMustBeKnown()
    {
        var input = Good();
        input.Kind = (DeviceKind)999;
        OnlyFails(Validator.Validate(input), nameof(DeviceInput.Kind), "Jenis perangkat tidak dikenal.");

        input = Good();
        input.Status = (DeviceStatus)999;
        OnlyFails(Validator.Validate(input), nameof(DeviceInput.Status), "Status perangkat tidak dikenal.");
    }

    [Theory]
    [InlineData(nameof(DeviceInput.BrandType), 151, "Merek/tipe maksimal 150 karakter.")]
    [InlineData(nameof(DeviceInput.SerialNumber), 101, "Nomor seri maksimal 100 karakter.")]
    [InlineData(nameof(DeviceInput.Building), 151, "Gedung maksimal 150 karakter.")]
    [InlineData(nameof(DeviceInput.Room), 151, "Ruang maksimal 150 karakter.")]
    [InlineData(nameof(DeviceInput.KodeBarang), 51, "Kode barang maksimal 50 karakter.")]
    [InlineData(nameof(DeviceInput.Nup), 21, "NUP maksimal 20 karakter.")]
    public void TextFieldsHaveTheirLimits(string property, int length, string message)
    {
        var atLimit = Good();
        typeof(DeviceInput).GetProperty(property)!.SetValue(atLimit, new string('x', length - 1));
        Valid(Validator.Validate(atLimit));

        var over = Good();
        typeof(DeviceInput).GetProperty(property)!.SetValue(over, new string('x', length));
        OnlyFails(Validator.Validate(over), property, message);
    }

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData(" 172.16.0.254 ", true)]
    [InlineData("fe80::1", true)]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("bukan-ip", false)]
    [InlineData("10.0.0.300", false)]
    [InlineData("192.168.1.1/24", false)]
    public void TheIpAddressMustBeAnAddress(string? ip, bool valid)
    {
        var input = Good();
        input.IpAddress = ip;
        var result = Validator.Validate(input);
        if (valid) Valid(result);
        else OnlyFails(result, nameof(DeviceInput.IpAddress), "Alamat IP tidak valid. Contoh: 192.168.10.1.");
    }

    [Theory]
    [InlineData("00:1A:2B:3C:4D:5E", true)]
    [InlineData("00-1a-2b-3c-4d-5e", true)]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("001A2B3C4D5E", false)]
    [InlineData("00:1A:2B:3C:4D", false)]
    [InlineData("00:1A:2B:3C:4D:5G", false)]
    public void TheMacAddressHasSixPairsOfHexDigits(string? mac, bool valid)
    {
        var input = Good();
        input.MacAddress = mac;
        var result = Validator.Validate(input);
        if (valid) Valid(result);
        else OnlyFails(result, nameof(DeviceInput.MacAddress), "Alamat MAC tidak valid. Contoh: 00:1A:2B:3C:4D:5E.");
    }

    [Fact]
    public void TheWarrantyCannotEndBeforeTheInstallation()
    {
        var input = Good();
        input.InstalledOn = new DateOnly(2024, 3, 1);
        input.WarrantyEndsOn = new DateOnly(2024, 2, 29);
        OnlyFails(Validator.Validate(input), nameof(DeviceInput.WarrantyEndsOn), "Akhir garansi tidak boleh sebelum tanggal pemasangan.");

        input.WarrantyEndsOn = input.InstalledOn;
        Valid(Validator.Validate(input));

        // Either date alone is fine.
        Valid(Validator.Validate(new DeviceInput { BrandType = "x", WarrantyEndsOn = new DateOnly(2020, 1, 1) }));
        Valid(Validator.Validate(new DeviceInput { BrandType = "x", InstalledOn = new DateOnly(2030, 1, 1) }));
    }
}
