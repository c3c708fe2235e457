namespace NetworkMaintenance.Core.Domain;

/// <summary>Organisasi Perangkat Daerah: a city government office that reports outages.</summary>
public class Opd
{
    private Opd() { }

    public Opd(string name, string? shortName = null, string? address = null)
    {
        Rename(name, shortName);
        Address = address;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? ShortName { get; private set; }
    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public bool IsActive { get; private set; }

    public string DisplayName => string.IsNullOrWhiteSpace(ShortName) ? Name : ShortName!;

    public void Rename(string name, string? shortName)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException(OpdMessages.NameRequired);
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim();
    }

    public void UpdateContact(string? address, string? phone, string? email)
    {
        Address = Blank(address);
        Phone = Blank(phone);
        Email = Blank(email);
    }

    public void Deactivate() => IsActive = false;
    public void Activate() => IsActive = true;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The refusals of an OPD's rules that its form also shows: written once, for the domain and the validator.</summary>
public static class OpdMessages
{
    public const string NameRequired = "Nama OPD wajib diisi.";
}
