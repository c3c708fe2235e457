using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features;

/// <summary>Registers the services of every feature folder; each feature adds its line here.</summary>
public static class FeatureServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserProvisioning>();
        services.AddScoped<Reports.ActorFactory>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<Reports.StepService>();
        services.Configure<Documents.DocumentOptions>(configuration.GetSection(Documents.DocumentOptions.Section));
        services.AddScoped<Documents.DocumentIssuer>();
        services.AddScoped<Documents.DocumentService>();
        services.AddScoped<Documents.DocumentSettingsService>();
        services.AddScoped<NavCounts>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Authorization.ReportAuthorizationHandler>();
    }
}
