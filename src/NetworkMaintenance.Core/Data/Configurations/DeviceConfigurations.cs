using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Data.Configurations;

public class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.HasOne(d => d.Opd).WithMany().HasForeignKey(d => d.OpdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Report>().WithMany().HasForeignKey(d => d.ReservedForReportId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Building).HasMaxLength(150);
        builder.Property(d => d.Room).HasMaxLength(150);
        builder.Property(d => d.BrandType).HasMaxLength(150).IsRequired();
        builder.Property(d => d.SerialNumber).HasMaxLength(100);
        builder.HasIndex(d => d.SerialNumber).IsUnique();
        builder.Property(d => d.KodeBarang).HasMaxLength(50);
        builder.Property(d => d.Nup).HasMaxLength(20);
        builder.Property(d => d.IpAddress).HasMaxLength(45);
        builder.Property(d => d.MacAddress).HasMaxLength(17);
        builder.Property(d => d.RepeatFaultDecisionNote).HasMaxLength(1000);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.OpdId, d.Status });
        builder.HasIndex(d => new { d.Kind, d.Status });
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.Label);
        builder.Ignore(d => d.LocationText);
        builder.Ignore(d => d.IsFlaggedForRepeatFaults);
    }
}

public class DeviceEventConfiguration : IEntityTypeConfiguration<DeviceEvent>
{
    public void Configure(EntityTypeBuilder<DeviceEvent> builder)
    {
        builder.Property(e => e.ActorName).HasMaxLength(150).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(1000).IsRequired();
        builder.HasOne<Report>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.DeviceId, e.AtUtc });
        builder.HasIndex(e => new { e.Kind, e.AtUtc });
    }
}

public class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(150).IsRequired();
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Unit).HasMaxLength(30).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.BelowReorderLevel);
        builder.HasMany(s => s.Movements).WithOne().HasForeignKey(m => m.StockItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Movements).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.Property(m => m.ActorName).HasMaxLength(150).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(500).IsRequired();
        builder.HasOne<Report>().WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.StockItemId, m.AtUtc });
        builder.HasIndex(m => m.ReportId);
    }
}

public class DeviceReorderLevelConfiguration : IEntityTypeConfiguration<DeviceReorderLevel>
{
    public void Configure(EntityTypeBuilder<DeviceReorderLevel> builder)
    {
        builder.HasKey(r => r.Kind);
    }
}
