using System.Text.RegularExpressions;
using NetworkMaintenance.UnitTests.Workflow;

namespace NetworkMaintenance.UnitTests.Architecture;

/// <summary>
/// The app serves a subset of Bootstrap Icons (scripts/subset-icons.py, for the phone's page weight): every icon the
/// web project names must be in it, or it would show as an empty square.
/// </summary>
public sealed partial class IconSubset
{
    [Fact]
    public void EveryIconTheAppNamesIsInTheServedSubset()
    {
        var web = Path.Combine(WorkflowDocs.RepositoryRoot(), "src", "NetworkMaintenance.Web");
        var subset = File.ReadAllText(Path.Combine(web, "wwwroot", "lib", "bootstrap-icons", "bootstrap-icons.subset.css"));
        var served = IconRule().Matches(subset).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var full = File.ReadAllText(Path.Combine(web, "wwwroot", "lib", "bootstrap-icons", "bootstrap-icons.min.css"));
        var known = IconRule().Matches(full).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var named = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => IconName().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .Where(known.Contains)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(named);
        var missing = named.Except(served).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Icons used but not in the subset (run scripts/subset-icons.py): " + string.Join(", ", missing));
        Assert.Contains("fonts/bootstrap-icons.subset.woff2?v=", subset, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\.(bi-[a-z0-9-]+)::before\{content:")]
    private static partial Regex IconRule();

    [GeneratedRegex(@"\bbi-[a-z0-9]+(?:-[a-z0-9]+)*")]
    private static partial Regex IconName();
}
