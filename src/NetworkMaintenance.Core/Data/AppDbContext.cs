using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;

namespace NetworkMaintenance.Core.Data;

public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    /// <remarks>
    /// No savepoint around each <c>SaveChanges</c> inside a transaction (EF's default): every transaction of the app is
    /// rolled back whole when a save fails (or left to its disposal, which does the same), so a savepoint would be two
    /// statements (SAVEPOINT, RELEASE) per save for nothing: four in every filing's serial part. A pooled context gets
    /// this setting back when it is returned (EF restores what the constructor set).
    /// </remarks>
    public AppDbContext(DbContextOptions<AppDbContext> options) : base(options) => Database.AutoSavepointsEnabled = false;

    public DbSet<Opd> Opds => Set<Opd>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<ActingAppointment> ActingAppointments => Set<ActingAppointment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();
    public DbSet<ReportAssignment> ReportAssignments => Set<ReportAssignment>();
    public DbSet<ReportDevice> ReportDevices => Set<ReportDevice>();
    public DbSet<OfflineStepReceipt> OfflineStepReceipts => Set<OfflineStepReceipt>();
    public DbSet<Domain.Devices.Device> Devices => Set<Domain.Devices.Device>();
    public DbSet<Domain.Devices.DeviceEvent> DeviceEvents => Set<Domain.Devices.DeviceEvent>();
    public DbSet<Domain.Devices.StockItem> StockItems => Set<Domain.Devices.StockItem>();
    public DbSet<Domain.Devices.StockMovement> StockMovements => Set<Domain.Devices.StockMovement>();
    public DbSet<Domain.Devices.DeviceReorderLevel> DeviceReorderLevels => Set<Domain.Devices.DeviceReorderLevel>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<DocumentSignature> DocumentSignatures => Set<DocumentSignature>();
    public DbSet<PendingDocumentRender> PendingDocumentRenders => Set<PendingDocumentRender>();
    public DbSet<DocumentSettings> DocumentSettings => Set<DocumentSettings>();
    public DbSet<GuestBookEntry> GuestBookEntries => Set<GuestBookEntry>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ServiceStandardSection> ServiceStandardSections => Set<ServiceStandardSection>();
    public DbSet<ServiceStandardRevision> ServiceStandardRevisions => Set<ServiceStandardRevision>();
    public DbSet<ServiceCharter> ServiceCharters => Set<ServiceCharter>();
    public DbSet<SkmPeriodReview> SkmPeriodReviews => Set<SkmPeriodReview>();
    public DbSet<SkmFollowUpAction> SkmFollowUpActions => Set<SkmFollowUpAction>();
    public DbSet<SatisfactionSurvey> SatisfactionSurveys => Set<SatisfactionSurvey>();
    public DbSet<ReportPause> ReportPauses => Set<ReportPause>();
    public DbSet<SlaEscalation> SlaEscalations => Set<SlaEscalation>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<InboundEmail> InboundEmails => Set<InboundEmail>();
    public DbSet<NetworkMaintenance.Core.Domain.Monitoring.MonitoringSource> MonitoringSources => Set<NetworkMaintenance.Core.Domain.Monitoring.MonitoringSource>();
    public DbSet<NetworkMaintenance.Core.Domain.Monitoring.MonitoringAlert> MonitoringAlerts => Set<NetworkMaintenance.Core.Domain.Monitoring.MonitoringAlert>();
    public DbSet<Domain.Documents.MonthlyRecapNarrative> MonthlyRecapNarratives => Set<Domain.Documents.MonthlyRecapNarrative>();
    public DbSet<Domain.Integration.ApiToken> ApiTokens => Set<Domain.Integration.ApiToken>();
    public DbSet<Domain.Integration.WebhookReceiver> WebhookReceivers => Set<Domain.Integration.WebhookReceiver>();
    public DbSet<Domain.Integration.WebhookDelivery> WebhookDeliveries => Set<Domain.Integration.WebhookDelivery>();

    /// <summary>The PostgreSQL provider's name (<see cref="Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade.ProviderName"/>); this project does not reference it.</summary>
    public const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.ProviderName == PostgreSqlProvider)
        {
            builder.Entity<Report>().Property<string>(Configurations.ReportConfiguration.SearchTextColumn).IsRequired()
                .HasComputedColumnSql(Configurations.ReportConfiguration.PostgreSqlSearchTextSql, stored: true);
        }

        // SQL Server refuses multiple cascade paths, and nothing here is ever hard-deleted.
        foreach (var fk in builder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
        {
            if (!fk.IsOwnership && fk.DeleteBehavior == DeleteBehavior.Cascade
                && !fk.DeclaringEntityType.ClrType.Namespace!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            {
                fk.DeleteBehavior = DeleteBehavior.Restrict;
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = DetectChangesOnce();
        try
        {
            RefuseAuditChanges();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = DetectChangesOnce();
        try
        {
            RefuseAuditChanges();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// One change-detection pass per save, before anything reads the tracker's states, then none until the save is
    /// done (the caller restores the returned setting). Left alone, the save interceptors that enumerate the tracker
    /// (the caches' <c>DataChanges</c>, which run before EF's own pass) and EF each ran a pass over every tracked
    /// entity: serial time inside the SQLite writer's turn (issue #18). Nothing changes an entity during a save: the
    /// interceptors only read. A caller that turned automatic detection off keeps it off, and gets no pass.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detect;
    }

    /// <summary>
    /// The audit log is append-only: the database refuses it too (triggers), this fails earlier and clearer. It reads
    /// the entries' states after the save's one detection pass (<see cref="DetectChangesOnce"/>).
    /// </summary>
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Every DateTime is UTC; SQLite does not keep the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
