using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Tests.Shared;
using NetworkMaintenance.Web.Features.Account;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 5: an authenticator code works once. Someone who saw a code typed (over a shoulder, in a proxy log) cannot
/// sign in with it again within its 90-second window. The codes here are posted without the helpers' forgetting.
/// </summary>
public sealed class AuthenticatorReplay(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ACodeThatSignedSomeoneInIsRefusedTheSecondTime()
    {
        const string user = "kabid.ikp";
        string key;
        using (var enrolling = await WebSession.SignedInAsync(factory, user))
        {
            key = (await enrolling.EnrollAuthenticatorAsync()).SharedKey;
        }
        // The enrollment used the current step's code; the next step's code is still within the accepted drift.
        var code = Totp.At(key, DateTimeOffset.UtcNow.AddSeconds(Totp.StepSeconds));

        using (var first = WebSession.Create(factory))
        {
            using var password = await first.TryLoginAsync(user, UserProvisioning.DemoPassword);
            var secondStep = await HttpAssert.RedirectsToAsync(password, "/masuk/2fa");
            using var accepted = await first.SubmitTwoFactorCodeAsync(secondStep, code, forgetUsedCodes: false);
            await HttpAssert.RedirectsToAsync(accepted, "/");
        }

        using var second = WebSession.Create(factory);
        using (var password = await second.TryLoginAsync(user, UserProvisioning.DemoPassword))
        {
            var secondStep = await HttpAssert.RedirectsToAsync(password, "/masuk/2fa");
            using var replayed = await second.SubmitTwoFactorCodeAsync(secondStep, code, forgetUsedCodes: false);
            Assert.Contains(AccountController.WrongTwoFactorCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(replayed)));
        }
        using var home = await second.GetAsync("/");
        await HttpAssert.RedirectsToAsync(home, "/masuk");
    }

    [Fact]
    public async Task TheEnrollmentCodeCannotSignInAgain()
    {
        const string user = "kasi.aplikasi";
        using var enrolling = await WebSession.SignedInAsync(factory, user);
        var page = await enrolling.GetPageAsync(WebSession.EnrollmentPath);
        var key = WebSession.SharedKeyOf(page);
        var code = Totp.Now(key);
        using (var enrolled = await enrolling.PostFormAsync(WebSession.EnrollmentPath, new Form().Set("Code", code)))
        {
            await HttpAssert.RedirectsToAsync(enrolled, "/akun/2fa");
        }

        using var other = WebSession.Create(factory);
        using var password = await other.TryLoginAsync(user, UserProvisioning.DemoPassword);
        var secondStep = await HttpAssert.RedirectsToAsync(password, "/masuk/2fa");
        using var replayed = await other.SubmitTwoFactorCodeAsync(secondStep, code, forgetUsedCodes: false);

        Assert.Contains(AccountController.WrongTwoFactorCodeMessage, WebPageHelpers.Text(await HttpAssert.OkPageAsync(replayed)));
    }
}
