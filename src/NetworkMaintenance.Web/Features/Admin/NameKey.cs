namespace NetworkMaintenance.Web.Features.Admin;

/// <summary>How names are compared for duplicates: ignoring case and repeated spaces ("Dinas  kesehatan" = "Dinas Kesehatan").</summary>
public static class NameKey
{
    public static string Of(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToUpperInvariant();

    public static bool Same(string a, string b) => Of(a) == Of(b);
}
