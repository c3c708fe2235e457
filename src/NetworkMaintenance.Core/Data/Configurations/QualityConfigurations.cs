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
        // Stored as a number so that the components of an existing database (all of part A) get 0, ServiceDelivery.
        builder.Property(s => s.Part).HasConversion<int>();
    }
}

public class ServiceStandardRevisionConfiguration : IEntityTypeConfiguration<ServiceStandardRevision>
{
    public void Configure(EntityTypeBuilder<ServiceStandardRevision> builder)
    {
        builder.HasIndex(r => new { r.SectionKey, r.ChangedAtUtc });
        builder.HasOne<ServiceStandardSection>().WithMany().HasForeignKey(r => r.SectionKey).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.SectionKey).HasMaxLength(40);
        builder.Property(r => r.Body).HasMaxLength(ServiceStandardSection.MaxBodyLength).IsRequired();
        builder.Property(r => r.ChangedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.ChangedByName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.SkNumber).HasMaxLength(100);
    }
}

public class ServiceCharterConfiguration : IEntityTypeConfiguration<ServiceCharter>
{
    public void Configure(EntityTypeBuilder<ServiceCharter> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.StandardSkNumber).HasMaxLength(100);
        builder.Property(c => c.DeclarationText).HasMaxLength(ServiceCharter.MaxDeclarationLength).IsRequired();
        builder.Property(c => c.SignerName).HasMaxLength(200);
        builder.Property(c => c.SignerNip).HasMaxLength(18);
        builder.Property(c => c.SignerPosition).HasMaxLength(200).IsRequired();
        builder.Property(c => c.DeclarationUpdatedByUserId).HasMaxLength(450);
        builder.Ignore(c => c.HasDeclaration);
    }
}

public class SkmPeriodReviewConfiguration : IEntityTypeConfiguration<SkmPeriodReview>
{
    public void Configure(EntityTypeBuilder<SkmPeriodReview> builder)
    {
        builder.HasIndex(r => r.PeriodKey).IsUnique();
        builder.HasIndex(r => r.Year);
        builder.Property(r => r.PeriodKey).HasMaxLength(7).IsRequired();
        builder.Property(r => r.Analysis).HasMaxLength(SkmPeriodReview.MaxTextLength);
        builder.Property(r => r.SuggestionGroups).HasMaxLength(SkmPeriodReview.MaxTextLength);
        builder.Property(r => r.AnalysedByName).HasMaxLength(200);
        builder.Property(r => r.PublishedByName).HasMaxLength(200);
        builder.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.Period);
        builder.Ignore(r => r.IsPublished);
        builder.Ignore(r => r.IsAnalysed);
        builder.Ignore(r => r.PublishedSums);
        builder.Ignore(r => r.PublishedIkm);
    }
}

public class SkmFollowUpActionConfiguration : IEntityTypeConfiguration<SkmFollowUpAction>
{
    public void Configure(EntityTypeBuilder<SkmFollowUpAction> builder)
    {
        builder.Property(a => a.Description).HasMaxLength(SkmFollowUpAction.MaxTextLength).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(SkmFollowUpAction.MaxOwnerLength).IsRequired();
        builder.Property(a => a.PlannedByName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.CompletedByName).HasMaxLength(200);
        builder.Property(a => a.CompletionNote).HasMaxLength(SkmFollowUpAction.MaxTextLength);
        builder.Property(a => a.EvidenceStoredName).HasMaxLength(100);
        builder.Property(a => a.EvidenceFileName).HasMaxLength(120);
        builder.Property(a => a.EvidenceContentType).HasMaxLength(50);
        builder.Ignore(a => a.IsDone);
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
