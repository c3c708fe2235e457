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
        // Cookies are Secure-only outside Development, where http://localhost must keep working.
        var cookieSecurity = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

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
            .AddDefaultTokenProviders();

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
        });
        // Validators with constructor parameters are building blocks composed by other validators, not injected.
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true,
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

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
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
            // Behind a TLS reverse proxy on another host, name it (or its network) so that X-Forwarded-Proto counts:
            // ForwardedHeaders:KnownProxies:0=10.0.0.5 or ForwardedHeaders:KnownNetworks:0=10.0.0.0/24.
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
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
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/galat/{0}");
        app.UseRequestLocalization();
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapControllers();
    }
}
