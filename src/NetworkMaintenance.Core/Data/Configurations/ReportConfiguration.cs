using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;

namespace NetworkMaintenance.Core.Data.Configurations;

public class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    /// <summary>
    /// PostgreSQL only (<see cref="AppDbContext"/>): the report list's searched text, lower-cased once when a report is
    /// written, for the text search (ReportTextSearch in the web project) and its single trigram index (migration
    /// PostgreSqlSearchTextAndClockIndexes). ILIKE over the four columns lower-cased every one of them on every row it
    /// tested: 1.7 µs a report, against 0.4 µs for LIKE on this column (docs/performance.md).
    /// </summary>
    public const string SearchTextColumn = "SearchText";

    /// <summary>The expression of <see cref="SearchTextColumn"/>: the number, the location, the description and the LAPOR! number, one per line.</summary>
    public const string PostgreSqlSearchTextSql =
        "lower(\"Number\" || E'\\n' || \"Location\" || E'\\n' || \"Description\" || E'\\n' || coalesce(\"LaporNumber\", ''))";

    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.Year, r.Sequence }).IsUnique();
        builder.Property(r => r.TrackingCode).HasMaxLength(12).IsRequired();
        // The one-time token of the form that filed the report: a second post of the same form finds the report.
        builder.Property(r => r.FormToken).HasMaxLength(32);
        builder.HasIndex(r => r.FormToken).IsUnique().HasFilter(IndexFilters.NotNull(nameof(Report.FormToken)));
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasOne(r => r.Opd).WithMany().HasForeignKey(r => r.OpdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Devices.Device>().WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Restrict);
        // Most reports name no device (IndexFilters).
        builder.HasIndex(r => r.DeviceId).HasFilter(IndexFilters.NotNull(nameof(Report.DeviceId)));
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.KabidUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.KasiUserId).OnDelete(DeleteBehavior.Restrict);

        builder.Property(r => r.ReporterName).HasMaxLength(150).IsRequired();
        builder.Property(r => r.ReporterNip).HasMaxLength(18);
        builder.Property(r => r.ReporterPosition).HasMaxLength(150);
        builder.Property(r => r.ReporterPhone).HasMaxLength(20);
        builder.Property(r => r.ReporterEmail).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.LetterNumber).HasMaxLength(100);
        builder.Property(r => r.LetterAgendaNumber).HasMaxLength(Report.LetterAgendaNumberMaxLength);
        builder.Property(r => r.RecordedByUserId).HasMaxLength(450);
        builder.Property(r => r.LaporNumber).HasMaxLength(Formatting.LaporNumber.MaxLength);
        builder.HasIndex(r => r.LaporNumber).HasFilter(IndexFilters.NotNull(nameof(Report.LaporNumber)));
        builder.Property(r => r.KabidName).HasMaxLength(150);
        builder.Property(r => r.KasiName).HasMaxLength(150);
        builder.Property(r => r.FaultType).HasMaxLength(200);
        builder.Property(r => r.FaultLocation).HasMaxLength(300);
        builder.Property(r => r.DiagnosisFindings).HasMaxLength(4000);
        builder.Property(r => r.InspectionFindings).HasMaxLength(4000);
        builder.Property(r => r.ReplacementRequestedByName).HasMaxLength(150);
        builder.Property(r => r.ActionsTaken).HasMaxLength(4000);
        builder.Property(r => r.RootCause).HasMaxLength(1000);
        builder.Property(r => r.AcknowledgedByName).HasMaxLength(150);
        builder.Property(r => r.RejectionReason).HasMaxLength(2000);

        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Technicians).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Devices).WithOne().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Technicians).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Devices).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Pauses).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Pauses).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The lists and inboxes filter on these.
        builder.HasIndex(r => new { r.Status, r.ReceivedAtUtc });
        // An OPD's reports of one state, newest first: the list filtered by OPD and state (and a month) reads just its
        // rows, and counts them from the index alone (migration ListNewestFirst; it replaced (OpdId, Status), which
        // it still serves as a prefix, so a write updates as many indexes as before).
        builder.HasIndex(r => new { r.OpdId, r.Status, r.ReceivedAtUtc });
        // The Kepala Dinas's queue (ReportQueries.AwaitingActionBy), oldest clock first: it holds every new report, and
        // each awaited state (confirmed by the front desk) is one range of this index in clock order, so the ten the
        // dashboard shows are read from the front of each range instead of sorting them all. Two equality columns
        // before the clock, so that SQLite prefers it to (Status, ReceivedAtUtc) even without statistics (migration
        // QueuesInClockOrder; QueueInClockOrder counts the steps).
        builder.HasIndex(r => new { r.Status, r.AwaitsIntakeConfirmation, r.SlaClockStartUtc });
        builder.HasIndex(r => new { r.KabidUserId, r.Status }).HasFilter(IndexFilters.NotNull(nameof(Report.KabidUserId)));
        builder.HasIndex(r => new { r.KasiUserId, r.Status }).HasFilter(IndexFilters.NotNull(nameof(Report.KasiUserId)));
        // Newest first across states; with the closing time, the monthly recap's counts of the reports open at a
        // month's start and end are read from the index alone (at a million reports they walked every older report's
        // row: 3 s each; migration RecapCountsFromIndexes).
        builder.HasIndex(r => new { r.ReceivedAtUtc, r.ClosedAtUtc });
        // The reports closed in a month, without the rejected ones: the recap's twelve-month trend and its
        // reconciliation count one range of this index each (a scan of every report before: 0.8 s a month at a million).
        builder.HasIndex(r => new { r.ClosedAtUtc, r.Status });
        // Open and overdue filters (running = not completed, not paused), the dashboard's completion figures. Status
        // before the clock: the running reports of each open state are one range in clock order, so the lists skip the
        // rejected reports (never completed either, and piling up) without reading them (docs/performance.md).
        builder.HasIndex(r => new { r.WorkCompletedAtUtc, r.SlaPausedSinceUtc, r.Status, r.SlaClockStartUtc });
        builder.HasIndex(r => new { r.Category, r.Status });
        builder.HasIndex(r => new { r.Channel, r.Status });
        builder.Ignore(r => r.IsFinal);
        builder.Ignore(r => r.SlaFacts);
    }
}

public class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(150).IsRequired();
        builder.Property(e => e.ActorPosition).HasMaxLength(150);
        builder.Property(e => e.ActorNip).HasMaxLength(18);
        builder.Property(e => e.ActorRole).HasMaxLength(40).IsRequired();
        builder.Property(e => e.OnBehalfOfUserId).HasMaxLength(450);
        builder.Property(e => e.OnBehalfOfName).HasMaxLength(150);
        builder.Property(e => e.OnBehalfOfPosition).HasMaxLength(150);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.Property(e => e.Details).HasMaxLength(8000);
        builder.Property(e => e.TargetUserId).HasMaxLength(450);
        builder.Property(e => e.TargetName).HasMaxLength(150);
        builder.Property(e => e.Instructions).HasConversion<int>();
        builder.HasIndex(e => new { e.ReportId, e.AtUtc });
        // The dashboard's time per step reads the average of SecondsInFromStatus per FromStatus over recent events
        // from this index alone.
        builder.HasIndex(e => new { e.FromStatus, e.AtUtc, e.SecondsInFromStatus });
        builder.Ignore(e => e.IsPlh);
        builder.Ignore(e => e.CapacityTitle);
    }
}

public class OfflineStepReceiptConfiguration : IEntityTypeConfiguration<OfflineStepReceipt>
{
    public void Configure(EntityTypeBuilder<OfflineStepReceipt> builder)
    {
        builder.Property(r => r.IdempotencyKey).HasMaxLength(OfflineStepReceipt.KeyMaxLength).IsRequired();
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Message).HasMaxLength(1000).IsRequired();
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ReportAssignmentConfiguration : IEntityTypeConfiguration<ReportAssignment>
{
    public void Configure(EntityTypeBuilder<ReportAssignment> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.FullName).HasMaxLength(150);
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UserId, a.ReportId }).IsUnique();
    }
}

public class ReportDeviceConfiguration : IEntityTypeConfiguration<ReportDevice>
{
    public void Configure(EntityTypeBuilder<ReportDevice> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(150).IsRequired();
        builder.Property(d => d.BrandType).HasMaxLength(150);
        builder.Property(d => d.SerialNumber).HasMaxLength(100);
        builder.Property(d => d.Notes).HasMaxLength(500);
        builder.Property(d => d.NewBrandType).HasMaxLength(150);
        builder.Property(d => d.NewSerialNumber).HasMaxLength(100);
        builder.HasOne(d => d.Device).WithMany().HasForeignKey(d => d.DeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.NewDevice).WithMany().HasForeignKey(d => d.NewDeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Message).HasMaxLength(500).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Report>().WithMany().HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Restrict);
        // The badge's count and the report page's "unread about this report?" read this index alone (NavCounts).
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.ReportId });
    }
}

public class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}

public class ReportPauseConfiguration : IEntityTypeConfiguration<ReportPause>
{
    public void Configure(EntityTypeBuilder<ReportPause> builder)
    {
        builder.Property(p => p.Note).HasMaxLength(1000).IsRequired();
        builder.Property(p => p.PausedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.PausedByName).HasMaxLength(150).IsRequired();
        builder.Property(p => p.ResumedByUserId).HasMaxLength(450);
        builder.Property(p => p.ResumedByName).HasMaxLength(150);
        builder.HasIndex(p => new { p.ReportId, p.PausedAtUtc });
        builder.Ignore(p => p.IsOpen);
    }
}

public class SlaEscalationConfiguration : IEntityTypeConfiguration<SlaEscalation>
{
    public void Configure(EntityTypeBuilder<SlaEscalation> builder)
    {
        builder.HasOne<Report>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        // Exactly once per report per kind, enforced by the database too.
        builder.HasIndex(e => new { e.ReportId, e.Kind }).IsUnique();
    }
}

public class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.Property(e => e.To).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Body).HasMaxLength(8000).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.HasOne<Report>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        // The sender picks the due, unsent rows.
        builder.HasIndex(e => new { e.SentAtUtc, e.NextAttemptAtUtc });
    }
}
