using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Tests.Shared;
using NetworkMaintenance.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkMaintenance.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: a fresh browser context and page per test, every request that does not go to
/// the app on the loopback interface aborted, and a screenshot (plus the page's HTML) kept when a test fails.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Screenshots of failed tests, next to the test assembly.</summary>
    public static readonly string ArtifactsDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly List<string> _blockedRequests = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _policyViolations = [];
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserFixture Fixture { get; } = fixture;

    protected ITestOutputHelper Output { get; } = output;

    protected IPage Page => _page ?? throw new InvalidOperationException("The page is not open.");

    /// <summary>The context every test starts from; a test class may change the viewport.</summary>
    protected virtual BrowserNewContextOptions ContextOptions() => new()
    {
        BaseURL = Fixture.BaseAddress.ToString(),
        Locale = "id-ID",
        TimezoneId = "Asia/Jakarta",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    };

    public async Task InitializeAsync()
    {
        _context = await Fixture.Browser.NewContextAsync(ContextOptions());
        // Context-wide, so that it covers every page of the test (page.RouteAsync would cover only one).
        await _context.RouteAsync("**/*", async route =>
        {
            if (IsLoopback(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (_blockedRequests) _blockedRequests.Add(route.Request.Url);
                await route.AbortAsync("blockedbyclient");
            }
        });
        // Every Content-Security-Policy violation on any page of the test is reported on the console, where the
        // handler below collects it (Chromium also logs its own "Refused to ..." message there).
        await _context.AddInitScriptAsync(ReportPolicyViolations);
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) =>
        {
            lock (_pageErrors) _pageErrors.Add(error);
        };
        _page.Console += (_, message) =>
        {
            if (message.Type == "error" && IsPolicyViolation(message.Text))
            {
                lock (_policyViolations) _policyViolations.Add(message.Text);
            }
        };
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
    }

    /// <summary>
    /// Runs the body of a test; when it fails, saves a full-page screenshot and the HTML under
    /// <see cref="ArtifactsDirectory"/>. Afterwards checks that the pages neither threw a script error nor
    /// tried to reach anything but the app (no CDN, no third-party calls).
    /// </summary>
    protected async Task RunAsync(Func<Task> body, string? variant = null, [CallerMemberName] string test = "")
    {
        try
        {
            await body();
            lock (_pageErrors) Assert.True(_pageErrors.Count == 0, "Script errors on the page: " + string.Join(" | ", _pageErrors));
            Assert.True(PolicyViolations.Count == 0, "Content-Security-Policy violations: " + string.Join(" | ", PolicyViolations));
            lock (_blockedRequests) Assert.True(_blockedRequests.Count == 0, "Requests outside the app: " + string.Join(" | ", _blockedRequests));
        }
        catch
        {
            await SaveArtifactsAsync(GetType().Name + "." + test + (variant is null ? "" : "-" + variant));
            throw;
        }
    }

    /// <summary>What the pages of this test reported as Content-Security-Policy violations so far.</summary>
    protected IReadOnlyList<string> PolicyViolations
    {
        get { lock (_policyViolations) return [.. _policyViolations]; }
    }

    private const string ReportPolicyViolations = """
        document.addEventListener('securitypolicyviolation', function (e) {
            console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
                ' at ' + e.sourceFile + ':' + e.lineNumber);
        });
        """;

    private static bool IsPolicyViolation(string text) =>
        text.StartsWith("CSP violation:", StringComparison.Ordinal)
        || text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Asserts that the page does not scroll sideways, measured once its load event has fired. After a click the page's
    /// text can be there before its stylesheets are applied (a click, unlike <c>GotoAsync</c>, does not wait for the load
    /// event), and the unstyled page is wider than a phone.
    /// </summary>
    protected async Task AssertNoSidewaysScrollAsync(string what)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        // Against the viewport without its scrollbar (clientWidth), the strictest of the widths.
        var sizes = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(sizes[0] <= sizes[1], $"{what} is {sizes[0]}px wide in a {sizes[1]}px viewport ({await OverflowingElementsAsync()}).");
    }

    /// <summary>The elements that reach past the window's right edge (the outermost few), to say what overflows.</summary>
    protected Task<string> OverflowingElementsAsync() => Page.EvaluateAsync<string>("""
        () => Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
            .slice(0, 4)
            .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
            .join(', ')
        """);

    /// <summary>
    /// Opens the user menu of the top bar and waits until it is open. At phone width the bar is folded into its toggler:
    /// that is opened first, and its slide has ended (the bar shown) before the menu is clicked.
    /// </summary>
    protected async Task OpenUserMenuAsync()
    {
        var toggler = Page.Locator(".navbar-toggler");
        if (await toggler.IsVisibleAsync())
        {
            await toggler.ClickAsync();
            // Bootstrap marks the bar "collapsing" during its slide and "collapse show" once it ended.
            await Expect(Page.Locator(".navbar-collapse.show")).ToBeVisibleAsync();
        }
        var menu = Page.GetByTestId("user-menu");
        await menu.ClickAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
    }

    /// <summary>
    /// Signs in through the /masuk form by typing into it and clicking the button, as a person does, and takes the
    /// second step when the app asks for one: the code from the authenticator app for an account with two-factor
    /// authentication, or enrolling an authenticator (an administrator's first sign-in; see
    /// <see cref="EnrollAuthenticatorAsync"/>). A wrong password leaves the page on the login form with its errors.
    /// </summary>
    protected async Task SignInAsync(string userName, string password = UserProvisioning.DemoPassword)
    {
        await SubmitPasswordAsync(userName, password);

        // Whatever page comes next: signed in (the user menu, also on the enrollment page), the login form again
        // with its errors, or the second step.
        var secondStep = Page.Locator("form[action='/masuk/2fa']");
        await Page.Locator("[data-testid=user-menu], [data-testid=errors], form[action='/masuk/2fa']").First
            .WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (await secondStep.CountAsync() > 0)
        {
            await EnterAuthenticatorCodeAsync(userName);
        }
        else if (new Uri(Page.Url).AbsolutePath == "/akun/2fa/aktifkan")
        {
            await EnrollAuthenticatorAsync();
        }
        // The page after signing in came from a click: what a test measures on it needs its stylesheets.
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Fills and submits the login form only.</summary>
    protected async Task SubmitPasswordAsync(string userName, string password = UserProvisioning.DemoPassword)
    {
        await Page.GotoAsync("/masuk");
        await Page.GetByLabel("Nama pengguna", new() { Exact = true }).PressSequentiallyAsync(userName);
        await Page.GetByLabel("Kata sandi", new() { Exact = true }).PressSequentiallyAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
    }

    /// <summary>On /masuk/2fa: types the code the user's authenticator app shows now and submits it.</summary>
    protected async Task EnterAuthenticatorCodeAsync(string userName)
    {
        var key = await AuthenticatorKeyAsync(userName)
            ?? throw new InvalidOperationException($"{userName} is asked for a code but has no authenticator key.");
        await UsedAuthenticatorCodes.ForgetAsync(Fixture.App.Services);
        await Page.GetByLabel("Kode verifikasi", new() { Exact = true }).PressSequentiallyAsync(Totp.Now(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi", Exact = true }).ClickAsync();
        await Expect(Page.Locator("form[action='/masuk/2fa']")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// On the enrollment page: reads the shared key shown beside the QR code, types the code an authenticator app
    /// computes from it, reads the ten recovery codes and continues. Returns the key and the codes.
    /// </summary>
    protected async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrollAuthenticatorAsync()
    {
        var key = (await Page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Page.GetByLabel("Kode verifikasi", new() { Exact = true }).PressSequentiallyAsync(Totp.Now(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan", Exact = true }).ClickAsync();
        var codes = Page.GetByTestId("recovery-codes").Locator("li");
        await Expect(codes).ToHaveCountAsync(10);
        var recoveryCodes = await codes.AllInnerTextsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Saya sudah menyimpan kode ini — lanjutkan" }).ClickAsync();
        await Expect(Page.GetByTestId("recovery-codes")).ToHaveCountAsync(0);
        return (key, recoveryCodes.ToList());
    }

    /// <summary>The key the user's authenticator app holds (the app's stored copy).</summary>
    protected async Task<string?> AuthenticatorKeyAsync(string userName)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        return await users.GetAuthenticatorKeyAsync(user);
    }

    private async Task SaveArtifactsAsync(string name)
    {
        if (_page is null || _page.IsClosed) return;
        try
        {
            Directory.CreateDirectory(ArtifactsDirectory);
            var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
            var stem = Path.Combine(ArtifactsDirectory, $"{safe}-{DateTime.UtcNow:yyyyMMddHHmmss}");
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await _page.ContentAsync());
            Output.WriteLine($"Failure at {_page.Url}; screenshot: {stem}.png");
        }
        catch (PlaywrightException e)
        {
            Output.WriteLine("Could not save a screenshot: " + e.Message);
        }
    }

    private static bool IsLoopback(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri)
        || (uri.Scheme is not ("http" or "https" or "ws" or "wss"))
        || uri.Host is "127.0.0.1" or "localhost" or "[::1]";
}
