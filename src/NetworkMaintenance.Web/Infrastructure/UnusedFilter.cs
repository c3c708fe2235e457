using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// A list filter the model binder refused (a date outside 1900-2200, or text that is no date) is left unset, so the
/// list runs without it. The lists (<c>/laporan</c>, <c>/buku-tamu</c>, <c>/admin/audit</c>) say so above their filters
/// (partial <c>_UnusedFilter</c>) instead of dropping it silently, and their exports are not made with a filter the user
/// did not get: they send the user back to the list with the same query string, which shows the message.
/// </summary>
public static class UnusedFilter
{
    public const string Suffix = "Filter itu tidak dipakai.";

    /// <summary>The message for the binder's refusals in <paramref name="modelState"/>, or null when every filter was taken.</summary>
    public static string? Message(ModelStateDictionary modelState) =>
        modelState.IsValid
            ? null
            : string.Join(" ", modelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal))
              + " " + Suffix;
}
