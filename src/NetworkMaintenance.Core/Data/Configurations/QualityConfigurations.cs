using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Data.Configurations;

public class ServiceStandardSectionConfiguration : IEntityTypeConfiguration<ServiceStandardSection>
{
    public void Configure(EntityTypeBuilder<ServiceStandardSection> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(40);
        builder.Property(s => s.Title).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Body).HasMaxLength(8000).IsRequired();
        builder.Property(s => s.UpdatedByUserId).HasMaxLength(450);
    }
}

public class SatisfactionSurveyConfiguration : IEntityTypeConfiguration<SatisfactionSurvey>
{
    public void Configure(EntityTypeBuilder<SatisfactionSurvey> builder)
    {
        builder.HasIndex(s => s.ReportId).IsUnique();
        builder.HasIndex(s => new { s.OpdId, s.SubmittedAtUtc });
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opd>().WithMany().HasForeignKey(s => s.OpdId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Suggestion).HasMaxLength(2000);
        builder.Ignore(s => s.Scores);
    }
}
