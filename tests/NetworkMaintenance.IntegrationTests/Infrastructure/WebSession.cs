using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Tests.Shared;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>
/// One browser: its own cookie jar, no automatic redirects (tests see every 302), forms posted the way a browser
/// posts them — the page is loaded first and the form's real antiforgery token is sent back.
/// </summary>
public sealed partial class WebSession : IDisposable
{
    public const string TwoFactorLoginPath = "/masuk/2fa";
    public const string EnrollmentPath = "/akun/2fa/aktifkan";

    // The in-memory app whose database holds the users' authenticator keys; null for a session against a real server.
    private readonly WebApplicationFactory<Program>? _factory;

    private WebSession(WebApplicationFactory<Program>? factory, HttpClient client)
    {
        _factory = factory;
        Client = client;
    }

    public HttpClient Client { get; }

    public static WebSession Create(WebApplicationFactory<Program> factory) => Create(factory, new Uri("http://localhost"));

    /// <summary>A session talking to <paramref name="baseAddress"/> (an https:// address makes the requests secure).</summary>
    public static WebSession Create(WebApplicationFactory<Program> factory, Uri baseAddress) => new(factory, factory.CreateClient(new WebApplicationFactoryClientOptions
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
        return new WebSession(null, new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) })
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
                $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}; expected 200.{await ServerErrorsAsync(response)}");
        }
        return html;
    }

    /// <summary>
    /// For a 5xx answer of an in-memory app: the errors the app logged (its log files under Database:DataDirectory),
    /// so that a failure seen once under load says what broke.
    /// </summary>
    private async Task<string> ServerErrorsAsync(HttpResponseMessage response)
    {
        if ((int)response.StatusCode < 500 || _factory is null) return "";
        var directory = _factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Database:DataDirectory"];
        if (directory is null) return "";
        var text = await AppFactory.ReadLogsAsync(Path.Combine(directory, "logs"));
        var errors = new System.Text.StringBuilder();
        foreach (var entry in Regex.Split(text, @"(?m)^(?=\d{4}-\d{2}-\d{2} )"))
        {
            if (entry.Contains("[ERR]", StringComparison.Ordinal) || entry.Contains("[FTL]", StringComparison.Ordinal)) errors.Append(entry);
        }
        return errors.Length == 0 ? "" : "\nThe app logged:\n" + errors;
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

    /// <summary>
    /// Signs in through the login form as a person does, second step included: the code from the authenticator app
    /// when the user has two-factor authentication, or enrolling one when the app demands it (an administrator's
    /// first sign-in). Fails unless the app finally lets the user in; returns where it sends them.
    /// </summary>
    public async Task<string> LoginAsAsync(string userName, string password = UserProvisioning.DemoPassword)
    {
        using var response = await TryLoginAsync(userName, password);
        return await CompleteSignInAsync(response, userName);
    }

    /// <summary>
    /// Takes a successful password step (<paramref name="loginResponse"/>) to the end: enters the authenticator code
    /// (computed from the key the user's phone holds) or enrolls an authenticator. Returns the final redirect target.
    /// </summary>
    public async Task<string> CompleteSignInAsync(HttpResponseMessage loginResponse, string userName)
    {
        var location = await RedirectTargetAsync(loginResponse, $"Login as {userName}");
        if (location.StartsWith(TwoFactorLoginPath, StringComparison.OrdinalIgnoreCase))
        {
            var key = await AuthenticatorKeyAsync(userName)
                ?? throw new InvalidOperationException($"{userName} is asked for a code but has no authenticator key.");
            using var second = await SubmitTwoFactorCodeAsync(location, Totp.Now(key));
            return await RedirectTargetAsync(second, $"The authenticator code of {userName}");
        }
        if (location.StartsWith(EnrollmentPath, StringComparison.OrdinalIgnoreCase))
        {
            return (await EnrollAuthenticatorAsync(location)).ContinueUrl;
        }
        return location;
    }

    /// <summary>
    /// Posts the second-step form at <paramref name="pageUrl"/> (/masuk/2fa?…) with <paramref name="code"/>. The app
    /// first forgets the authenticator steps already used (<see cref="UsedAuthenticatorCodes"/>) unless
    /// <paramref name="forgetUsedCodes"/> is false.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitTwoFactorCodeAsync(string pageUrl, string code, bool rememberMachine = false,
        bool forgetUsedCodes = true)
    {
        if (forgetUsedCodes && _factory is not null) await UsedAuthenticatorCodes.ForgetAsync(_factory.Services);
        var form = WebPageHelpers.GetForm(await GetPageAsync(pageUrl), TwoFactorLoginPath);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Code", code),
            new("ReturnUrl", WebPageHelpers.InputValue(form, "ReturnUrl") ?? ""),
            new("RememberMe", WebPageHelpers.InputValue(form, "RememberMe") ?? "false"),
        };
        if (rememberMachine) fields.Add(new("RememberMachine", "true"));
        return await PostWithTokenAsync(TwoFactorLoginPath, fields, WebPageHelpers.GetRequestVerificationToken(form));
    }

    /// <summary>
    /// Enrolls an authenticator on the enrollment page as a person does: reads the shared key shown under the QR
    /// code, types the code the app computes from it, and reads the recovery codes shown once.
    /// </summary>
    public async Task<Enrollment> EnrollAuthenticatorAsync(string pageUrl = EnrollmentPath)
    {
        var page = await GetPageAsync(pageUrl);
        var key = SharedKeyOf(page);
        var form = WebPageHelpers.GetForm(page, EnrollmentPath);
        using var confirm = await PostWithTokenAsync(EnrollmentPath,
            [new("Code", Totp.Now(key)), new("ReturnUrl", WebPageHelpers.InputValue(form, "ReturnUrl") ?? "")],
            WebPageHelpers.GetRequestVerificationToken(form));
        var codesPage = await GetPageAsync(await RedirectTargetAsync(confirm, "Enrolling the authenticator"));
        var codes = RecoveryCodeRegex().Matches(codesPage).Select(m => m.Groups["code"].Value).ToList();
        var continueUrl = WebUtility.HtmlDecode(ContinueLinkRegex().Match(codesPage).Groups["href"].Value);
        return new Enrollment(key, codes, continueUrl);
    }

    /// <summary>The shared key as the enrollment page shows it (groups of four, spaces removed).</summary>
    public static string SharedKeyOf(string enrollmentPage)
    {
        var match = SharedKeyRegex().Match(enrollmentPage);
        if (!match.Success) throw new InvalidOperationException("The page shows no shared key.");
        return match.Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The key the user's authenticator app holds (the app's stored copy).</summary>
    public async Task<string?> AuthenticatorKeyAsync(string userName)
    {
        if (_factory is null)
        {
            throw new InvalidOperationException("The second sign-in step needs the in-memory app's database (WebSession.Create).");
        }
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        return await users.GetAuthenticatorKeyAsync(user);
    }

    public sealed record Enrollment(string SharedKey, IReadOnlyList<string> RecoveryCodes, string ContinueUrl);

    private static async Task<string> RedirectTargetAsync(HttpResponseMessage response, string what)
    {
        if (!IsRedirect(response.StatusCode))
        {
            var text = WebPageHelpers.Text(await response.Content.ReadAsStringAsync());
            throw new InvalidOperationException(
                $"{what} answered {(int)response.StatusCode}, expected a redirect. Page: {text[..Math.Min(text.Length, 600)]}");
        }
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [GeneratedRegex("data-testid=\"shared-key\">(?<key>[^<]+)<")]
    private static partial Regex SharedKeyRegex();

    [GeneratedRegex("<li><code>(?<code>[A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodeRegex();

    [GeneratedRegex("<a class=\"btn btn-primary\" href=\"(?<href>[^\"]*)\">Saya sudah menyimpan")]
    private static partial Regex ContinueLinkRegex();

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
