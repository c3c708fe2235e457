using System.Net;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>Assertions on responses that say what went wrong (status, location, page text) when they fail.</summary>
public static class HttpAssert
{
    /// <summary>
    /// Asserts a 429 that says when to come back: a Retry-After header of whole seconds, at least 1 and at most the
    /// one-minute window of the app's limits. Returns the seconds.
    /// </summary>
    public static int RetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Retry-After", out var values), "A 429 without Retry-After.");
        var text = Assert.Single(values);
        Assert.True(int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds),
            $"Retry-After \"{text}\" is not whole seconds.");
        Assert.InRange(seconds, 1, 60);
        return seconds;
    }

    /// <summary>Asserts a redirect whose target path starts with <paramref name="pathPrefix"/>; returns the target.</summary>
    public static async Task<string> RedirectsToAsync(HttpResponseMessage response, string pathPrefix)
    {
        if (!WebSession.IsRedirect(response.StatusCode))
        {
            var text = WebPageHelpers.Text(await response.Content.ReadAsStringAsync());
            Assert.Fail($"Expected a redirect to {pathPrefix}, got {(int)response.StatusCode}. Page: {Excerpt(text)}");
        }
        var location = response.Headers.Location!;
        var target = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        Assert.StartsWith(pathPrefix, target, StringComparison.OrdinalIgnoreCase);
        return target;
    }

    /// <summary>Asserts a 200 page (a form shown again) and returns its HTML.</summary>
    public static async Task<string> OkPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"Expected 200, got {(int)response.StatusCode} {response.Headers.Location}. Page: {Excerpt(WebPageHelpers.Text(html))}");
        }
        return html;
    }

    private static string Excerpt(string text) => text.Length <= 800 ? text : text[..800];
}
