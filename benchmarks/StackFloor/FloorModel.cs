using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace StackFloor;

public sealed class FloorDb(DbContextOptions<FloorDb> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemEvent> ItemEvents => Set<ItemEvent>();
}

public sealed class Item
{
    public int Id { get; set; }
    public string Number { get; set; } = "";
    public string Location { get; set; } = "";
    public string Description { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTime ReceivedAtUtc { get; set; }
    public List<ItemEvent> Events { get; set; } = [];
}

public sealed class ItemEvent
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public string Action { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

public sealed class ItemForm
{
    public string Location { get; set; } = "";
    public string Description { get; set; } = "";
}

public static class FloorData
{
    public const string UserName = "kadis";

    /// <summary>The benchmark's own throwaway password: the app only ever runs on loopback for a measurement.</summary>
    public const string Password = "Lantai#2026-uji";

    /// <summary>Creates the schema, the one account and <paramref name="items"/> reports of twelve events each, once.</summary>
    public static async Task EnsureAsync(IServiceProvider services, int items)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FloorDb>();
        var created = await db.Database.EnsureCreatedAsync();
        // Write-ahead logging, as the product's database (kept in the file).
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        if (!created) return;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var account = await users.CreateAsync(new IdentityUser(UserName), Password);
        if (!account.Succeeded) throw new InvalidOperationException(string.Join("; ", account.Errors.Select(e => e.Description)));

        var random = new Random(1);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int batch = 1_000;
        for (var first = 0; first < items; first += batch)
        {
            for (var i = first; i < Math.Min(items, first + batch); i++)
            {
                var item = new Item
                {
                    Number = $"GJ-2026-{i + 1:D6}",
                    Location = "Kantor Kelurahan " + random.Next(50),
                    Description = string.Join(' ', Enumerable.Range(0, 30).Select(_ => "kata" + random.Next(500))),
                    ReceivedAtUtc = start.AddMinutes(random.Next(400_000)),
                    Status = "Selesai",
                };
                for (var e = 0; e < 12; e++)
                {
                    item.Events.Add(new ItemEvent { Action = "Langkah " + e, Note = "Catatan langkah " + e, AtUtc = item.ReceivedAtUtc.AddMinutes(e * 30) });
                }
                db.Items.Add(item);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}
