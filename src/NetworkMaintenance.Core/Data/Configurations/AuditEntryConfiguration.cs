using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain.Audit;

namespace NetworkMaintenance.Core.Data.Configurations;

/// <summary>
/// The audit log table. No foreign keys (the actor is a snapshot); indexes for the admin page's newest-first search
/// by time and by event type. UPDATE and DELETE are refused by triggers created in the AuditLog migration.
/// </summary>
public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string TableName = "AuditEntries";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(TableName);
        builder.Property(e => e.EventType).HasMaxLength(AuditEntry.EventTypeMaxLength).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(AuditEntry.SummaryMaxLength).IsRequired();
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorUserName).HasMaxLength(256);
        builder.Property(e => e.ClientIp).HasMaxLength(64);
        builder.Property(e => e.ObjectType).HasMaxLength(40);
        builder.Property(e => e.ObjectId).HasMaxLength(AuditEntry.ObjectIdMaxLength);
        builder.Property(e => e.ObjectNumber).HasMaxLength(AuditEntry.ObjectIdMaxLength);
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.EventType, e.AtUtc });
    }
}
