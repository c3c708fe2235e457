using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Web.Features.Audit;

namespace NetworkMaintenance.Web.Features.Account;

public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IValidator<LoginInput> loginValidator,
    IValidator<ChangePasswordInput> changePasswordValidator,
    IValidator<LoginWithTwoFactorInput> twoFactorValidator,
    IValidator<LoginWithRecoveryCodeInput> recoveryCodeValidator,
    IOptionsMonitor<SecurityOptions> security,
    LoginAttempts loginAttempts,
    IAuditLog audit,
    ILogger<AccountController> logger) : Controller
{
    public const string LockedOutMessage =
        "Akun Anda dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.";
    /// <summary>
    /// The one answer to a refused password step, whatever the reason (unknown name, wrong password, account locked
    /// or deactivated), so that nobody learns which accounts exist; the audit log keeps the reason.
    /// </summary>
    public const string WrongCredentialsMessage =
        "Nama pengguna atau kata sandi salah, atau akun sedang tidak dapat dipakai. "
        + "Lima kali gagal mengunci akun selama 15 menit; jika berulang, hubungi administrator.";
    public const string NotAllowedMessage = "Akun ini tidak aktif. Hubungi administrator.";
    public const string WrongTwoFactorCodeMessage =
        "Kode verifikasi salah. Masukkan kode 6 angka yang sedang tampil di aplikasi autentikator Anda.";
    public const string WrongRecoveryCodeMessage = "Kode pemulihan salah atau sudah pernah dipakai.";
    public const string SecondStepExpiredMessage =
        "Waktu untuk memasukkan kode verifikasi telah habis. Silakan masuk kembali dengan nama pengguna dan kata sandi.";

    [AllowAnonymous, HttpGet("/masuk")]
    public IActionResult Login(string? returnUrl = null)
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl(returnUrl));
        return View(new LoginInput { ReturnUrl = returnUrl });
    }

    [AllowAnonymous, HttpPost("/masuk"), EnableRateLimiting(PublicRateLimits.LoginPolicy)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!await loginValidator.ValidateIntoAsync(input, ModelState)) return View(input);
        if (!loginAttempts.TryAcquire(input.UserName, out var retryAfter))
        {
            logger.LogWarning("Too many sign-in attempts for {UserName}", input.UserName);
            PublicRateLimits.SetRetryAfter(Response, retryAfter); // no body: the status-code pages show the Indonesian 429 page
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var result = await signIn.PasswordSignInAsync(input.UserName.Trim(), input.Password, input.RememberMe,
            lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            // The password was right; the sign-in is recorded (success or failure) at the second step.
            return RedirectToAction(nameof(LoginWithTwoFactor), new { returnUrl = input.ReturnUrl ?? "", rememberMe = input.RememberMe ? "true" : "false" });
        }
        await audit.SignInAsync(input.UserName, result);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", input.UserName);
            var user = await users.FindByNameAsync(input.UserName.Trim());
            if (user is not null && await MustEnrollAsync(user))
            {
                // An administrator without an authenticator app: enrollment first, then where they were going. The
                // enrollment page says why (once, as guidance): no error message on top of it.
                return RedirectToAction(nameof(TwoFactorController.Enable), "TwoFactor",
                    new { returnUrl = SafeReturnUrl(input.ReturnUrl) });
            }
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut}, not allowed: {NotAllowed})",
            input.UserName, result.IsLockedOut, result.IsNotAllowed);
        ModelState.AddModelError("", WrongCredentialsMessage);
        input.Password = "";
        return View(input);
    }

    /// <summary>The second step for a user with two-factor authentication: the code from the authenticator app.</summary>
    [AllowAnonymous, HttpGet("/masuk/2fa")]
    public async Task<IActionResult> LoginWithTwoFactor(string? returnUrl = null, bool rememberMe = false)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return SecondStepExpired();
        return View(new LoginWithTwoFactorInput { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [AllowAnonymous, HttpPost("/masuk/2fa"), EnableRateLimiting(PublicRateLimits.LoginPolicy)]
    public async Task<IActionResult> LoginWithTwoFactor(LoginWithTwoFactorInput input)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SecondStepExpired();
        if (!await twoFactorValidator.ValidateIntoAsync(input, ModelState))
        {
            input.Code = "";
            return View(input);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalize(input.Code),
            input.RememberMe, input.RememberMachine);
        await audit.SignInAsync(user.UserName!, result, secondStep: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in with an authenticator code", user.UserName);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        logger.LogWarning("Wrong authenticator code for {UserName} (locked out: {LockedOut})", user.UserName, result.IsLockedOut);
        ModelState.AddModelError(nameof(input.Code), result.IsLockedOut ? LockedOutMessage
            : result.IsNotAllowed ? NotAllowedMessage
            : WrongTwoFactorCodeMessage);
        input.Code = "";
        return View(input);
    }

    /// <summary>The second step with a recovery code instead of the app; each code works once.</summary>
    [AllowAnonymous, HttpGet("/masuk/pemulihan")]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl = null)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return SecondStepExpired();
        return View(new LoginWithRecoveryCodeInput { ReturnUrl = returnUrl });
    }

    [AllowAnonymous, HttpPost("/masuk/pemulihan"), EnableRateLimiting(PublicRateLimits.LoginPolicy)]
    public async Task<IActionResult> LoginWithRecoveryCode(LoginWithRecoveryCodeInput input)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SecondStepExpired();
        if (!await recoveryCodeValidator.ValidateIntoAsync(input, ModelState))
        {
            input.RecoveryCode = "";
            return View(input);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(NormalizeRecoveryCode(input.RecoveryCode!));
        await audit.SignInAsync(user.UserName!, result, secondStep: true);
        if (result.Succeeded)
        {
            logger.LogWarning("User {UserName} signed in with a recovery code ({Left} left)", user.UserName,
                await users.CountRecoveryCodesAsync(user));
            TempData.Success("Anda masuk dengan kode pemulihan; kode itu tidak dapat dipakai lagi. "
                + "Jika ponsel Anda hilang, atur ulang kunci autentikator di halaman Keamanan akun.");
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        logger.LogWarning("Wrong recovery code for {UserName} (locked out: {LockedOut})", user.UserName, result.IsLockedOut);
        ModelState.AddModelError(nameof(input.RecoveryCode), result.IsLockedOut ? LockedOutMessage
            : result.IsNotAllowed ? NotAllowedMessage
            : WrongRecoveryCodeMessage);
        input.RecoveryCode = "";
        return View(input);
    }

    // An administrator who still has to enroll two-factor authentication may sign out too.
    [Authorize(Policy = Policies.SignedIn), HttpPost("/keluar")]
    public async Task<IActionResult> Logout()
    {
        await audit.WriteAsync(AuditEvents.Logout, $"{User.Identity?.Name} keluar.");
        // A new security stamp: a copy of this session's cookie (and every other session of the account) stops
        // working at its next stamp check, at most a minute later, instead of living on for the sliding 10 hours.
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("/akun/kata-sandi")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("/akun/kata-sandi")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        if (!await changePasswordValidator.ValidateIntoAsync(input, ModelState)) return View(new ChangePasswordInput());

        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result);
            return View(new ChangePasswordInput());
        }

        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditEvents.PasswordChanged, $"{user.UserName} mengubah kata sandinya sendiri.", AuditObject.User(user.Id, user.UserName));
        TempData.Success("Kata sandi berhasil diubah.");
        return RedirectToAction(nameof(Home.HomeController.Index), "Home");
    }

    [AllowAnonymous, HttpGet("/akses-ditolak")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private RedirectToActionResult SecondStepExpired()
    {
        TempData.Error(SecondStepExpiredMessage);
        return RedirectToAction(nameof(Login));
    }

    private async Task<bool> MustEnrollAsync(AppUser user) =>
        security.CurrentValue.RequireTwoFactorForAdministrators && !user.TwoFactorEnabled
        && await users.IsInRoleAsync(user, Roles.Administrator);

    /// <summary>Identity's codes look like <c>ABCDE-FGH12</c>; accept them typed in lower case, with spaces or without the dash.</summary>
    public static string NormalizeRecoveryCode(string code)
    {
        var compact = code.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return compact.Length == 10 && !compact.Contains('-', StringComparison.Ordinal)
            ? compact[..5] + "-" + compact[5..]
            : compact;
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
