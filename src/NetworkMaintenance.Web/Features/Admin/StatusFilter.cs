namespace NetworkMaintenance.Web.Features.Admin;

/// <summary>The "status" filter of the administration lists (query string values).</summary>
public static class StatusFilter
{
    public const string Active = "aktif";
    public const string Inactive = "nonaktif";

    public static readonly IReadOnlyList<(string Value, string Label)> Options =
        [("", "Semua status"), (Active, "Aktif"), (Inactive, "Nonaktif")];
}
