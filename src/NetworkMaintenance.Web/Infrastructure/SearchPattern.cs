namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// LIKE patterns for searches typed by people. LIKE is case-insensitive on both providers for Latin text
/// (SQLite for ASCII, SQL Server with its default collation), unlike string.Contains on SQLite.
/// </summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    /// <summary>"%term%" with the LIKE wildcards in <paramref name="term"/> escaped by <see cref="Escape"/>.</summary>
    public static string Contains(string term) => "%" + Exact(term) + "%";

    /// <summary>The whole <paramref name="term"/> (any case), its LIKE wildcards escaped by <see cref="Escape"/>.</summary>
    public static string Exact(string term) => term.Trim()
        .Replace(Escape, Escape + Escape, StringComparison.Ordinal)
        .Replace("%", Escape + "%", StringComparison.Ordinal)
        .Replace("_", Escape + "_", StringComparison.Ordinal)
        .Replace("[", Escape + "[", StringComparison.Ordinal);
}
