using NetworkMaintenance.Web.Features.Admin.Opds;
using NetworkMaintenance.Web.Features.Admin.Units;
using NetworkMaintenance.Web.Features.Admin.Users;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features;

/// <summary>Registers the services of every feature folder; each feature adds its line here.</summary>
public static class FeatureServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserProvisioning>();

        // The append-only audit log (docs/security.md).
        services.AddScoped<Audit.IAuditLog, Audit.AuditLog>();
        services.AddScoped<Audit.AuditSearch>();

        // Retention of the personal data of people without an account (UU 27/2022; docs/security-standard.md).
        services.AddValidatedSettings<PersonalData.PersonalDataOptions, PersonalData.PersonalDataOptionsValidator>(configuration, PersonalData.PersonalDataOptions.Section);
        services.AddScoped<PersonalData.PersonalDataRetention>();
        services.AddScoped<PersonalData.PersonalDataRequests>();

        // The device register, spares and repeat faults (docs/devices.md).
        services.AddValidatedSettings<Devices.DeviceOptions, Devices.DeviceOptionsValidator>(configuration, Devices.DeviceOptions.Section);
        services.AddScoped<Devices.DeviceRegister>();
        services.AddScoped<Devices.DeviceImport>();
        services.AddScoped<Devices.SpareStock>();
        services.AddScoped<Devices.StockRoom>();
        services.AddScoped<Devices.DeviceFigures>();
        services.AddScoped<Devices.DeviceAudit>();
        services.AddScoped<Devices.DeviceSteps>();

        // Reports and the workflow.
        services.AddScoped<Reports.ActorFactory>();

        // Monitoring alerts, the status board and the e-mail mailbox (docs/monitoring.md).
        services.AddScoped<Monitoring.SystemActors>();
        services.AddScoped<Monitoring.AlertIntake>();
        services.AddScoped<Monitoring.AlertDevices>();
        services.AddScoped<Monitoring.StatusBoard>();
        services.AddScoped<Reports.ReportService>();
        services.AddScoped<Reports.ReportSnapshots>();
        services.AddSingleton<Reports.ReportSnapshots.Store>();
        // The officials' dashboard computed once in the background right after start (Caches:WarmDashboardAtStart).
        services.AddHostedService<Dashboard.DashboardWarmUp>();
        // Rendered fragments (<cache> in Views/Reports/Details.cshtml, the timeline per report version): bounded
        // well below the memory budget of docs/performance.md (the default allows 100 MB): Caches:RenderedFragmentsMegabytes.
        services.AddOptions<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<CacheOptions>>((o, caches) => o.SizeLimit = caches.Value.RenderedFragmentsMegabytes * 1024L * 1024L);
        services.AddScoped<Reports.StaffDirectory>();
        services.AddScoped<Reports.ReportHandOver>();
        services.AddScoped<Reports.ReportPages>();
        services.AddScoped<Reports.ReportTextSearch>();
        services.AddScoped<Reports.StepService>();
        // The technician's phone app: assignments kept offline, steps synced later (docs/offline.md).
        services.AddScoped<Offline.OfflineAssignments>();
        services.AddScoped<Offline.OfflineSyncService>();
        services.AddValidatedSettings<Documents.DocumentOptions, Documents.DocumentOptionsValidator>(configuration, Documents.DocumentOptions.Section);
        services.AddScoped<Documents.DocumentIssuer>();
        services.AddSingleton<Infrastructure.LowPriorityWorker>();
        services.AddSingleton<Documents.PendingDocuments>();
        services.AddHostedService<Documents.PendingDocumentsService>();
        services.AddSingleton<Infrastructure.SqliteWriteGate>();
        // Test-only (the kill -9 test): read here, at registration, and never in Production.
        var holdAfterCommitFile = configuration["Testing:HoldAfterCommitFile"];
        services.AddSingleton(sp => new Infrastructure.AfterCommitHook(
            sp.GetRequiredService<IHostEnvironment>().IsProduction() ? null : holdAfterCommitFile));
        services.AddScoped<Documents.DocumentService>();
        services.AddScoped<Documents.DocumentSettingsService>();
        services.AddSingleton<Documents.BrandLogo>();
        // Certified electronic signatures: BSrE, a regional gateway or a local certificate, and the e-seal (docs/signatures.md).
        Signatures.SignatureServices.Add(services, configuration);
        services.AddScoped<NavCounts>();
        services.AddSingleton<Infrastructure.LayoutLinks>();
        services.AddScoped<Notifications.ReportNotifications>();

        // The 24-hour clock, its monitor and the dashboard.
        services.AddOptions<Core.Domain.Sla.SlaOptions>().Bind(configuration.GetSection(Core.Domain.Sla.SlaOptions.Section))
            .Validate(o => o.TargetHours > 0 && o.WarningHours >= 0 && o.WarningHours < o.TargetHours,
                "Sla:TargetHours must be positive and Sla:WarningHours between 0 and the target.")
            .ValidateOnStart();
        services.AddSingleton(sp => new Core.Domain.Sla.SlaClock(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Domain.Sla.SlaOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<Sla.ClockService>();
        services.AddScoped<Plh.PlhService>();
        services.AddScoped<Sla.SlaMonitor>();
        services.AddValidatedSettings<Sla.SlaMonitorOptions, Sla.SlaMonitorOptionsValidator>(configuration, Sla.SlaMonitorOptions.Section);
        services.AddHostedService<Sla.SlaMonitorService>();
        services.AddScoped<Dashboard.DashboardService>();
        services.AddSingleton<Dashboard.SharedDashboardFigures>();
        services.AddScoped<Dashboard.MonthlyRecapService>();

        // Service evaluation: the standard, the maklumat, SKM follow-up and publication (docs/service-evaluation.md).
        services.AddValidatedSettings<ServiceEvaluation.ServiceEvaluationOptions, ServiceEvaluation.ServiceEvaluationOptionsValidator>(
            configuration, ServiceEvaluation.ServiceEvaluationOptions.Section);
        services.AddScoped<ServiceEvaluation.ServiceEvaluationService>();
        services.AddScoped<Dashboard.MonthlyRecapNarrativeService>();
        services.AddScoped<ReferenceLists>();

        // E-mail through the outbox (sent only when Smtp:Host is set).
        services.AddValidatedSettings<Mail.SmtpOptions, Mail.SmtpOptionsValidator>(configuration, Mail.SmtpOptions.Section);
        services.AddScoped<Mail.MailOutbox>();
        services.AddScoped<Mail.OutboxSender>();
        services.AddSingleton<Mail.IMailSender, Mail.SmtpMailSender>();
        services.AddHostedService<Mail.OutboxSenderService>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Authorization.ReportAuthorizationHandler>();

        // Intake: attachments, guest book, complaints, public pages, satisfaction survey.
        services.AddValidatedSettings<Attachments.UploadOptions, Attachments.UploadOptionsValidator>(configuration, Attachments.UploadOptions.Section);
        services.AddScoped<Attachments.AttachmentStore>();
        services.AddSingleton<IDiskSpace, DiskSpace>();
        services.AddScoped<PublicPages.ComplaintService>();
        // A request carries one file plus the form fields: allow the file limit and 1 MB of room; the per-file
        // limit itself is checked by the store with an Indonesian message.
        services.AddOptions<Microsoft.AspNetCore.Http.Features.FormOptions>().Configure<IOptions<Attachments.UploadOptions>>(
            (o, uploads) => o.MultipartBodyLengthLimit = uploads.Value.MaxBytes + 1024 * 1024);
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<IOptions<Attachments.UploadOptions>>(
            (o, uploads) => o.Limits.MaxRequestBodySize = uploads.Value.MaxBytes + 2 * 1024 * 1024);

        // Administration: users, OPDs, organisation units.
        services.AddScoped<UserAdminService>();
        services.AddScoped<OpdAdminService>();
        services.AddScoped<OrgUnitAdminService>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<NotFoundExceptionFilter>());

        // Webhooks out: an outbox written with the step, delivered in the background (docs/api.md).
        services.AddValidatedSettings<Webhooks.WebhookOptions, Webhooks.WebhookOptionsValidator>(configuration, Webhooks.WebhookOptions.Section);
        services.AddSingleton<Webhooks.WebhookSecrets>();
        services.AddSingleton<Webhooks.WebhookUrlPolicy>();
        services.AddScoped<Webhooks.WebhookOutbox>();
        services.AddScoped<Webhooks.WebhookSender>();
        services.AddScoped<Webhooks.WebhookAdmin>();
        services.AddHttpClient(Webhooks.WebhookSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddHostedService<Webhooks.WebhookSenderService>();

        // E-mail in: an IMAP mailbox polled for reports and replies (docs/email-intake.md).
        services.AddValidatedSettings<EmailIntake.EmailIntakeOptions, EmailIntake.EmailIntakeOptionsValidator>(configuration, EmailIntake.EmailIntakeOptions.Section);
        services.AddScoped<EmailIntake.EmailImport>();
        services.AddScoped<EmailIntake.EmailInbox>();
        services.AddSingleton<EmailIntake.EmailIntakePoller>();
        services.AddHostedService<EmailIntake.EmailIntakeService>();
    }
}
