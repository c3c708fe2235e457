using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Features.Admin.Units;

/// <summary>
/// Puts units in tree order (Dinas, then each Bidang followed by its Seksi), each with its depth.
/// Units whose parent is missing from the list are shown at the top level rather than lost.
/// </summary>
public static class OrgUnitTree
{
    public sealed record Node<T>(T Unit, int Depth);

    public static IReadOnlyList<Node<T>> Flatten<T>(IReadOnlyCollection<T> units, Func<T, int> id, Func<T, int?> parentId,
        Func<T, string> name)
    {
        var ids = units.Select(id).ToHashSet();
        var children = units.ToLookup(u => parentId(u) is int p && ids.Contains(p) ? p : (int?)null);
        var result = new List<Node<T>>(units.Count);
        var visited = new HashSet<int>();

        void Visit(int? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(name, StringComparer.CurrentCultureIgnoreCase))
            {
                if (!visited.Add(id(unit))) continue;
                result.Add(new Node<T>(unit, depth));
                Visit(id(unit), depth + 1);
            }
        }

        Visit(null, 0);
        return result;
    }

    /// <summary>The kind a unit's parent must have; null when the unit has no parent (the Dinas).</summary>
    public static OrgUnitKind? RequiredParentKind(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Bidang => OrgUnitKind.Dinas,
        OrgUnitKind.Seksi => OrgUnitKind.Bidang,
        _ => null,
    };

    /// <summary>The label with indentation for a &lt;select&gt; option.</summary>
    public static string IndentedLabel(string name, int depth) => new string('\u00A0', depth * 4) + name;
}
