using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Core.Data.Configurations;

public class OpdConfiguration : IEntityTypeConfiguration<Opd>
{
    public void Configure(EntityTypeBuilder<Opd> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ShortName).HasMaxLength(60);
        builder.Property(o => o.Address).HasMaxLength(300);
        builder.Property(o => o.Phone).HasMaxLength(30);
        builder.Property(o => o.Email).HasMaxLength(200);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.Ignore(o => o.DisplayName);
    }
}
