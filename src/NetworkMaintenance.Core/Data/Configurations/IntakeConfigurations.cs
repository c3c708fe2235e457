using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Data.Configurations;

public class GuestBookEntryConfiguration : IEntityTypeConfiguration<GuestBookEntry>
{
    public void Configure(EntityTypeBuilder<GuestBookEntry> builder)
    {
        builder.Property(g => g.VisitorName).HasMaxLength(150).IsRequired();
        builder.Property(g => g.IdentityNumber).HasMaxLength(50).IsRequired();
        builder.Property(g => g.Institution).HasMaxLength(200);
        builder.Property(g => g.Purpose).HasMaxLength(500).IsRequired();
        builder.Property(g => g.RecordedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Report>().WithMany().HasForeignKey(g => g.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.TimeInUtc);
        builder.HasIndex(g => g.ReportId);
    }
}

public class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.StoredName).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.StoredName).IsUnique();
        builder.Property(a => a.OriginalName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(50).IsRequired();
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450);
        // Anonymous uploads only: the daily quota per client address counts them.
        builder.Property(a => a.UploaderIp).HasMaxLength(45);
        builder.HasIndex(a => new { a.UploadedAtUtc, a.UploaderIp });
        builder.HasOne<Report>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.Year, c.Sequence }).IsUnique();
        builder.Property(c => c.TrackingCode).HasMaxLength(12).IsRequired();
        builder.Property(c => c.FormToken).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.FormToken).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(150).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.Email).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.ReportNumber).HasMaxLength(20);
        builder.Property(c => c.LaporNumber).HasMaxLength(Formatting.LaporNumber.MaxLength);
        builder.HasIndex(c => c.LaporNumber);
        builder.Property(c => c.HandledByUserId).HasMaxLength(450);
        builder.Property(c => c.Answer).HasMaxLength(4000);
        builder.HasIndex(c => new { c.Status, c.CreatedAtUtc });
    }
}

public class InboundEmailConfiguration : IEntityTypeConfiguration<InboundEmail>
{
    public void Configure(EntityTypeBuilder<InboundEmail> builder)
    {
        // One row per message: the guard against importing a message twice (docs/email-intake.md).
        builder.Property(e => e.MessageId).HasMaxLength(InboundEmail.MessageIdMaxLength).IsRequired();
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.Property(e => e.FromAddress).HasMaxLength(InboundEmail.AddressMaxLength).IsRequired();
        builder.Property(e => e.FromName).HasMaxLength(InboundEmail.AddressMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(InboundEmail.SubjectMaxLength).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(InboundEmail.NoteMaxLength);
        builder.HasOne<Report>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.Outcome, e.ProcessedAtUtc });
        builder.HasIndex(e => e.ReportId);
    }
}
