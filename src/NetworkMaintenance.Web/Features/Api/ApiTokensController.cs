using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Api;

public sealed record ApiTokenPageModel(bool IsAdminPage, IReadOnlyList<ApiTokenRow> Tokens, NewApiToken? Created,
    IReadOnlyList<OptionItem> Users, string? Error = null);

/// <summary>
/// API tokens: every user makes and revokes their own (Akun → Token API); the administrator sees and revokes all,
/// and makes the token of an integration account. A new token is shown once, on the page that answers the post
/// (not redirected: the token is never put in TempData or a URL).
/// </summary>
public sealed class ApiTokensController(ApiTokenService tokens, AppDbContext db) : Controller
{
    [HttpGet("/akun/token-api")]
    public async Task<IActionResult> Mine(CancellationToken ct) => View("Index", await ModelAsync(false, null, null, ct));

    [HttpPost("/akun/token-api")]
    public Task<IActionResult> CreateMine(string? name, int? validDays, CancellationToken ct) =>
        CreateAsync(false, User.UserId(), name, validDays, ct);

    [HttpPost("/akun/token-api/{id:int}/cabut")]
    public async Task<IActionResult> RevokeMine(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(id, User.UserId(), User.UserId(), ct)) return NotFound();
        TempData.Success("Token dicabut; permintaan dengan token itu kini ditolak.");
        return RedirectToAction(nameof(Mine));
    }

    [HttpGet("/admin/token-api"), Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> All(CancellationToken ct) => View("Index", await ModelAsync(true, null, null, ct));

    [HttpPost("/admin/token-api"), Authorize(Policy = Policies.Administrator)]
    public Task<IActionResult> CreateFor(string? userId, string? name, int? validDays, CancellationToken ct) =>
        CreateAsync(true, userId ?? "", name, validDays, ct);

    [HttpPost("/admin/token-api/{id:int}/cabut"), Authorize(Policy = Policies.Administrator)]
    public async Task<IActionResult> Revoke(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(id, null, User.UserId(), ct)) return NotFound();
        TempData.Success("Token dicabut; permintaan dengan token itu kini ditolak.");
        return RedirectToAction(nameof(All));
    }

    private async Task<IActionResult> CreateAsync(bool admin, string userId, string? name, int? validDays, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > Core.Domain.Integration.ApiToken.NameMaxLength)
        {
            return View("Index", await ModelAsync(admin, null, "Nama token wajib diisi (maksimal 100 karakter), misalnya nama sistem yang memakainya.", ct));
        }
        try
        {
            var created = await tokens.CreateAsync(userId, name, validDays, User.UserId(), ct);
            Response.Headers.CacheControl = "no-store";
            return View("Index", await ModelAsync(admin, created, null, ct));
        }
        catch (DomainException ex)
        {
            return View("Index", await ModelAsync(admin, null, ex.Message, ct));
        }
    }

    private async Task<ApiTokenPageModel> ModelAsync(bool admin, NewApiToken? created, string? error, CancellationToken ct)
    {
        var users = admin
            ? await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.FullName)
                .Select(u => new OptionItem(u.Id, u.FullName + " (" + u.UserName + ")")).ToListAsync(ct)
            : [];
        return new ApiTokenPageModel(admin, await tokens.ListAsync(admin ? null : User.UserId(), ct), created, users, error);
    }
}

/// <summary>The browsable API reference: a page of the app that draws the OpenAPI document (no outside scripts).</summary>
[AllowAnonymous]
public sealed class ApiDocsController : Controller
{
    [HttpGet("/api/docs")]
    public IActionResult Index() => View();
}
