using FluentValidation.Results;

namespace NetworkMaintenance.UnitTests.Validators;

internal static class ValidationAssert
{
    /// <summary>The messages for one property.</summary>
    public static IReadOnlyList<string> MessagesFor(this ValidationResult result, string property) =>
        result.Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToList();

    public static void Valid(ValidationResult result) =>
        Assert.True(result.IsValid, "Expected valid, got: " + string.Join(" | ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));

    /// <summary>Asserts exactly one failing property, <paramref name="property"/>, whose message contains <paramref name="messagePart"/>.</summary>
    public static void OnlyFails(ValidationResult result, string property, string messagePart)
    {
        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(property, e.PropertyName));
        Assert.Contains(result.MessagesFor(property), m => m.Contains(messagePart, StringComparison.Ordinal));
    }
}
