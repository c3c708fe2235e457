using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>MVC's own model-binding messages (a number that is not a number, a missing value) in Indonesian.</summary>
internal static class IndonesianModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"Nilai '{value}' tidak valid untuk {field}.");
        p.SetMissingBindRequiredValueAccessor(field => $"{field} wajib diisi.");
        p.SetMissingKeyOrValueAccessor(() => "Nilai wajib diisi.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Isi permintaan wajib diisi.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Nilai '{value}' tidak valid.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Nilai yang diberikan tidak valid.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Isian harus berupa angka.");
        p.SetUnknownValueIsInvalidAccessor(field => $"Nilai yang diberikan untuk {field} tidak valid.");
        p.SetValueIsInvalidAccessor(value => $"Nilai '{value}' tidak valid.");
        p.SetValueMustBeANumberAccessor(field => $"{field} harus berupa angka.");
        p.SetValueMustNotBeNullAccessor(value => $"Isian wajib diisi.");
    }
}
