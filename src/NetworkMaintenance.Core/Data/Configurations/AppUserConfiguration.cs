using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Core.Data.Configurations;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(150).IsRequired();
        builder.Property(u => u.Nip).HasMaxLength(18);
        builder.Property(u => u.Nik).HasMaxLength(16);
        builder.Property(u => u.Position).HasMaxLength(150);
        builder.HasOne(u => u.Opd).WithMany().HasForeignKey(u => u.OpdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.OrgUnit).WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
