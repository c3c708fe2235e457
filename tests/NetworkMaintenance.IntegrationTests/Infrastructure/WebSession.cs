using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// One browser: its own cookie jar, no automatic redirects (tests see every 302), forms posted the way a browser
/// posts them — the page is loaded first and the form's real antiforgery token is sent back.
/// </summary>
public sealed class WebSession : IDisposable
{
    private WebSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static WebSession Create(WebApplicationFactory<Program> factory) => Create(factory, new Uri("http://localhost"));

    /// <summary>A session talking to <paramref name="baseAddress"/> (an https:// address makes the requests secure).</summary>
    public static WebSession Create(WebApplicationFactory<Program> factory, Uri baseAddress) => new(factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = baseAddress,
    }));

    /// <summary>A new session signed in as <paramref name="userName"/>.</summary>
    public static async Task<WebSession> SignedInAsync(WebApplicationFactory<Program> factory, string userName,
        string password = UserProvisioning.DemoPassword)
    {
        var session = Create(factory);
        await session.LoginAsAsync(userName, password);
        return session;
    }

    /// <summary>
    /// A browser talking to a real server over TCP (an <see cref="AppProcess"/>), with the cookie jar
    /// <paramref name="cookies"/> (a new one when null), so that a sign-in can be shared by several sessions.
    /// </summary>
    public static WebSession ForAddress(Uri baseAddress, CookieContainer? cookies = null)
    {
        var jar = cookies ?? new CookieContainer();
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = jar };
        return new WebSession(new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) })
        {
            Cookies = jar,
        };
    }

    /// <summary>The cookie jar of a session made by <see cref="ForAddress"/>; null for in-memory sessions.</summary>
    public CookieContainer? Cookies { get; private init; }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GETs a page that must answer 200 and returns its HTML.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}; expected 200.");
        }
        return html;
    }

    /// <summary>GETs <paramref name="url"/> and follows redirects like a browser; returns the last response.</summary>
    public async Task<HttpResponseMessage> GetFollowingRedirectsAsync(string url, int maxRedirects = 5)
    {
        var response = await GetAsync(url);
        for (var i = 0; i < maxRedirects && IsRedirect(response.StatusCode); i++)
        {
            var location = response.Headers.Location!;
            response.Dispose();
            response = await GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }
        return response;
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, finds its form posting to <paramref name="formAction"/>, and posts
    /// <paramref name="fields"/> with that form's antiforgery token.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string formAction,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await GetPageAsync(pageUrl);
        var token = WebPageHelpers.GetRequestVerificationToken(html, formAction);
        return await PostWithTokenAsync(formAction, fields, token);
    }

    /// <summary>Loads the page at <paramref name="url"/> and posts its own form back to the same URL.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SubmitFormAsync(url, url, fields);

    public Task<HttpResponseMessage> PostWithTokenAsync(string url, IEnumerable<KeyValuePair<string, string>> fields,
        string token) =>
        PostRawAsync(url, fields.Append(new(WebPageHelpers.TokenFieldName, token)));

    /// <summary>Posts exactly <paramref name="fields"/>: no token is added.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Signs in through the login form; fails unless the app redirects away from it.</summary>
    public async Task LoginAsAsync(string userName, string password = UserProvisioning.DemoPassword)
    {
        using var response = await TryLoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var text = WebPageHelpers.Text(await response.Content.ReadAsStringAsync());
            throw new InvalidOperationException(
                $"Login as {userName} answered {(int)response.StatusCode}, expected a redirect. Page: {text[..Math.Min(text.Length, 600)]}");
        }
    }

    /// <summary>Posts the login form and returns the response as it is (redirect on success, 200 with errors otherwise).</summary>
    public Task<HttpResponseMessage> TryLoginAsync(string userName, string password) =>
        PostFormAsync("/masuk", [new("UserName", userName), new("Password", password)]);

    public async Task LogoutAsync()
    {
        using var response = await SubmitFormAsync("/", "/keluar", []);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Logout answered {(int)response.StatusCode}.");
    }

    public static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.Redirect or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.MovedPermanently;

    public void Dispose() => Client.Dispose();
}
