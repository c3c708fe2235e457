using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NetworkMaintenance.UnitTests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md ("Dependency rules"), checked on the compiled assemblies with
/// Mono.Cecil: every type a class names in its signatures, attributes and method bodies (lambdas and async state
/// machines count for the class that declares them).
/// </summary>
public sealed class ArchitectureRules
{
    private const string FeaturesNamespace = "NetworkMaintenance.Web.Features.";

    private static readonly Lazy<ModuleDefinition> Web = new(() => ModuleDefinition.ReadModule(typeof(Program).Assembly.Location));
    private static readonly Lazy<ModuleDefinition> Core = new(() =>
        ModuleDefinition.ReadModule(typeof(NetworkMaintenance.Core.Data.AppDbContext).Assembly.Location));

    /// <summary>ASP.NET Core's web stack; Core may use only Identity's stores and the data-protection key store.</summary>
    private static readonly string[] WebStack =
        ["Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Razor",
         "Microsoft.AspNetCore.Html", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Authentication",
         "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Antiforgery", "NetworkMaintenance.Web"];

    [Fact]
    public void CoreReferencesNoWebAssembly()
    {
        var references = Core.Value.AssemblyReferences.Select(a => a.Name).ToList();
        Assert.Contains("PdfSharp", references); // the list is real
        Assert.DoesNotContain(references, IsWebStack);
    }

    [Fact]
    public void CoreNamesNoWebTypeAndTheDomainNoClaimsPrincipal()
    {
        var references = Core.Value.GetTypeReferences().ToList();
        Assert.NotEmpty(references);
        Assert.Empty(references.Where(t => IsWebStack(t.Namespace)).Select(t => t.FullName));
        // The domain sees an Actor, never the signed-in principal or HTTP.
        var domainUses = Dependencies(Core.Value).Where(d => d.From.Namespace.StartsWith("NetworkMaintenance.Core.Domain", StringComparison.Ordinal));
        Assert.Empty(domainUses.Where(d => d.To.Namespace == "System.Security.Claims").Select(d => $"{d.From.FullName} -> {d.To.FullName}"));
    }

    [Fact]
    public void NoControllerIsUsedOutsideItsFeature()
    {
        var violations = ControllerViolations(Web.Value);
        Assert.True(violations.Count == 0, "A controller is an entry point, not an API:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void NoFeatureUsesTheInternalsOfAnother()
    {
        var violations = InternalsViolations(Web.Value);
        Assert.True(violations.Count == 0, "Features meet through their public types and members only:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheRulesReportABreach()
    {
        // The fixture below breaks both rules inside this test assembly, under the same namespace convention.
        var tests = ModuleDefinition.ReadModule(typeof(ArchitectureRules).Assembly.Location);
        Assert.Equal(["NetworkMaintenance.Web.Features.ProbeA.Caller -> NetworkMaintenance.Web.Features.ProbeB.ProbeController"],
            ControllerViolations(tests));
        Assert.Equal(
            ["NetworkMaintenance.Web.Features.ProbeA.Caller -> member NetworkMaintenance.Web.Features.ProbeB.Service::Hidden",
             "NetworkMaintenance.Web.Features.ProbeA.Caller -> type NetworkMaintenance.Web.Features.ProbeB.Helper"],
            InternalsViolations(tests).Order(StringComparer.Ordinal));
    }

    private static List<string> ControllerViolations(ModuleDefinition module) => Dependencies(module)
        .Where(d => IsController(d.To) && FeatureOf(d.To) is { } feature && FeatureOf(d.From) != feature)
        .Select(d => $"{d.From.FullName} -> {d.To.FullName}")
        .Distinct().ToList();

    private static List<string> InternalsViolations(ModuleDefinition module)
    {
        var violations = new List<string>();
        foreach (var (from, to, member) in Dependencies(module))
        {
            if (FeatureOf(to) is not { } feature || FeatureOf(from) == feature) continue;
            if (!IsVisible(to)) violations.Add($"{from.FullName} -> type {to.FullName}");
            else if (member is not null && !member.IsPublic()) violations.Add($"{from.FullName} -> member {to.FullName}::{member.Name}");
        }
        return violations.Distinct().ToList();
    }

    [Fact]
    public void OnlyTheHostReachesTheCommands()
    {
        var violations = Dependencies(Web.Value)
            .Where(d => d.To.Namespace.StartsWith("NetworkMaintenance.Web.Commands", StringComparison.Ordinal)
                && !d.From.Namespace.StartsWith("NetworkMaintenance.Web.Commands", StringComparison.Ordinal)
                && d.From.FullName is not ("Program" or "NetworkMaintenance.Web.AppHost"))
            .Select(d => $"{d.From.FullName} -> {d.To.FullName}").Distinct().ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void TheAnalysisSeesDependenciesInBodiesLambdasAndSignatures()
    {
        var found = Dependencies(Web.Value).Select(d => (d.From.FullName, d.To.FullName)).ToHashSet();
        // A static field used in a method body (the pass's counter).
        Assert.Contains(("NetworkMaintenance.Web.Features.Sla.SlaMonitor", "NetworkMaintenance.Web.Infrastructure.AppTelemetry"), found);
        // A type constructed only inside a lambda (the closure counts for the class that wrote it).
        Assert.Contains(("NetworkMaintenance.Web.Infrastructure.PublicRateLimits", "NetworkMaintenance.Web.Infrastructure.LoginAttempts"), found);
        // A constructor parameter across features (through its public interface).
        Assert.Contains(("NetworkMaintenance.Web.Features.Reports.ReportHandOver", "NetworkMaintenance.Web.Features.Audit.IAuditLog"), found);
        Assert.Equal("Reports", FeatureOf(Web.Value.GetType("NetworkMaintenance.Web.Features.Reports.ReportService")));
        Assert.Equal("Admin", FeatureOf(Web.Value.GetType("NetworkMaintenance.Web.Features.Admin.Users.UsersController")));
    }

    private static bool IsWebStack(string name) =>
        WebStack.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    /// <summary>The feature folder of a type (its first namespace segment under Features), or null outside Features.</summary>
    private static string? FeatureOf(TypeDefinition type)
    {
        var ns = Outermost(type).Namespace;
        return ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal) ? ns[FeaturesNamespace.Length..].Split('.')[0] : null;
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private static bool IsController(TypeDefinition type) =>
        type.BaseType?.FullName is "Microsoft.AspNetCore.Mvc.Controller" or "Microsoft.AspNetCore.Mvc.ControllerBase";

    private static bool IsVisible(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (!(t.IsPublic || t.IsNestedPublic)) return false;
        }
        return true;
    }

    /// <summary>Every (declaring type, used type, used member) of a module, types of the module itself only.</summary>
    private static IEnumerable<(TypeDefinition From, TypeDefinition To, IMemberDefinition? Member)> Dependencies(ModuleDefinition module)
    {
        foreach (var type in module.GetTypes())
        {
            var from = Outermost(type);
            if (from.Namespace.Length == 0 && from.Name.StartsWith('<')) continue; // <Module>, <PrivateImplementationDetails>
            foreach (var (to, member) in Uses(type))
            {
                foreach (var target in Locals(module, to))
                {
                    if (Outermost(target) == from) continue;
                    // The member belongs to the referenced type itself, not to its generic arguments.
                    var definedBy = member is null || member.DeclaringType.GetElementType().Scope != module ? null : LocalMember(member);
                    yield return (from, target, definedBy?.DeclaringType == target ? definedBy : null);
                }
            }
        }
    }

    private static IEnumerable<(TypeReference Type, MemberReference? Member)> Uses(TypeDefinition type)
    {
        if (type.BaseType is not null) yield return (type.BaseType, null);
        foreach (var i in type.Interfaces) yield return (i.InterfaceType, null);
        foreach (var a in type.CustomAttributes) yield return (a.AttributeType, null);
        foreach (var f in type.Fields) yield return (f.FieldType, null);
        foreach (var p in type.Properties) yield return (p.PropertyType, null);
        foreach (var m in type.Methods)
        {
            yield return (m.ReturnType, null);
            foreach (var p in m.Parameters) yield return (p.ParameterType, null);
            foreach (var a in m.CustomAttributes) yield return (a.AttributeType, null);
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) yield return (v.VariableType, null);
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return (t, null);
                        break;
                    case MethodReference method:
                        yield return (method.DeclaringType, method);
                        yield return (method.ReturnType, null);
                        if (method is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments) yield return (argument, null);
                        }
                        break;
                    case FieldReference field:
                        yield return (field.DeclaringType, field);
                        break;
                }
            }
        }
    }

    /// <summary>The types of this module named by <paramref name="reference"/>: itself, or the element and arguments of an array or generic.</summary>
    private static IEnumerable<TypeDefinition> Locals(ModuleDefinition module, TypeReference reference)
    {
        switch (reference)
        {
            case GenericInstanceType generic:
                foreach (var local in generic.GenericArguments.Prepend(generic.ElementType).SelectMany(t => Locals(module, t))) yield return local;
                yield break;
            case TypeSpecification specification:
                foreach (var local in Locals(module, specification.ElementType)) yield return local;
                yield break;
            case GenericParameter:
                yield break;
        }
        if (reference.Scope == module && SafeResolve(reference) is { } definition) yield return definition;
    }

    private static TypeDefinition? SafeResolve(TypeReference reference)
    {
        try
        {
            var definition = reference.Resolve();
            return definition?.Module == reference.Module ? definition : null;
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }

    private static IMemberDefinition? LocalMember(MemberReference member)
    {
        try
        {
            return member switch
            {
                MethodReference m => m.Resolve(),
                FieldReference f => f.Resolve(),
                _ => null,
            };
        }
        catch (AssemblyResolutionException)
        {
            return null;
        }
    }
}

internal static class MemberVisibility
{
    /// <summary>Public, or visible to a derived type anywhere (protected): not internal or private.</summary>
    public static bool IsPublic(this IMemberDefinition member) => member switch
    {
        MethodDefinition m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldDefinition f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        _ => true,
    };
}
