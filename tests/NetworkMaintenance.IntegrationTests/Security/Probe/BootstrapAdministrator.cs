using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Tests.Shared;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 12: the <c>Bootstrap:Administrator</c> account is created only while no administrator exists at all, so
/// renaming it (with the settings still in place) does not bring a second administrator with the known password.
/// </summary>
public sealed class BootstrapAdministrator : IDisposable
{
    private const string UserName = "admin.awal";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nm-it-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ARenamedBootstrapAdministratorIsNotCreatedAgainAtTheNextStart()
    {
        Directory.CreateDirectory(_directory);
        using (var first = Start())
        {
            Assert.NotNull(await first.FindUserAsync(UserName));
            await first.WithScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<AppUser>>();
                var user = await users.FindByNameAsync(UserName);
                Assert.True((await users.SetUserNameAsync(user!, "admin.dinas")).Succeeded);
            });
        }

        using var second = Start();

        Assert.Null(await second.FindUserAsync(UserName));
        Assert.NotNull(await second.FindUserAsync("admin.dinas"));
    }

    [Fact]
    public async Task NoBootstrapAdministratorWhenTheDatabaseAlreadyHasOne()
    {
        // The demo accounts include the administrator "admin"; a bootstrap account set up afterwards is not created.
        Directory.CreateDirectory(_directory);
        using (var withoutBootstrap = AppFactory.OnDirectory(_directory))
        {
            Assert.NotNull(await withoutBootstrap.FindUserAsync("admin"));
        }

        using var withBootstrap = Start();

        Assert.Null(await withBootstrap.FindUserAsync(UserName));
    }

    private AppFactory Start()
    {
        var factory = AppFactory.OnDirectory(_directory)
            .WithSetting("Bootstrap:Administrator:UserName", UserName)
            .WithSetting("Bootstrap:Administrator:Password", "Pertama#2026Kuat");
        factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>();
        return factory;
    }

    public void Dispose()
    {
        SqlitePools.ReleaseDataDirectory(_directory);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
