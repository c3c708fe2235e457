using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Monitoring;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Data.Configurations;

public class MonitoringSourceConfiguration : IEntityTypeConfiguration<MonitoringSource>
{
    public void Configure(EntityTypeBuilder<MonitoringSource> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(MonitoringSource.NameMaxLength).IsRequired();
        builder.Property(s => s.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.Property(s => s.TokenHint).HasMaxLength(20).IsRequired();
        builder.Property(s => s.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(s => s.IsActive);
    }
}

public class MonitoringAlertConfiguration : IEntityTypeConfiguration<MonitoringAlert>
{
    public void Configure(EntityTypeBuilder<MonitoringAlert> builder)
    {
        builder.Property(a => a.Fingerprint).HasMaxLength(MonitoringAlert.FingerprintMaxLength).IsRequired();
        // One current alert per source and fingerprint, also when two deliveries of the same alert race.
        builder.Property(a => a.CurrentKey).HasMaxLength(MonitoringAlert.FingerprintMaxLength + 12);
        builder.HasIndex(a => a.CurrentKey).IsUnique();
        builder.Property(a => a.DeviceLabel).HasMaxLength(MonitoringAlert.DeviceLabelMaxLength);
        builder.Property(a => a.Severity).HasMaxLength(MonitoringAlert.SeverityMaxLength).IsRequired();
        builder.Property(a => a.Summary).HasMaxLength(MonitoringAlert.SummaryMaxLength).IsRequired();
        builder.HasOne(a => a.Source).WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Opd).WithMany().HasForeignKey(a => a.OpdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Report>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OpdId, a.StartsAtUtc });
        builder.HasIndex(a => a.ReportId);
        builder.Ignore(a => a.IsFiring);
    }
}
