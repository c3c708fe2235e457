using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Tests.Shared;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// Any user may protect their account with an authenticator app (TOTP). Each test uses its own demo account, so
/// the tests of the class share one database without depending on their order. Codes are computed from the key
/// the page shows with the tests' own RFC 6238 implementation, as a phone would.
/// </summary>
public sealed class TwoFactorAuthentication(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EnrollmentShowsTheKeyAndAQrCode_ThenNeedsACorrectCodeFromTheApp()
    {
        using var session = await WebSession.SignedInAsync(factory, "pelapor");

        using (var status = await session.GetAsync("/akun/2fa"))
        {
            await HttpAssert.RedirectsToAsync(status, "/akun/2fa/aktifkan");
        }
        var page = await session.GetPageAsync("/akun/2fa/aktifkan");
        var text = WebPageHelpers.Text(page);
        Assert.Contains("Status: Tidak aktif", text);
        // The QR code: one well-formed, labelled SVG with a single path, written by the view (no raw markup).
        var svg = System.Xml.Linq.XElement.Parse(System.Text.RegularExpressions.Regex.Match(page, "<svg.*?</svg>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value);
        Assert.Equal("qr-code", (string?)svg.Attribute("data-testid"));
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Kode QR untuk aplikasi autentikator", (string?)svg.Attribute("aria-label"));
        Assert.Null(svg.Attribute("style"));
        Assert.StartsWith("M4 4h7", (string)svg.Elements().Single(e => e.Name.LocalName == "path").Attribute("d")!, StringComparison.Ordinal);
        var key = WebSession.SharedKeyOf(page);
        Assert.Equal(await session.AuthenticatorKeyAsync("pelapor"), key, ignoreCase: true);
        // Shown in groups of four for typing it by hand.
        Assert.Matches("data-testid=\"shared-key\">([a-z2-7]{4} ){7}[a-z2-7]{4}<", page);

        // A code that is not the app's: refused, with the reason in Indonesian; nothing changes.
        var wrong = Totp.At(key, DateTimeOffset.UtcNow.AddMinutes(-10));
        using (var refused = await session.PostFormAsync("/akun/2fa/aktifkan", new Form().Set("Code", wrong)))
        {
            Assert.Contains(TwoFactorController.WrongCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(refused)));
        }
        using (var malformed = await session.PostFormAsync("/akun/2fa/aktifkan", new Form().Set("Code", "12ab")))
        {
            Assert.Contains("Kode verifikasi harus 6 angka", WebPageHelpers.Text(await HttpAssert.OkPageAsync(malformed)));
        }
        Assert.False((await factory.FindUserAsync("pelapor"))!.TwoFactorEnabled);

        var enrollment = await session.EnrollAuthenticatorAsync();

        Assert.Equal(key, enrollment.SharedKey);
        Assert.Equal(10, enrollment.RecoveryCodes.Count);
        Assert.Equal(10, enrollment.RecoveryCodes.Distinct().Count());
        Assert.True((await factory.FindUserAsync("pelapor"))!.TwoFactorEnabled);
        var status2 = WebPageHelpers.Text(await session.GetPageAsync("/akun/2fa"));
        Assert.Contains("Status: Aktif", status2);
        Assert.Contains("Sisa kode pemulihan: 10 dari 10", status2);
        // The recovery codes are shown once only.
        using var again = await session.GetAsync("/akun/2fa/kode-pemulihan");
        await HttpAssert.RedirectsToAsync(again, "/akun/2fa");
    }

    [Fact]
    public async Task AfterEnrollingSignInAsksForTheCode_RefusesAWrongOne_AcceptsTheRightOne()
    {
        const string user = "pelapor.dinkes";
        string key;
        using (var first = await WebSession.SignedInAsync(factory, user))
        {
            key = (await first.EnrollAuthenticatorAsync()).SharedKey;
            await first.LogoutAsync();
        }

        using var session = WebSession.Create(factory);
        using var password = await session.TryLoginAsync(user, UserProvisioning.DemoPassword);
        var secondStep = await HttpAssert.RedirectsToAsync(password, "/masuk/2fa");
        // The password alone signs nobody in.
        using (var home = await session.GetAsync("/"))
        {
            await HttpAssert.RedirectsToAsync(home, "/masuk");
        }

        using (var wrong = await session.SubmitTwoFactorCodeAsync(secondStep, Totp.At(key, DateTimeOffset.UtcNow.AddMinutes(-10))))
        {
            Assert.Contains(AccountController.WrongTwoFactorCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(wrong)));
        }
        using (var empty = await session.SubmitTwoFactorCodeAsync(secondStep, ""))
        {
            var text = WebPageHelpers.Text(await HttpAssert.OkPageAsync(empty));
            Assert.Contains("Kode verifikasi wajib diisi.", text);
            Assert.DoesNotContain("required", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(1, (await factory.FindUserAsync(user))!.AccessFailedCount);

        using (var right = await session.SubmitTwoFactorCodeAsync(secondStep, Totp.Now(key)))
        {
            Assert.Equal("/", await HttpAssert.RedirectsToAsync(right, "/"));
        }
        Assert.Contains("Selamat datang", WebPageHelpers.Text(await session.GetPageAsync("/")));
        Assert.Equal(0, (await factory.FindUserAsync(user))!.AccessFailedCount);
    }

    [Fact]
    public async Task WrongCodesCountTowardTheLockoutLikeWrongPasswords()
    {
        const string user = "kabid.ikp";
        string key;
        using (var first = await WebSession.SignedInAsync(factory, user))
        {
            key = (await first.EnrollAuthenticatorAsync()).SharedKey;
        }

        using var session = WebSession.Create(factory);
        using var password = await session.TryLoginAsync(user, UserProvisioning.DemoPassword);
        var secondStep = await HttpAssert.RedirectsToAsync(password, "/masuk/2fa");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await session.SubmitTwoFactorCodeAsync(secondStep, Totp.At(key, DateTimeOffset.UtcNow.AddMinutes(-10 - attempt)));
            Assert.Contains(AccountController.WrongTwoFactorCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(wrong)));
        }
        using (var fifth = await session.SubmitTwoFactorCodeAsync(secondStep, Totp.At(key, DateTimeOffset.UtcNow.AddMinutes(-20))))
        {
            Assert.Contains(AccountController.LockedOutMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(fifth)));
        }

        using var right = await session.SubmitTwoFactorCodeAsync(secondStep, Totp.Now(key));

        Assert.Contains(AccountController.LockedOutMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(right)));
        Assert.True((await factory.FindUserAsync(user))!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceOnly()
    {
        const string user = "kasi.aplikasi";
        IReadOnlyList<string> codes;
        using (var first = await WebSession.SignedInAsync(factory, user))
        {
            codes = (await first.EnrollAuthenticatorAsync()).RecoveryCodes;
        }

        using (var session = WebSession.Create(factory))
        {
            using var password = await session.TryLoginAsync(user, UserProvisioning.DemoPassword);
            var secondStep = await HttpAssert.RedirectsToAsync(password, "/masuk/2fa");
            Assert.Contains("/masuk/pemulihan", await session.GetPageAsync(secondStep), StringComparison.Ordinal);

            // Typed in lower case and without the dash: still the same code.
            using var recovered = await session.PostFormAsync("/masuk/pemulihan",
                new Form().Set("RecoveryCode", codes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()));

            Assert.Equal("/", await HttpAssert.RedirectsToAsync(recovered, "/"));
            Assert.Contains("Sisa kode pemulihan: 9 dari 10", WebPageHelpers.Text(await session.GetPageAsync("/akun/2fa")));
        }

        using var replay = WebSession.Create(factory);
        using (var password = await replay.TryLoginAsync(user, UserProvisioning.DemoPassword))
        {
            await HttpAssert.RedirectsToAsync(password, "/masuk/2fa");
        }
        using (var reused = await replay.PostFormAsync("/masuk/pemulihan", new Form().Set("RecoveryCode", codes[0])))
        {
            Assert.Contains(AccountController.WrongRecoveryCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(reused)));
        }
        // A wrong recovery code counts toward the lockout, like a wrong password or authenticator code.
        Assert.Equal(1, (await factory.FindUserAsync(user))!.AccessFailedCount);
        using (var home = await replay.GetAsync("/"))
        {
            await HttpAssert.RedirectsToAsync(home, "/masuk");
        }
        using var another = await replay.PostFormAsync("/masuk/pemulihan", new Form().Set("RecoveryCode", codes[1]));
        Assert.Equal("/", await HttpAssert.RedirectsToAsync(another, "/"));
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldOnes()
    {
        const string user = "teknisi2";
        using var session = await WebSession.SignedInAsync(factory, user);
        var old = (await session.EnrollAuthenticatorAsync()).RecoveryCodes;

        using var regenerate = await session.SubmitFormAsync("/akun/2fa", "/akun/2fa/kode-pemulihan", []);
        var fresh = WebPageHelpers.Text(await session.GetPageAsync(await HttpAssert.RedirectsToAsync(regenerate, "/akun/2fa/kode-pemulihan")));

        Assert.Contains("Kode pemulihan baru telah dibuat.", fresh);
        Assert.DoesNotContain(old[0], fresh);
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByNameAsync(user))!;
            Assert.Equal(10, await users.CountRecoveryCodesAsync(account));
            Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(account, old[0])).Succeeded);
        });
    }

    [Fact]
    public async Task RememberingTheDeviceSkipsTheCodeOnThatBrowserOnly()
    {
        const string user = "kasi";
        string key;
        using (var first = await WebSession.SignedInAsync(factory, user))
        {
            key = (await first.EnrollAuthenticatorAsync()).SharedKey;
        }

        using var session = WebSession.Create(factory);
        using (var password = await session.TryLoginAsync(user, UserProvisioning.DemoPassword))
        {
            var secondStep = await HttpAssert.RedirectsToAsync(password, "/masuk/2fa");
            using var remembered = await session.SubmitTwoFactorCodeAsync(secondStep, Totp.Now(key), rememberMachine: true);
            await HttpAssert.RedirectsToAsync(remembered, "/");
        }
        await session.LogoutAsync();

        using (var again = await session.TryLoginAsync(user, UserProvisioning.DemoPassword))
        {
            Assert.Equal("/", await HttpAssert.RedirectsToAsync(again, "/"));
        }
        using var otherBrowser = WebSession.Create(factory);
        using var elsewhere = await otherBrowser.TryLoginAsync(user, UserProvisioning.DemoPassword);
        await HttpAssert.RedirectsToAsync(elsewhere, "/masuk/2fa");
    }

    [Fact]
    public async Task ResettingTheKeyRetiresTheOldOneUntilTheNewOneIsConfirmed()
    {
        const string user = "kadis";
        using var session = await WebSession.SignedInAsync(factory, user);
        var oldKey = (await session.EnrollAuthenticatorAsync()).SharedKey;

        using (var reset = await session.SubmitFormAsync("/akun/2fa", "/akun/2fa/atur-ulang", []))
        {
            await HttpAssert.RedirectsToAsync(reset, "/akun/2fa/aktifkan");
        }
        var page = await session.GetPageAsync("/akun/2fa/aktifkan");
        var newKey = WebSession.SharedKeyOf(page);
        Assert.NotEqual(oldKey, newKey);
        Assert.False((await factory.FindUserAsync(user))!.TwoFactorEnabled);
        // A code from the old key (the old phone) no longer confirms anything.
        using (var stale = await session.PostFormAsync("/akun/2fa/aktifkan", new Form().Set("Code", Totp.Now(oldKey))))
        {
            Assert.Contains(TwoFactorController.WrongCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(stale)));
        }

        Assert.Equal(newKey, (await session.EnrollAuthenticatorAsync()).SharedKey);
        Assert.True((await factory.FindUserAsync(user))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task DisablingNeedsThePassword_ThenSignInIsPasswordOnlyAgain()
    {
        const string user = "petugas";
        using var session = await WebSession.SignedInAsync(factory, user);
        await session.EnrollAuthenticatorAsync();

        using (var wrong = await session.SubmitFormAsync("/akun/2fa", "/akun/2fa/nonaktifkan", new Form().Set("Password", "BukanSandi#2026")))
        {
            await HttpAssert.RedirectsToAsync(wrong, "/akun/2fa");
        }
        Assert.Contains("Kata sandi salah. Autentikasi dua faktor tetap aktif.", WebPageHelpers.Text(await session.GetPageAsync("/akun/2fa")));
        Assert.True((await factory.FindUserAsync(user))!.TwoFactorEnabled);

        using (var disable = await session.SubmitFormAsync("/akun/2fa", "/akun/2fa/nonaktifkan",
                   new Form().Set("Password", UserProvisioning.DemoPassword)))
        {
            await HttpAssert.RedirectsToAsync(disable, "/akun/2fa/aktifkan");
        }
        Assert.False((await factory.FindUserAsync(user))!.TwoFactorEnabled);
        Assert.Contains("Autentikasi dua faktor dinonaktifkan.", WebPageHelpers.Text(await session.GetPageAsync("/akun/2fa/aktifkan")));
        await session.LogoutAsync();

        using var again = await session.TryLoginAsync(user, UserProvisioning.DemoPassword);
        Assert.Equal("/", await HttpAssert.RedirectsToAsync(again, "/"));
    }

    [Fact]
    public async Task TheSecondStepWithoutAPasswordFirstSendsBackToTheLoginForm()
    {
        using var session = WebSession.Create(factory);

        using var page = await session.GetAsync("/masuk/2fa");

        await HttpAssert.RedirectsToAsync(page, "/masuk");
        Assert.Contains(AccountController.SecondStepExpiredMessage, WebPageHelpers.Text(await session.GetPageAsync("/masuk")));
    }

    [Fact]
    public async Task TheUserMenuLinksToTheSecurityPage()
    {
        using var session = await WebSession.SignedInAsync(factory, "teknisi");

        var home = await session.GetPageAsync("/");

        Assert.Contains("href=\"/akun/2fa\"", home, StringComparison.Ordinal);
        Assert.Contains("Autentikasi dua faktor", WebPageHelpers.Text(home));
    }
}
