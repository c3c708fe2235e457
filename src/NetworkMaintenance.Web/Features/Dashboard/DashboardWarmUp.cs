using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Dashboard;

/// <summary>
/// Right after start (once the host serves requests, so the first page is not delayed), builds the officials' dashboard
/// in the background as the first active Kepala Dinas and renders its page (the layout included) into nothing,
/// <c>Caches:DashboardWarmUpRounds</c> times (default 100), for at most <see cref="MaxDuration"/>. The shared figures
/// are then computed (<see cref="SharedDashboardFigures"/>), the dashboard's queries translated, and the code of the
/// whole page recompiled optimised by the runtime's tiered compilation (a method is recompiled after 30 calls;
/// ReadyToRun code is not the optimised tier) before the first official opens it (issue #18, point 3: the dashboard's
/// p95 within target from 10 s after start). The page is only read, never written. Off with
/// <c>Caches:WarmDashboardAtStart=false</c>. A failure is logged and changes nothing: the first requests then pay for it.
/// </summary>
public sealed class DashboardWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<CacheOptions> options,
    ILogger<DashboardWarmUp> logger) : BackgroundService
{
    /// <summary>The warm-up stops after this long whatever the rounds (a slow machine or a huge database).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(10);

    /// <summary>What the warm-up logs when it is done (the integration test waits for it).</summary>
    public const string DoneMessage = "Dashboard warmed at start";

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
            var clock = Stopwatch.StartNew();
            var official = await FirstKepalaDinasAsync(stoppingToken);
            if (official is null)
            {
                // No official yet (a new installation): the shared figures alone.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SharedDashboardFigures>().GetAsync(stoppingToken);
                return;
            }
            var rounds = options.Value.DashboardWarmUpRounds;
            var done = 0;
            while (done < rounds && clock.Elapsed < MaxDuration)
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await BuildAndRenderAsync(scope.ServiceProvider, official, stoppingToken)) return;
                done++;
            }
            logger.LogInformation(DoneMessage + ": built and rendered {Done} of {Rounds} times in {Milliseconds} ms", done, rounds,
                clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before it was done.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Warming the dashboard at start failed; the first requests compute its figures");
        }
    }

    private async Task<string?> FirstKepalaDinasAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await (from user in db.Users.AsNoTracking()
                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where role.Name == Roles.KepalaDinas && user.IsActive
                      orderby user.Id
                      select user.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The dashboard as <paramref name="userId"/> gets it at "/", rendered into nothing; false when they no longer can.</summary>
    private static async Task<bool> BuildAndRenderAsync(IServiceProvider services, string userId, CancellationToken ct)
    {
        var actor = await services.GetRequiredService<ActorFactory>().ForUserAsync(userId, ct);
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (actor is null || await users.FindByIdAsync(userId) is not { } user) return false;
        var model = await services.GetRequiredService<DashboardService>().BuildAsync(actor, ct);

        // The request the page is drawn for: GET / by the signed-in official, routed to the home page.
        var http = new DefaultHttpContext
        {
            RequestServices = services,
            User = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user),
            RequestAborted = ct,
        };
        http.Request.Method = HttpMethods.Get;
        // Over HTTPS, as the app is reached in Production: with HTTPS required the antiforgery cookie of the layout's
        // forms is Secure-only, and a page drawn for a plain-HTTP request fails.
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("localhost");
        http.Request.Path = "/";
        var routeData = new RouteData { Values = { ["controller"] = "Home", ["action"] = nameof(Home.HomeController.Index) } };
        http.Request.RouteValues = routeData.Values;
        http.SetEndpoint(new Endpoint(null, EndpointMetadataCollection.Empty, "Dashboard warm-up"));
        var action = new ActionContext(http, routeData,
            new ControllerActionDescriptor { ControllerName = "Home", ActionName = nameof(Home.HomeController.Index) });

        var view = services.GetRequiredService<ICompositeViewEngine>().FindView(action, "Dashboard", isMainPage: true)
            .EnsureSuccessful(originalLocations: null).View!;
        var viewData = new ViewDataDictionary(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary())
        {
            Model = model,
        };
        var tempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        // In the culture every request runs in (the request localization of AppHost).
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = AppHost.Culture;
        await view.RenderAsync(new ViewContext(action, view, viewData, tempData, TextWriter.Null, new HtmlHelperOptions()));
        return true;
    }
}
