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

    /// <summary>Serilog's default line with the trace id at the end (empty outside a trace).</summary>
    public const string LogTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {TraceId}{NewLine}{Exception}";

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
        // Production answers only for the host of Documents:PublicBaseUrl when AllowedHosts is left at "*".
        Features.Documents.DocumentOptions.RestrictAllowedHosts(configuration, builder.Environment.IsProduction());

        // No "Server: Kestrel" header: the response need not name the server software.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        // Each host owns its logger (preserveStaticLogger): the static bootstrap logger only reports start-up
        // failures. Sharing the static logger would send every in-process host's events (integration tests run
        // several) to whichever file was configured last, and Program's CloseAndFlush would end them all.
        // Every line ends with the trace id of the request (or background pass) it belongs to, when there is one, so
        // that a log line leads to its trace (docs/operations.md, "Traces and metrics").
        builder.Host.UseSerilog((context, sp, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: LogTemplate, formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(dataDirectory, "logs", "networkmaintenance-.log"),
                outputTemplate: LogTemplate, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                formatProvider: CultureInfo.InvariantCulture),
            preserveStaticLogger: true);

        // Every setting read after start-up is an options class checked at start (Infrastructure/Settings.cs).
        services.AddInfrastructureSettings(configuration, builder.Environment);
        services.AddSingleton(new AppPaths(dataDirectory, FileStoreOptions.EffectiveKind(configuration),
            FileStoreOptions.EffectiveFolder(configuration, builder.Environment)));
        services.AddSingleton(TimeProvider.System);
        services.AddAppTelemetry(configuration);
        services.AddAppDatabase(configuration, builder.Environment);
        services.AddFileStore(configuration, builder.Environment);
        services.AddSingleton<InstanceIdentity>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<NativeMemoryTrim>();
        services.AddHostedService<GarbageCollectorBudget>();

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
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // Identity's periodic security-stamp check reads the user from the database. While the database is down,
            // that read must not fail inside authentication (the error page would then fail too, leaving an empty
            // 500): keep the cookie for this request, let the page fail on its own and show the 503 page. The check
            // runs again on the next request.
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                // Identity's check acts only once its interval has passed since the cookie was issued, but it resolves its
                // sign-in and user managers (and their stores) on every request to find that out: ~2 % of a report page's
                // CPU (docs/performance.md, sixteenth session). The same test first, with the same options and clock.
                if (!SecurityStampCheckDue(context)) return;
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
        });
        // HTTPS required (SecurityOptions.RequireHttps): both cookies Secure-only.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<SecurityOptions>>((o, security) =>
                o.Cookie.SecurePolicy = CookieSecurity(security.Value));
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<SecurityOptions>>((o, security) =>
                o.Cookie.SecurePolicy = CookieSecurity(security.Value));
        services.AddDataProtection()
            .SetApplicationName("NetworkMaintenance")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddAuthorizationBuilder().AddAppPolicies();
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
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((o, proxies) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Forwarded headers count only from the proxies named in the settings, by default from none (ProxyOptions).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            // With both lists empty the middleware would trust every sender: no proxy named, no header read.
            if (o.KnownProxies.Count == 0 && o.KnownIPNetworks.Count == 0) o.ForwardedHeaders = ForwardedHeaders.None;
        });

        services.AddStaticCompression();
        Features.FeatureServices.Add(services, configuration);
        PublicRateLimits.Add(services);
        Features.Api.ApiSetup.Add(services);
    }

    /// <summary>
    /// Whether Identity's security-stamp check would act on this request: the cookie has no issue time, or more than
    /// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> has passed since it was issued (Identity's own
    /// test, on its options' clock).
    /// </summary>
    private static bool SecurityStampCheckDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        if (context.Properties.IssuedUtc is not { } issued) return true;
        var options = context.HttpContext.RequestServices
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        return (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
    }

    private static CookieSecurePolicy CookieSecurity(SecurityOptions security) =>
        security.HttpsRequired ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static void ConfigurePipeline(WebApplication app)
    {
        Core.Documents.Pdf.DocumentRendering.KeepDecodedImages(
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CacheOptions>>().Value.DocumentImages);
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        // Before the request log: a scrape every few seconds would drown it.
        app.UseMetricsEndpoint();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/galat");
        }

        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.HttpsRequired)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/galat/{0}");
        // /api/v1 answers errors with problem details, not the HTML error page (docs/api.md).
        Features.Api.ApiSetup.UseProblems(app);
        app.UseRequestLocalization();
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseStaticCompression();
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
        Features.Api.ApiSetup.Map(app);
        Features.Benchmark.BaselineEndpoints.MapIfEnabled(app);
    }
}
