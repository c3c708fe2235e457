using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Data.Configurations;

public class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(100).IsRequired();
        builder.Property(d => d.VerificationCode).HasMaxLength(VerificationCode.Length).IsRequired();
        // A concurrency token: two signers adding a signature at once must not overwrite each other's file.
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired().IsConcurrencyToken();
        builder.Property(d => d.Pdf).IsRequired();
        builder.Property(d => d.SnapshotJson).IsRequired();
        builder.Property(d => d.PartiesJson).HasMaxLength(4000).IsRequired();
        builder.Property(d => d.IssuedByUserId).HasMaxLength(450);
        builder.Property(d => d.VersionReason).HasMaxLength(IssuedDocument.MaxReasonLength);

        // A number belongs to one document of a type; its versions share it. A code opens exactly one version.
        builder.HasIndex(d => new { d.Type, d.Number, d.Version }).IsUnique();
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.HasIndex(d => new { d.ReportId, d.Type, d.Version }).IsUnique();

        builder.HasOne<Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.IssuedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.SupersededBy).WithMany().HasForeignKey(d => d.SupersededById).OnDelete(DeleteBehavior.Restrict);
        // A version is issued without a successor (IndexFilters).
        builder.HasIndex(d => d.SupersededById).HasFilter(IndexFilters.NotNull(nameof(IssuedDocument.SupersededById)));
        builder.Ignore(d => d.Parties);
        builder.Ignore(d => d.IsPendingRendering);
        builder.HasMany(d => d.Signatures).WithOne().HasForeignKey(s => s.IssuedDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Signatures).HasField("_signatures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class PendingDocumentRenderConfiguration : IEntityTypeConfiguration<PendingDocumentRender>
{
    public void Configure(EntityTypeBuilder<PendingDocumentRender> builder)
    {
        builder.HasKey(p => p.IssuedDocumentId);
        builder.Property(p => p.IssuedDocumentId).ValueGeneratedNever();
        builder.HasOne(p => p.Document).WithMany().HasForeignKey(p => p.IssuedDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DocumentSignatureConfiguration : IEntityTypeConfiguration<DocumentSignature>
{
    public void Configure(EntityTypeBuilder<DocumentSignature> builder)
    {
        builder.Property(s => s.Provider).HasMaxLength(40).IsRequired();
        builder.Property(s => s.SignerUserId).HasMaxLength(450);
        builder.Property(s => s.SignerName).HasMaxLength(DocumentSignature.MaxNameLength).IsRequired();
        builder.Property(s => s.CertificateSubject).HasMaxLength(DocumentSignature.MaxDistinguishedNameLength);
        builder.Property(s => s.CertificateIssuer).HasMaxLength(DocumentSignature.MaxDistinguishedNameLength);
        builder.Property(s => s.PreviousPdf).IsRequired();
        builder.Property(s => s.PreviousSha256).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => new { s.IssuedDocumentId, s.Sequence }).IsUnique();
        builder.HasIndex(s => s.Sha256);
        builder.HasIndex(s => s.PreviousSha256);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.SignerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class DocumentSettingsConfiguration : IEntityTypeConfiguration<DocumentSettings>
{
    public void Configure(EntityTypeBuilder<DocumentSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Government).HasMaxLength(150).IsRequired();
        builder.Property(s => s.AgencyName).HasMaxLength(150).IsRequired();
        builder.Property(s => s.Address).HasMaxLength(300).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.Property(s => s.Email).HasMaxLength(200);
        builder.Property(s => s.Website).HasMaxLength(200);
        builder.Property(s => s.City).HasMaxLength(60).IsRequired();
        builder.Property(s => s.LogoContentType).HasMaxLength(20);
        builder.Property(s => s.DispositionSheetPattern).HasMaxLength(DocumentNumberPattern.MaxLength).IsRequired();
        builder.Property(s => s.ReplacementRequestBaPattern).HasMaxLength(DocumentNumberPattern.MaxLength).IsRequired();
        builder.Property(s => s.WorkBaPattern).HasMaxLength(DocumentNumberPattern.MaxLength).IsRequired();
        builder.Property(s => s.WorkReportPattern).HasMaxLength(DocumentNumberPattern.MaxLength).IsRequired();
        builder.Property(s => s.UpdatedByUserId).HasMaxLength(450);
    }
}

public class MonthlyRecapNarrativeConfiguration : IEntityTypeConfiguration<MonthlyRecapNarrative>
{
    public void Configure(EntityTypeBuilder<MonthlyRecapNarrative> builder)
    {
        builder.HasIndex(n => new { n.Year, n.Month }).IsUnique();
        builder.HasIndex(n => n.CoverLetterNumber).IsUnique();
        builder.Property(n => n.Permasalahan).HasMaxLength(MonthlyRecapNarrative.MaxPartLength).IsRequired();
        builder.Property(n => n.Kendala).HasMaxLength(MonthlyRecapNarrative.MaxPartLength).IsRequired();
        builder.Property(n => n.TindakLanjut).HasMaxLength(MonthlyRecapNarrative.MaxPartLength).IsRequired();
        builder.Property(n => n.Rekomendasi).HasMaxLength(MonthlyRecapNarrative.MaxPartLength).IsRequired();
        builder.Property(n => n.UpdatedByUserId).HasMaxLength(450);
        builder.Property(n => n.UpdatedByName).HasMaxLength(200);
        builder.Property(n => n.CoverLetterNumber).HasMaxLength(100);
        builder.Property(n => n.CoverLetterNumberedByUserId).HasMaxLength(450);
        builder.Property(n => n.Version).IsConcurrencyToken();
    }
}
