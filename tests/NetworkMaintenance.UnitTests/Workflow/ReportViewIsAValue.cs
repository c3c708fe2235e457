using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>
/// Issue #17 point 3: the report page's cache (<see cref="ReportSnapshots"/>) keeps a value, not an entity. Everything
/// reachable from <see cref="ReportView"/> is immutable — init-only properties, read-only collections, no array — and
/// no type of it is one of the database's entities, so no EF instance is ever shared between requests.
/// </summary>
public sealed class ReportViewIsAValue
{
    private static readonly HashSet<Type> Entities = typeof(AppDbContext)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
        .Select(p => p.PropertyType.GetGenericArguments()[0])
        .ToHashSet();

    [Fact]
    public void EverythingTheViewHoldsIsImmutableAndNoEntity()
    {
        Assert.Contains(typeof(Core.Domain.Reports.Report), Entities); // the list is real

        var problems = new List<string>();
        Walk(typeof(ReportView), nameof(ReportView), [], problems);

        Assert.True(problems.Count == 0, "ReportView must stay a value:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void TheCheckFindsAMutableMemberAndAnEntity()
    {
        var problems = new List<string>();
        Walk(typeof(Leaky), nameof(Leaky), [], problems);
        Assert.Contains(problems, p => p.Contains("Leaky.Name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Leaky.Report", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Leaky.Lines", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Leaky.Bytes", StringComparison.Ordinal));
    }

    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateOnly) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(ReadOnlyMemory<byte>))
        {
            return;
        }
        if (Entities.Contains(type))
        {
            problems.Add($"{path} is the entity {type.Name}");
            return;
        }
        if (type.IsArray)
        {
            problems.Add($"{path} is an array ({type.Name}), which can be changed in place");
            return;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyList<>) || generic == typeof(IReadOnlyCollection<>)))
        {
            Walk(type.GetGenericArguments()[0], path + "[]", seen, problems);
            return;
        }
        if (type.IsGenericType || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            problems.Add($"{path} is {type.Name}, not a read-only collection or value");
            return;
        }
        if (!seen.Add(type)) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            if (setter is { IsPublic: true } && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            {
                problems.Add($"{path}.{property.Name} has a public setter");
            }
            Walk(property.PropertyType, $"{type.Name}.{property.Name}", seen, problems);
        }
    }

    private sealed class Leaky
    {
        public string Name { get; set; } = "";
        public Core.Domain.Reports.Report? Report { get; init; }
        public List<string> Lines { get; init; } = [];
        public byte[] Bytes { get; init; } = [];
    }
}
