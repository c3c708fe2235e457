using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace NetworkMaintenance.Web.Features.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
[Route("admin/pengguna")]
public sealed class UsersController(
    UserAdminService users,
    IValidator<CreateUserInput> createValidator,
    IValidator<UserInput> editValidator,
    IValidator<ResetPasswordInput> resetValidator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(UserListQuery query) =>
        View(new UserListPage(await users.ListAsync(query), query));

    [HttpGet("baru")]
    public async Task<IActionResult> Create() =>
        View(new UserFormPage(null, new CreateUserInput(), await users.GetFormOptionsAsync(), null));

    [HttpPost("baru")]
    public Task<IActionResult> Create(CreateUserInput input) =>
        this.SaveAsync(createValidator, input, () => users.CreateAsync(input), () => CreateForm(input),
            () => $"Pengguna \"{input.UserName.Trim()}\" berhasil dibuat.", RedirectToAction(nameof(Index)));

    [HttpGet("{id}/ubah")]
    public async Task<IActionResult> Edit(string id)
    {
        var (input, status) = await users.GetForEditAsync(id, User.UserId());
        return View(new UserFormPage(id, input, await users.GetFormOptionsAsync(input.OpdId, input.OrgUnitId), status));
    }

    [HttpPost("{id}/ubah")]
    public Task<IActionResult> Edit(string id, UserInput input) =>
        this.SaveAsync(editValidator, input, () => users.UpdateAsync(id, input, User.UserId()), () => EditForm(id, input),
            () => $"Data pengguna \"{input.UserName.Trim()}\" berhasil disimpan.", RedirectToAction(nameof(Index)));

    [HttpPost("{id}/nonaktifkan")]
    public async Task<IActionResult> Deactivate(string id)
    {
        try
        {
            await users.DeactivateAsync(id, User.UserId());
            TempData.Success("Pengguna dinonaktifkan. Sesi yang sedang terbuka akan berakhir dan pengguna tidak dapat masuk lagi.");
        }
        catch (DomainException ex)
        {
            TempData.Error(ex.Message);
        }
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/aktifkan")]
    public async Task<IActionResult> Activate(string id)
    {
        await users.ActivateAsync(id);
        TempData.Success("Pengguna diaktifkan kembali dan dapat masuk lagi.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id}/buka-kunci")]
    public async Task<IActionResult> Unlock(string id)
    {
        await users.UnlockAsync(id);
        TempData.Success("Penguncian akun dibuka. Pengguna dapat mencoba masuk lagi.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet("{id}/kata-sandi")]
    public async Task<IActionResult> ResetPassword(string id) =>
        View(new ResetPasswordPage(id, await users.GetStatusAsync(id, User.UserId())));

    [HttpPost("{id}/kata-sandi")]
    public Task<IActionResult> ResetPassword(string id, ResetPasswordInput input) =>
        this.SaveAsync(resetValidator, input, () => users.ResetPasswordAsync(id, input, User.UserId()),
            async () => View(new ResetPasswordPage(id, await users.GetStatusAsync(id, User.UserId()))),
            () => "Kata sandi baru telah ditetapkan. Sampaikan kepada pengguna secara langsung, bukan melalui pesan terbuka.",
            RedirectToAction(nameof(Edit), new { id }));

    private async Task<IActionResult> CreateForm(CreateUserInput input)
    {
        // The password is never sent back to the browser.
        input.Password = "";
        input.ConfirmPassword = "";
        return View(nameof(Create), new UserFormPage(null, input, await users.GetFormOptionsAsync(), null));
    }

    private async Task<IActionResult> EditForm(string id, UserInput input)
    {
        var status = await users.GetStatusAsync(id, User.UserId());
        return View(nameof(Edit), new UserFormPage(id, input, await users.GetFormOptionsAsync(input.OpdId, input.OrgUnitId), status));
    }
}

public sealed record UserListPage(PagedList<UserRow> Users, UserListQuery Query);

/// <summary>The user form: <see cref="Id"/> and <see cref="Status"/> are null when creating.</summary>
public sealed record UserFormPage(string? Id, UserInput Input, UserFormOptions Options, UserAccountStatus? Status);

public sealed record ResetPasswordPage(string Id, UserAccountStatus Status);
