using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Dashboard;

/// <summary>
/// Right after start (once the host serves requests, so the first page is not delayed), builds the dashboard once in
/// the background as a person who sees every report: the shared figures are then computed
/// (<see cref="SharedDashboardFigures"/>), the dashboard's queries translated and their code compiled before the first
/// official opens it (issue #18: the dashboard's p95 within target from 10 s after start). Off with
/// <c>Caches:WarmDashboardAtStart=false</c>. A failure is logged and changes nothing: the first request then computes.
/// </summary>
public sealed class DashboardWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<CacheOptions> options,
    ILogger<DashboardWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmDashboardAtStart) return;
        try
        {
            // After the host has started: the database is migrated and the first page is not held back.
            var started = new TaskCompletionSource();
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            {
                await started.Task;
            }
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var official = await (from user in db.Users.AsNoTracking()
                                  join userRole in db.UserRoles on user.Id equals userRole.UserId
                                  join role in db.Roles on userRole.RoleId equals role.Id
                                  where role.Name == Roles.KepalaDinas && user.IsActive
                                  orderby user.Id
                                  select user.Id).FirstOrDefaultAsync(stoppingToken);
            if (official is null)
            {
                // No official yet (a new installation): the shared figures alone.
                await services.GetRequiredService<SharedDashboardFigures>().GetAsync(stoppingToken);
                return;
            }
            var actor = await services.GetRequiredService<ActorFactory>().ForUserAsync(official, stoppingToken);
            if (actor is not null) await services.GetRequiredService<DashboardService>().BuildAsync(actor, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it was done.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Warming the dashboard at start failed; the first request computes its figures");
        }
    }
}
