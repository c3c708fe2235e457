namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Before the server accepts requests: migrates and seeds the database, creates the roles, the demo accounts
/// when <c>Demo:Enabled</c> is true (Development only), and the first administrator when
/// <c>Bootstrap:Administrator</c> is configured.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IConfiguration configuration,
    IHostEnvironment environment, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.PrepareDatabaseAsync(cancellationToken);

        await using var scope = services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        await provisioning.EnsureRolesAsync();

        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            if (environment.IsProduction())
            {
                logger.LogWarning("Demo:Enabled is ignored in Production: no account with a known password is created");
            }
            else
            {
                await provisioning.EnsureDemoAccountsAsync();
            }
        }

        var admin = configuration.GetSection("Bootstrap:Administrator");
        var userName = admin["UserName"];
        var password = admin["Password"];
        if (!string.IsNullOrWhiteSpace(userName) && !string.IsNullOrWhiteSpace(password))
        {
            await provisioning.CreateAdministratorAsync(userName, admin["FullName"] ?? "Administrator Sistem",
                admin["Email"], password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
