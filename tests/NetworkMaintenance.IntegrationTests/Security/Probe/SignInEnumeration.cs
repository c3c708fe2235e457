using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 3: the sign-in form does not tell an existing account from an unknown name. Every refusal (unknown name,
/// wrong password, locked, deactivated) shows one message and costs one password hash; the lockout still holds.
/// </summary>
public sealed class SignInEnumeration : IDisposable
{
    private readonly CountingHasher _hasher = new();
    private readonly AppFactory _factory;

    public SignInEnumeration()
    {
        _factory = new AppFactory
        {
            TestServices = services => services.AddSingleton<IPasswordHasher<AppUser>>(_hasher),
        };
    }

    [Fact]
    public async Task AnUnknownNameCostsAPasswordHashAndGetsTheGenericMessage()
    {
        using var session = WebSession.Create(_factory);
        await session.GetPageAsync("/masuk");
        var before = _hasher.Verifications;

        using var response = await session.TryLoginAsync("tidak.ada.orangnya", UserProvisioning.DemoPassword);

        Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(response)));
        Assert.True(_hasher.Verifications > before, "An unknown user name was answered without hashing a password.");
    }

    [Fact]
    public async Task ALockedAccountGetsTheGenericMessageAndTheLockoutStillRefusesTheRightPassword()
    {
        using var session = WebSession.Create(_factory);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await session.TryLoginAsync("teknisi2", $"Keliru#{attempt}abcdefgh");
            Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(failed)));
        }
        var before = _hasher.Verifications;

        using var correct = await session.TryLoginAsync("teknisi2", UserProvisioning.DemoPassword);

        var text = WebPageHelpers.Text(await HttpAssert.OkPageAsync(correct));
        Assert.Contains(AccountController.WrongCredentialsMessage, text);
        Assert.DoesNotContain("dikunci", text);
        Assert.True(_hasher.Verifications > before, "A locked account was answered without hashing a password.");
        using var home = await session.GetAsync("/");
        await HttpAssert.RedirectsToAsync(home, "/masuk");
        Assert.True((await _factory.FindUserAsync("teknisi2"))!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task ADeactivatedAccountGetsTheGenericMessageForAnyPassword()
    {
        await _factory.QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "kasi.aplikasi");
            user.IsActive = false;
            return await db.SaveChangesAsync();
        });
        using var session = WebSession.Create(_factory);

        using var right = await session.TryLoginAsync("kasi.aplikasi", UserProvisioning.DemoPassword);
        using var wrong = await session.TryLoginAsync("kasi.aplikasi", "Keliru#1abcdefgh");

        var rightText = WebPageHelpers.Text(await HttpAssert.OkPageAsync(right));
        Assert.Contains(AccountController.WrongCredentialsMessage, rightText);
        Assert.DoesNotContain("tidak aktif", rightText);
        Assert.Contains(AccountController.WrongCredentialsMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(wrong)));
        using var home = await session.GetAsync("/");
        await HttpAssert.RedirectsToAsync(home, "/masuk");
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Identity's hasher, counting the password checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
