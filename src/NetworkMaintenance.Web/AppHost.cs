using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Authorization;
using NetworkMaintenance.Web.Infrastructure;
using Serilog;

namespace NetworkMaintenance.Web;

/// <summary>Builds the web application: services, then the request pipeline.</summary>
public static class AppHost
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("id-ID");

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataDirectory = DatabaseSetup.DataDirectory(configuration, builder.Environment);
        // HTTPS is required outside Development (http://localhost must keep working there): Secure-only cookies, HSTS and
        // redirection. Security:RequireHttps=false turns it off for a plain-HTTP run on the loopback interface (the fault
        // tests, the soak and the benchmark runner); a real deployment keeps it on (docs/security.md).
        var requireHttps = configuration.GetValue("Security:RequireHttps", !builder.Environment.IsDevelopment());
        var cookieSecurity = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        // Production answers only for the host of Documents:PublicBaseUrl when AllowedHosts is left at "*".
        Features.Documents.DocumentOptions.RestrictAllowedHosts(configuration, builder.Environment.IsProduction());

        // No "Server: Kestrel" header: the response need not name the server software.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        // Each host owns its logger (preserveStaticLogger): the static bootstrap logger only reports start-up
        // failures. Sharing the static logger would send every in-process host's events (integration tests run
        // several) to whichever file was configured last, and Program's CloseAndFlush would end them all.
        builder.Host.UseSerilog((context, sp, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(dataDirectory, "logs", "networkmaintenance-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                formatProvider: CultureInfo.InvariantCulture),
            preserveStaticLogger: true);

        services.AddSingleton(TimeProvider.System);
        services.AddAppDatabase(configuration, builder.Environment);
        services.AddFileStore(configuration, builder.Environment);
        services.AddSingleton<InstanceIdentity>();
        services.AddHostedService<DatabaseInitializer>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                PasswordPolicy.Apply(o.Password);
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<IndonesianIdentityErrorDescriber>()
            .AddDefaultTokenProviders()
            // Authenticator codes are accepted once (replaces Identity's provider of the same name).
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/masuk";
            o.LogoutPath = "/keluar";
            o.AccessDeniedPath = "/akses-ditolak";
            o.Cookie.Name = "nm.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = cookieSecurity;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // Identity's periodic security-stamp check reads the user from the database. While the database is down,
            // that read must not fail inside authentication (the error page would then fail too, leaving an empty
            // 500): keep the cookie for this request, let the page fail on its own and show the 503 page. The check
            // runs again on the next request.
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                try
                {
                    await validateStamp(context);
                }
                catch (Exception ex) when (DatabaseFailure.IsUnavailable(ex))
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILogger<AppDbContext>>()
                        .LogWarning(ex, "Security stamp not checked: the database is unavailable");
                }
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "nm.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = cookieSecurity;
        });
        services.AddDataProtection()
            .SetApplicationName("NetworkMaintenance")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddAuthorizationBuilder().AddAppPolicies();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TwoFactorEnrolledHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorEnrollmentRedirect>();

        services.AddControllersWithViews(o =>
        {
            o.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            IndonesianModelBindingMessages.Apply(o.ModelBindingMessageProvider);
            // Year 1 or 9999 would overflow the WIB/UTC conversions: refused at binding (SupportedDates).
            o.ModelBinderProviders.Insert(0, new SupportedDates.BinderProvider());
            // FluentValidation says in Indonesian which field is missing; MVC's implicit [Required] on non-nullable
            // strings would add its own English "The X field is required." next to it.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        });
        // Validators with constructor parameters are building blocks composed by other validators, not injected.
        // The others have no dependencies and are immutable once built: one instance each (building the rules of the
        // report and step validators on every request cost a noticeable share of a report page's CPU).
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true,
            filter: r => r.ValidatorType.GetConstructor(Type.EmptyTypes) is not null);
        ValidatorOptions.Global.LanguageManager.Culture = Culture;

        services.AddHsts(o =>
        {
            // One year, this host only: other hosts of the city's domain may not serve HTTPS yet, and preloading
            // is a decision for whoever owns the domain.
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
            o.Preload = false;
        });

        // The check reads a table: opening a SQLite connection alone succeeds even when the file is unreadable or corrupt.
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [ReadinessChecks.Tag], customTestQuery: async (db, ct) =>
        {
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, ct);
            return true;
        }).AddReadinessChecks();
        services.AddHttpContextAccessor();

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Culture);
            o.SupportedCultures = [Culture];
            o.SupportedUICultures = [Culture];
            o.RequestCultureProviders.Clear();
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Forwarded headers count only from the proxies named in the settings, by default from none: ASP.NET Core
            // trusts the loopback address out of the box, so anyone on the host (or a proxy passing the client's own
            // X-Forwarded-For through) could choose the address seen by the rate limits and the audit log.
            // Behind a TLS reverse proxy, name it (or its network), loopback included when it runs on the same host:
            // ForwardedHeaders:KnownProxies:0=10.0.0.5 or ForwardedHeaders:KnownNetworks:0=10.0.0.0/24.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            // With both lists empty the middleware would trust every sender: no proxy named, no header read.
            if (o.KnownProxies.Count == 0 && o.KnownIPNetworks.Count == 0) o.ForwardedHeaders = ForwardedHeaders.None;
        });

        Features.FeatureServices.Add(services, configuration);
        PublicRateLimits.Add(services, configuration);
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/galat");
        }

        if (app.Configuration.GetValue("Security:RequireHttps", !app.Environment.IsDevelopment()))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/galat/{0}");
        app.UseRequestLocalization();
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseStaticFiles(new StaticFileOptions
        {
            // The layout links every file with asp-append-version (?v=<hash>): such a URL never changes content, so
            // browsers may keep it for a year; a bare URL is cached for an hour.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = check => check.Name == "database",
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        // Liveness (the process serves requests: restart it if not) and readiness (database reachable, free disk above
        // Health:MinimumFreeDiskMegabytes, file store writable: send it traffic only then); docs/operations.md.
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessChecks.Tag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapControllers();
        Features.Benchmark.BaselineEndpoints.MapIfEnabled(app);
    }
}
