using System.Net;
using System.Text.RegularExpressions;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// Reads what a browser would read from a page: the antiforgery token of a form, the value of an input,
/// the visible text. Regular expressions are enough for the markup this app renders.
/// </summary>
public static partial class WebPageHelpers
{
    public const string TokenFieldName = "__RequestVerificationToken";

    /// <summary>The antiforgery token of the first form whose action is <paramref name="formAction"/> (any form when null).</summary>
    public static string GetRequestVerificationToken(string html, string? formAction = null)
    {
        var form = formAction is null ? html : GetForm(html, formAction);
        var token = InputValue(form, TokenFieldName);
        return token ?? throw new InvalidOperationException(
            $"No {TokenFieldName} found in {(formAction is null ? "the page" : $"the form posting to {formAction}")}.");
    }

    /// <summary>The HTML of the first &lt;form&gt; whose action attribute is <paramref name="formAction"/>.</summary>
    public static string GetForm(string html, string formAction)
    {
        foreach (Match match in FormRegex().Matches(html))
        {
            var action = AttributeValue(match.Groups["attrs"].Value, "action");
            if (action is not null && string.Equals(WebUtility.HtmlDecode(action), formAction, StringComparison.OrdinalIgnoreCase))
            {
                return match.Value;
            }
        }
        throw new InvalidOperationException($"The page has no form posting to {formAction}.");
    }

    public static bool HasForm(string html, string formAction) =>
        FormRegex().Matches(html).Any(m => string.Equals(
            WebUtility.HtmlDecode(AttributeValue(m.Groups["attrs"].Value, "action") ?? ""), formAction,
            StringComparison.OrdinalIgnoreCase));

    /// <summary>The decoded value attribute of the first input named <paramref name="name"/>, or null.</summary>
    public static string? InputValue(string html, string name)
    {
        foreach (Match match in InputRegex().Matches(html))
        {
            var attrs = match.Groups["attrs"].Value;
            if (AttributeValue(attrs, "name") == name)
            {
                var value = AttributeValue(attrs, "value");
                return value is null ? "" : WebUtility.HtmlDecode(value);
            }
        }
        return null;
    }

    /// <summary>The decoded content of the first textarea named <paramref name="name"/>, or null.</summary>
    public static string? TextAreaValue(string html, string name)
    {
        var match = Regex.Match(html, $"<textarea[^>]*name=\"{Regex.Escape(name)}\"[^>]*>(?<v>.*?)</textarea>",
            RegexOptions.Singleline | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    /// <summary>The values of the selected options of the select (or the checked checkboxes) named <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> SelectedValues(string html, string name)
    {
        var values = new List<string>();
        var select = Regex.Match(html, $"<select[^>]*name=\"{Regex.Escape(name)}\"[^>]*>(?<body>.*?)</select>",
            RegexOptions.Singleline | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));
        if (select.Success)
        {
            foreach (Match option in Regex.Matches(select.Groups["body"].Value, "<option(?<attrs>[^>]*)>",
                         RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2)))
            {
                var attrs = option.Groups["attrs"].Value;
                if (HasBooleanAttribute(attrs, "selected"))
                {
                    values.Add(WebUtility.HtmlDecode(AttributeValue(attrs, "value") ?? ""));
                }
            }
            return values;
        }

        foreach (Match match in InputRegex().Matches(html))
        {
            var attrs = match.Groups["attrs"].Value;
            if (AttributeValue(attrs, "name") == name && HasBooleanAttribute(attrs, "checked"))
            {
                values.Add(WebUtility.HtmlDecode(AttributeValue(attrs, "value") ?? ""));
            }
        }
        return values;
    }

    /// <summary>The page's text without tags, decoded, with whitespace collapsed: what a person reads.</summary>
    public static string Text(string html)
    {
        var withoutScripts = Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ",
            RegexOptions.Singleline | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));
        var withoutTags = Regex.Replace(withoutScripts, "<[^>]+>", " ", RegexOptions.None, TimeSpan.FromSeconds(2));
        return WhitespaceRegex().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    private static string? AttributeValue(string attributes, string name)
    {
        var match = Regex.Match(attributes, $"(?:^|\\s){Regex.Escape(name)}\\s*=\\s*(?:\"(?<v>[^\"]*)\"|'(?<v>[^']*)')",
            RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));
        return match.Success ? match.Groups["v"].Value : null;
    }

    private static bool HasBooleanAttribute(string attributes, string name) =>
        Regex.IsMatch(attributes, $"(?:^|\\s){Regex.Escape(name)}(?:\\s|=|/|$)", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));

    [GeneratedRegex("<form(?<attrs>[^>]*)>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input(?<attrs>[^>]*)/?>", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhitespaceRegex();
}
