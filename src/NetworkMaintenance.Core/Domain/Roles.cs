namespace NetworkMaintenance.Core.Domain;

/// <summary>The seven roles of PRODUCT.md. The code names are the Identity role names.</summary>
public static class Roles
{
    public const string Pelapor = nameof(Pelapor);
    public const string PetugasLayanan = nameof(PetugasLayanan);
    public const string KepalaDinas = nameof(KepalaDinas);
    public const string KepalaBidang = nameof(KepalaBidang);
    public const string KepalaSeksi = nameof(KepalaSeksi);
    public const string Teknisi = nameof(Teknisi);
    public const string Administrator = nameof(Administrator);

    /// <summary>
    /// The capacity of the system actor that records reports opened by monitoring alerts or read from the e-mail
    /// mailbox (docs/monitoring.md). Not an Identity role: nobody signs in as it, and it is not in <see cref="All"/>.
    /// </summary>
    public const string Sistem = nameof(Sistem);

    public static readonly IReadOnlyList<string> All =
        [Pelapor, PetugasLayanan, KepalaDinas, KepalaBidang, KepalaSeksi, Teknisi, Administrator];

    /// <summary>Officials who can appoint a Plh. (acting official) while on leave.</summary>
    public static readonly IReadOnlyList<string> Officials = [KepalaDinas, KepalaBidang, KepalaSeksi];

    public static string Label(string role) => role switch
    {
        Pelapor => "Staf OPD Pelapor",
        PetugasLayanan => "Petugas Layanan",
        KepalaDinas => "Kepala Dinas",
        KepalaBidang => "Kepala Bidang",
        KepalaSeksi => "Kepala Seksi",
        Teknisi => "Staf/Tim Data Center",
        Administrator => "Administrator",
        Sistem => "Sistem",
        _ => role,
    };

    public static bool IsKnown(string role) => All.Contains(role);
}
