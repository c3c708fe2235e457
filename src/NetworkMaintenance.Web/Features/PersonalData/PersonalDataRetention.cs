using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Web.Features.Audit;

namespace NetworkMaintenance.Web.Features.PersonalData;

/// <summary>
/// How long personal data of people without an account is kept (UU 27/2022 on personal data protection; settings
/// <c>PersonalData:GuestBookRetentionDays</c> and <c>PersonalData:ComplaintContactRetentionDays</c>, default 730 days).
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";
    public const int DefaultRetentionDays = 730;

    public int GuestBookRetentionDays { get; set; } = DefaultRetentionDays;
    public int ComplaintContactRetentionDays { get; set; } = DefaultRetentionDays;
}

/// <summary>Retention periods of at least one day: zero or less would erase personal data on the day it is recorded.</summary>
public sealed class PersonalDataOptionsValidator : Infrastructure.SettingsValidator<PersonalDataOptions>
{
    public override IEnumerable<string> Check(PersonalDataOptions options)
    {
        if (options.GuestBookRetentionDays < 1) yield return Positive("PersonalData:GuestBookRetentionDays", options.GuestBookRetentionDays);
        if (options.ComplaintContactRetentionDays < 1) yield return Positive("PersonalData:ComplaintContactRetentionDays", options.ComplaintContactRetentionDays);
    }
}

public sealed record PurgeResult(int GuestBookEntries, int Complaints, DateTime GuestBookCutoffUtc, DateTime ComplaintCutoffUtc);

/// <summary>
/// Erases personal data whose retention period is over: the visitor's name, identity number and institution of guest
/// book entries whose visit began before the cutoff, and the name, phone and e-mail of answered complaints received
/// before it (an open complaint keeps its contact until it is answered). The rows stay (dates, purpose, report
/// links, complaint text and answer) for the service statistics. Every run that erases something writes one audit
/// entry with the counts and the cutoffs; a dry run changes and records nothing.
/// </summary>
public sealed class PersonalDataRetention(AppDbContext db, IAuditLog audit, IOptions<PersonalDataOptions> options, TimeProvider clock)
{
    public async Task<PurgeResult> PurgeAsync(bool dryRun, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var guestCutoff = now.AddDays(-Math.Max(1, options.Value.GuestBookRetentionDays));
        var complaintCutoff = now.AddDays(-Math.Max(1, options.Value.ComplaintContactRetentionDays));

        var guests = await db.GuestBookEntries
            .Where(g => g.TimeInUtc < guestCutoff && g.VisitorName != GuestBookEntry.Erased).ToListAsync(ct);
        var complaints = await db.Complaints
            .Where(c => c.CreatedAtUtc < complaintCutoff && c.Status == ComplaintStatus.Answered && c.Name != GuestBookEntry.Erased)
            .ToListAsync(ct);
        var result = new PurgeResult(guests.Count, complaints.Count, guestCutoff, complaintCutoff);
        if (dryRun || (guests.Count == 0 && complaints.Count == 0)) return result;

        foreach (var guest in guests) guest.ErasePersonalData();
        foreach (var complaint in complaints) complaint.EraseContactData();
        audit.Add(AuditEvents.PersonalDataPurged,
            $"Data pribadi yang melewati masa simpan dihapus: {guests.Count} entri buku tamu, {complaints.Count} kontak pengaduan.",
            AuditObject.Named("PersonalData"),
            new
            {
                guestBookEntries = guests.Count,
                complaints = complaints.Count,
                guestBookBeforeUtc = guestCutoff,
                complaintsBeforeUtc = complaintCutoff,
            },
            new AuditActor(null, "personal-data purge"));
        await db.SaveChangesAsync(ct);
        return result;
    }
}
