using FluentValidation;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NetworkMaintenance.UnitTests.Validators;

/// <summary>
/// Every validator of the web project has unit tests: some class of this folder creates it (<c>new XValidator()</c>)
/// and checks what it says. A new validator without tests fails here, naming it.
/// </summary>
public sealed class EveryValidatorIsTested
{
    [Fact]
    public void EveryValidatorIsCreatedByATestOfThisFolder()
    {
        var validators = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && IsValidator(t))
            .Select(t => t.FullName!)
            .ToList();
        Assert.True(validators.Count >= 20, $"only {validators.Count} validators found");

        using var tests = ModuleDefinition.ReadModule(typeof(EveryValidatorIsTested).Assembly.Location);
        var created = AllTypes(tests.Types)
            .Where(t => t.Namespace == typeof(EveryValidatorIsTested).Namespace || t.DeclaringType?.Namespace == typeof(EveryValidatorIsTested).Namespace)
            .SelectMany(t => t.Methods)
            .Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode == OpCodes.Newobj && i.Operand is MethodReference)
            .Select(i => ((MethodReference)i.Operand).DeclaringType.FullName)
            .ToHashSet(StringComparer.Ordinal);

        var untested = validators.Where(v => !created.Contains(v)).Order(StringComparer.Ordinal).ToList();
        Assert.True(untested.Count == 0, "Validators without unit tests in tests/NetworkMaintenance.UnitTests/Validators:\n"
            + string.Join("\n", untested));
    }

    private static bool IsValidator(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)) return true;
        }
        return false;
    }

    private static IEnumerable<TypeDefinition> AllTypes(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => new[] { t }.Concat(AllTypes(t.NestedTypes)));
}
