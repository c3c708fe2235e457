using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Web.Features.Audit;

namespace NetworkMaintenance.Web.Features.Account;

/// <summary>
/// "Keamanan akun": enrolling an authenticator app (TOTP, RFC 6238) on ASP.NET Core Identity's built-in support,
/// recovery codes, resetting the key and turning two-factor authentication off. Reachable by every signed-in user,
/// also by an administrator who still has to enroll (<see cref="Policies.SignedIn"/>).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IOptionsMonitor<SecurityOptions> security,
    IValidator<EnableAuthenticatorInput> enableValidator,
    IValidator<DisableTwoFactorInput> disableValidator,
    IAuditLog audit,
    ILogger<TwoFactorController> logger) : Controller
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "Diskominfo Tebing Tinggi";
    public const string WrongCodeMessage =
        "Kode verifikasi salah. Pastikan jam ponsel Anda tepat dan masukkan kode yang sedang tampil di aplikasi.";
    public const string RequiredMessage =
        "Administrator wajib memakai autentikasi dua faktor, sehingga fitur ini tidak dapat dinonaktifkan.";

    private const string RecoveryCodesKey = "nm.recovery-codes";

    [HttpGet("/akun/2fa")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Enable));
        return View(new TwoFactorStatusModel(
            RecoveryCodesLeft: await users.CountRecoveryCodesAsync(user),
            Required: await IsRequiredAsync(user),
            MachineRemembered: await signIn.IsTwoFactorClientRememberedAsync(user)));
    }

    [HttpGet("/akun/2fa/aktifkan")]
    public async Task<IActionResult> Enable(string? returnUrl = null)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        return View(await EnrollmentModelAsync(user, new EnableAuthenticatorInput { ReturnUrl = returnUrl }));
    }

    [HttpPost("/akun/2fa/aktifkan")]
    public async Task<IActionResult> Enable(EnableAuthenticatorInput input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));

        if (await enableValidator.ValidateIntoAsync(input, ModelState)
            && !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider,
                AuthenticatorCode.Normalize(input.Code)))
        {
            ModelState.AddModelError(nameof(input.Code), WrongCodeMessage);
        }
        if (!ModelState.IsValid)
        {
            input.Code = "";
            return View(await EnrollmentModelAsync(user, input));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} enabled two-factor authentication", user.UserName);
        await audit.WriteAsync(AuditEvents.TwoFactorEnabled, $"{user.UserName} mengaktifkan autentikasi dua faktor.", AuditObject.User(user.Id, user.UserName));

        TempData[RecoveryCodesKey] = codes?.ToArray() ?? [];
        TempData.Success("Autentikasi dua faktor aktif. Mulai sekarang, masuk memerlukan kode dari aplikasi autentikator.");
        return RedirectToAction(nameof(RecoveryCodes), new { returnUrl = string.IsNullOrEmpty(input.ReturnUrl) ? null : input.ReturnUrl });
    }

    /// <summary>Shows freshly generated recovery codes, once: they travel in TempData and are never stored readable.</summary>
    [HttpGet("/akun/2fa/kode-pemulihan")]
    public IActionResult RecoveryCodes(string? returnUrl = null)
    {
        if (TempData[RecoveryCodesKey] is not string[] { Length: > 0 } codes) return RedirectToAction(nameof(Index));
        return View(new RecoveryCodesModel(codes, SafeReturnUrl(returnUrl, "/akun/2fa")));
    }

    [HttpPost("/akun/2fa/kode-pemulihan")]
    public async Task<IActionResult> RegenerateRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled)
        {
            TempData.Error("Aktifkan autentikasi dua faktor terlebih dahulu.");
            return RedirectToAction(nameof(Enable));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        logger.LogInformation("User {UserName} generated new recovery codes", user.UserName);
        await audit.WriteAsync(AuditEvents.TwoFactorRecoveryCodesRenewed, $"{user.UserName} membuat kode pemulihan baru.", AuditObject.User(user.Id, user.UserName));
        TempData[RecoveryCodesKey] = codes?.ToArray() ?? [];
        TempData.Success("Kode pemulihan baru telah dibuat. Kode lama tidak berlaku lagi.");
        return RedirectToAction(nameof(RecoveryCodes));
    }

    /// <summary>A new key for a new phone: the old key stops working and the new one must be confirmed with a code.</summary>
    [HttpPost("/akun/2fa/atur-ulang")]
    public async Task<IActionResult> ResetKey()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} reset their authenticator key", user.UserName);
        await audit.WriteAsync(AuditEvents.TwoFactorKeyReset, $"{user.UserName} mengganti kunci autentikator.", AuditObject.User(user.Id, user.UserName));
        TempData.Success("Kunci autentikator telah diganti; kunci lama tidak berlaku lagi. Daftarkan kunci baru di aplikasi autentikator.");
        return RedirectToAction(nameof(Enable));
    }

    [HttpPost("/akun/2fa/nonaktifkan")]
    public async Task<IActionResult> Disable(DisableTwoFactorInput input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Enable));
        if (await IsRequiredAsync(user))
        {
            TempData.Error(RequiredMessage);
            return RedirectToAction(nameof(Index));
        }
        if (!await disableValidator.ValidateIntoAsync(input, ModelState))
        {
            TempData.Error(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
            return RedirectToAction(nameof(Index));
        }
        if (!await users.CheckPasswordAsync(user, input.Password!))
        {
            TempData.Error("Kata sandi salah. Autentikasi dua faktor tetap aktif.");
            return RedirectToAction(nameof(Index));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // The old key must not come back to life when the user enrolls again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserName} disabled two-factor authentication", user.UserName);
        await audit.WriteAsync(AuditEvents.TwoFactorDisabled, $"{user.UserName} menonaktifkan autentikasi dua faktor.", AuditObject.User(user.Id, user.UserName));
        TempData.Success("Autentikasi dua faktor dinonaktifkan. Masuk kini hanya memerlukan kata sandi.");
        return RedirectToAction(nameof(Enable));
    }

    private async Task<bool> IsRequiredAsync(AppUser user) =>
        security.CurrentValue.RequireTwoFactorForAdministrators && await users.IsInRoleAsync(user, Roles.Administrator);

    private async Task<EnrollmentModel> EnrollmentModelAsync(AppUser user, EnableAuthenticatorInput input)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The key change renews the security stamp: renew the cookie too, or the session would end.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = AuthenticatorUri(user.UserName ?? user.Id, key!);
        return new EnrollmentModel(input, FormatKey(key!),
            QrCodeSvg.Of(uri, "Kode QR untuk aplikasi autentikator"),
            Required: await IsRequiredAsync(user));
    }

    /// <summary>The key in groups of four, lower case, as authenticator apps accept it when typed.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The otpauth:// URI of Google's Key Uri Format, which every authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string userName, string key) => string.Format(CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
        Uri.EscapeDataString(Issuer), Uri.EscapeDataString(userName), key);

    private string SafeReturnUrl(string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}

public sealed record TwoFactorStatusModel(int RecoveryCodesLeft, bool Required, bool MachineRemembered);

public sealed record EnrollmentModel(EnableAuthenticatorInput Input, string SharedKey, QrCodeSvg QrCode, bool Required);

public sealed record RecoveryCodesModel(IReadOnlyList<string> Codes, string ContinueUrl);
