using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Small helpers for the hand-written Bootstrap forms: mark an invalid field, point it at its message
/// (aria-describedby) and render that message.
/// </summary>
public static class FormHtml
{
    public static bool HasError(this ViewDataDictionary viewData, string field) =>
        viewData.ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    /// <summary>"is-invalid" when <paramref name="field"/> has an error.</summary>
    public static string InvalidClass(this ViewDataDictionary viewData, string field) =>
        viewData.HasError(field) ? "is-invalid" : "";

    /// <summary>"true" when the field has an error, otherwise null (the attribute is then left out).</summary>
    public static string? AriaInvalid(this ViewDataDictionary viewData, string field) =>
        viewData.HasError(field) ? "true" : null;

    /// <summary>The ids that describe a field: its help text (if any) and its error message (when shown).</summary>
    public static string? DescribedBy(this ViewDataDictionary viewData, string field, string? helpId = null)
    {
        var ids = new List<string>();
        if (helpId is not null) ids.Add(helpId);
        if (viewData.HasError(field)) ids.Add(ErrorId(field));
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static string ErrorId(string field) => field.Replace('.', '-') + "-error";

    /// <summary>The field's messages in a Bootstrap invalid-feedback element, or nothing.</summary>
    public static IHtmlContent FieldError(this IHtmlHelper html, string field)
    {
        if (!html.ViewData.ModelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0) return HtmlString.Empty;
        var div = new TagBuilder("div");
        div.AddCssClass("invalid-feedback d-block");
        div.Attributes["id"] = ErrorId(field);
        div.InnerHtml.Append(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage).Distinct()));
        return div;
    }

    /// <summary>"selected" when the option's value is the current one (for hand-written &lt;option&gt; tags).</summary>
    public static bool Is(string? current, string value) => string.Equals(current, value, StringComparison.Ordinal);
}
