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

        // Intake: attachments, guest book, complaints, public pages, satisfaction survey.
        services.Configure<Attachments.UploadOptions>(configuration.GetSection("Uploads"));
        services.AddScoped<Attachments.AttachmentStore>();
        services.AddScoped<PublicPages.ComplaintService>();
        var maxBytes = configuration.GetValue<long?>("Uploads:MaxBytes") ?? Attachments.UploadOptions.DefaultMaxBytes;
        // A request carries one file plus the form fields: allow the file limit and 1 MB of room; the per-file
        // limit itself is checked by the store with an Indonesian message.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = maxBytes + 1024 * 1024);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = maxBytes + 2 * 1024 * 1024);

        // Administration: users, OPDs, organisation units.
        services.AddScoped<UserAdminService>();
        services.AddScoped<OpdAdminService>();
        services.AddScoped<OrgUnitAdminService>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<NotFoundExceptionFilter>());
    }
}
