using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace NetworkMaintenance.UnitTests.Architecture;

/// <summary>
/// Settings reach services as validated options classes (bound and checked at start with <c>ValidateOnStart</c>,
/// docs/operations.md "Settings"), never as raw configuration: no class of the web project is constructed with
/// <see cref="IConfiguration"/> or keeps it in a field. Only start-up code (static registration methods) reads it.
/// The start-up checks themselves are proven by the integration test <c>SettingsCheckedAtStart</c>.
/// </summary>
public sealed class SettingsAreOptions
{
    [Fact]
    public void NoServiceIsGivenRawConfiguration()
    {
        var types = typeof(Program).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract).ToList();
        Assert.True(types.Count > 100, $"only {types.Count} types");

        var offenders = types
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                    .SelectMany(c => c.GetParameters()).Select(p => (Type: t, Uses: p.ParameterType))
                .Concat(t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                    .Select(f => (Type: t, Uses: f.FieldType))))
            .Where(x => typeof(IConfiguration).IsAssignableFrom(x.Uses))
            .Select(x => $"{x.Type.FullName} uses {x.Uses.Name}")
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, "Bind an options class instead of reading configuration:\n" + string.Join("\n", offenders));
    }
}
