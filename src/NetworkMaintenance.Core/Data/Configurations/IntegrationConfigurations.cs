using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Integration;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Data.Configurations;

public class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.UserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Hint).HasMaxLength(20).IsRequired();
        builder.Property(t => t.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.RevokedByUserId).HasMaxLength(450);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class WebhookReceiverConfiguration : IEntityTypeConfiguration<WebhookReceiver>
{
    public void Configure(EntityTypeBuilder<WebhookReceiver> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(WebhookReceiver.NameMaxLength).IsRequired();
        builder.Property(r => r.Url).HasMaxLength(WebhookReceiver.UrlMaxLength).IsRequired();
        // The flags as their number: a set of events, not one name.
        builder.Property(r => r.Events).HasConversion<int>();
        builder.Property(r => r.ProtectedSecret).HasMaxLength(1000).IsRequired();
        builder.Property(r => r.SecretHint).HasMaxLength(20).IsRequired();
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450).IsRequired();
    }
}

public class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.EventType).HasMaxLength(40).IsRequired();
        builder.Property(d => d.Body).HasMaxLength(16000).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.HasOne(d => d.Receiver).WithMany().HasForeignKey(d => d.ReceiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
        // The sender picks the due, pending rows.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAtUtc });
        builder.HasIndex(d => d.CreatedAtUtc);
    }
}
