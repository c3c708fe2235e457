using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Before the server accepts requests: migrates and seeds the database, creates the roles, the demo accounts
/// when <c>Demo:Enabled</c> is true (Development only), and the first administrator when
/// <c>Bootstrap:Administrator</c> is configured and the database has no administrator yet (checked before the demo
/// accounts are added).
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<BootstrapAdministratorOptions> bootstrap,
    IOptions<DemoOptions> demo, IHostEnvironment environment, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.PrepareDatabaseAsync(cancellationToken);

        await using var scope = services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        await provisioning.EnsureRolesAsync();

        var admin = bootstrap.Value;
        var userName = admin.UserName;
        var password = admin.Password;
        if (!string.IsNullOrWhiteSpace(userName) && !string.IsNullOrWhiteSpace(password))
        {
            // appsettings.json lists FullName and Email as "" (to document them), so an unset value arrives as an
            // empty string, not null: without this the administrator was created with an empty name (the home
            // page greeted "Selamat datang, ") and an empty, "confirmed" e-mail address.
            var fullName = admin.FullName;
            var email = admin.Email;
            // Only into a database without any administrator (active or not): once one exists, the settings are
            // inert, so renaming or removing the first account never brings it back with the known password.
            await provisioning.CreateFirstAdministratorAsync(userName,
                string.IsNullOrWhiteSpace(fullName) ? "Administrator Sistem" : fullName.Trim(),
                string.IsNullOrWhiteSpace(email) ? null : email.Trim(), password);
        }

        if (demo.Value.Enabled)
        {
            if (environment.IsProduction())
            {
                logger.LogWarning("Demo:Enabled is ignored in Production: no account with a known password is created");
            }
            else
            {
                await provisioning.EnsureDemoAccountsAsync();
                // A complete kop surat (placeholder emblem), so that the demo's workflow can issue documents.
                var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
                if (!await db.DocumentSettings.AnyAsync(cancellationToken))
                {
                    db.DocumentSettings.Add(Core.Domain.Documents.DocumentSettings.CreateDemo(Core.Documents.SampleImages.Emblem()));
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
