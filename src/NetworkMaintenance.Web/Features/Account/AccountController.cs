using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Account;

public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IValidator<LoginInput> loginValidator,
    IValidator<ChangePasswordInput> changePasswordValidator,
    LoginAttempts loginAttempts,
    IAuditLog audit,
    ILogger<AccountController> logger) : Controller
{
    public const string LockedOutMessage =
        "Akun Anda dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit.";
    public const string WrongCredentialsMessage = "Nama pengguna atau kata sandi salah.";
    public const string NotAllowedMessage = "Akun ini tidak aktif. Hubungi administrator.";

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
        if (!loginAttempts.TryAcquire(input.UserName))
        {
            logger.LogWarning("Too many sign-in attempts for {UserName}", input.UserName);
            // No body: the status-code pages show the Indonesian 429 page.
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var result = await signIn.PasswordSignInAsync(input.UserName.Trim(), input.Password, input.RememberMe,
            lockoutOnFailure: true);
        await audit.SignInAsync(input.UserName, result);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserName} signed in", input.UserName);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        logger.LogWarning("Failed sign-in for {UserName} (locked out: {LockedOut}, not allowed: {NotAllowed})",
            input.UserName, result.IsLockedOut, result.IsNotAllowed);
        ModelState.AddModelError("", result.IsLockedOut ? LockedOutMessage
            : result.IsNotAllowed ? NotAllowedMessage
            : WrongCredentialsMessage);
        input.Password = "";
        return View(input);
    }

    [HttpPost("/keluar")]
    public async Task<IActionResult> Logout()
    {
        await audit.WriteAsync(AuditEvents.Logout, $"{User.Identity?.Name} keluar.");
        await signIn.SignOutAsync();
        return Redirect("/masuk");
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
        return Redirect("/");
    }

    [AllowAnonymous, HttpGet("/akses-ditolak")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
