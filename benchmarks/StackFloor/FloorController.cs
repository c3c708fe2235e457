using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace StackFloor;

/// <summary>A sign-in, one report page read through EF Core, one form that inserts a report: nothing else.</summary>
[Authorize]
public sealed class FloorController(FloorDb db, SignInManager<IdentityUser> signIn) : Controller
{
    [AllowAnonymous, HttpGet("/masuk")]
    public IActionResult SignIn() => View();

    [AllowAnonymous, HttpPost("/masuk")]
    public async Task<IActionResult> SignIn(string userName, string password)
    {
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: false);
        return result.Succeeded ? Redirect("/laporan/1") : View();
    }

    [HttpPost("/keluar")]
    public async Task<IActionResult> SignOutPost()
    {
        await signIn.SignOutAsync();
        return Redirect("/masuk");
    }

    [HttpGet("/laporan/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Include(i => i.Events.OrderBy(e => e.AtUtc)).FirstOrDefaultAsync(i => i.Id == id, ct);
        return item is null ? NotFound() : View(item);
    }

    [HttpGet("/laporan/baru")]
    public IActionResult Create() => View(new ItemForm());

    [HttpPost("/laporan/baru")]
    public async Task<IActionResult> Create(ItemForm form, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var item = new Item { Number = "GJ-" + Guid.NewGuid().ToString("N")[..10], Location = form.Location, Description = form.Description, ReceivedAtUtc = now, Status = "Diterima" };
        item.Events.Add(new ItemEvent { Action = "Diterima", Note = "Laporan diterima", AtUtc = now });
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return Redirect($"/laporan/{item.Id}");
    }
}
