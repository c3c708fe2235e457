using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.IntegrationTests.Infrastructure;

/// <summary>Looks up the seeded records by the names people know them by, and reads back what a test changed.</summary>
public static class TestData
{
    public static Task<string> UserIdAsync(this AppFactory factory, string userName) =>
        factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static Task<AppUser?> FindUserAsync(this AppFactory factory, string userName) =>
        factory.QueryAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName));

    public static Task<IList<string>> RolesOfAsync(this AppFactory factory, string userName) =>
        factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
        });

    public static Task<int> UnitIdAsync(this AppFactory factory, string name) =>
        factory.QueryAsync(db => db.OrgUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public static Task<OrgUnit?> FindUnitAsync(this AppFactory factory, string name) =>
        factory.QueryAsync(db => db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Name == name));

    public static Task<int> OpdIdAsync(this AppFactory factory, string shortName) =>
        factory.QueryAsync(db => db.Opds.Where(o => o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    public static Task<Opd?> FindOpdAsync(this AppFactory factory, string name) =>
        factory.QueryAsync(db => db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Name == name));

    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Builds posted form fields; a name may repeat (checkbox groups).</summary>
public sealed class Form : List<KeyValuePair<string, string>>
{
    public Form Set(string name, string? value)
    {
        RemoveAll(f => f.Key == name);
        if (value is not null) Add(new(name, value));
        return this;
    }

    public Form AddValue(string name, string value)
    {
        Add(new(name, value));
        return this;
    }
}
