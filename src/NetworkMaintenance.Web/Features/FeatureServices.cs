using NetworkMaintenance.Web.Features.Admin.Opds;
using NetworkMaintenance.Web.Features.Admin.Units;
using NetworkMaintenance.Web.Features.Admin.Users;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features;

/// <summary>Registers the services of every feature folder; each feature adds its line here.</summary>
public static class FeatureServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserProvisioning>();

        // Reports and the workflow.
        services.AddScoped<Reports.ActorFactory>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<Reports.StepService>();
        services.Configure<Documents.DocumentOptions>(configuration.GetSection(Documents.DocumentOptions.Section));
        services.AddScoped<Documents.DocumentIssuer>();
        services.AddScoped<Documents.DocumentService>();
        services.AddScoped<Documents.DocumentSettingsService>();
        services.AddScoped<NavCounts>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Authorization.ReportAuthorizationHandler>();

        // Administration: users, OPDs, organisation units.
        services.AddScoped<UserAdminService>();
        services.AddScoped<OpdAdminService>();
        services.AddScoped<OrgUnitAdminService>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<NotFoundExceptionFilter>());
    }
}
