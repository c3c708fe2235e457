using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Core.Data.Configurations;

public class ActingAppointmentConfiguration : IEntityTypeConfiguration<ActingAppointment>
{
    public void Configure(EntityTypeBuilder<ActingAppointment> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.OfficialUserId).HasMaxLength(450);
        builder.Property(a => a.ActingUserId).HasMaxLength(450);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450);
        builder.HasOne(a => a.Official).WithMany().HasForeignKey(a => a.OfficialUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Acting).WithMany().HasForeignKey(a => a.ActingUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ActingUserId, a.StartDate, a.EndDate });
    }
}
