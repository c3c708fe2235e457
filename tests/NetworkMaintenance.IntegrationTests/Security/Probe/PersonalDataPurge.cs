using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.PersonalData;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// UU 27/2022: the guest book's and the complaints' personal data are kept for the retention period only. The purge
/// erases what is older (answered complaints only), leaves everything else, and records itself in the audit log.
/// </summary>
public sealed class PersonalDataPurge(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task DataOlderThanTheRetentionPeriodIsErasedAndThePurgeIsAudited()
    {
        var now = DateTime.UtcNow;
        var recordedBy = await factory.UserIdAsync("petugas");
        var (oldGuest, newGuest, oldAnswered, oldOpen) = await factory.QueryAsync(async db =>
        {
            var old = GuestBookEntry.Record(new GuestVisit("Tamu Lama", IdentityType.Ktp, "1271000000000001", "Dinas Lama",
                "Lapor gangguan", now.AddDays(-800), null), recordedBy, now.AddDays(-800));
            var recent = GuestBookEntry.Record(new GuestVisit("Tamu Baru", IdentityType.Ktp, "1271000000000002", null,
                "Lapor gangguan", now.AddDays(-10), null), recordedBy, now.AddDays(-10));
            var answered = Complaint.Receive(new NewComplaint("Pengadu Lama", "+6281200000001", "lama@contoh.id", ReportChannel.Web,
                "Teknisi terlambat datang.", null, new string('a', 32)), 2024, 1, "PURGEAAA", now.AddDays(-800));
            answered.StartHandling(recordedBy, now.AddDays(-799));
            answered.AnswerWith("Mohon maaf, sudah ditangani.", recordedBy, now.AddDays(-798));
            var open = Complaint.Receive(new NewComplaint("Pengadu Terbuka", "+6281200000002", null, ReportChannel.Web,
                "Belum dijawab sampai sekarang.", null, new string('b', 32)), 2024, 2, "PURGEBBB", now.AddDays(-800));
            db.AddRange(old, recent, answered, open);
            await db.SaveChangesAsync();
            return (old.Id, recent.Id, answered.Id, open.Id);
        });

        var dryRun = await factory.WithScopeAsync(sp => sp.GetRequiredService<PersonalDataRetention>().PurgeAsync(dryRun: true));
        Assert.Equal((1, 1), (dryRun.GuestBookEntries, dryRun.Complaints));
        Assert.Equal("Tamu Lama", await factory.QueryAsync(db => db.GuestBookEntries.Where(g => g.Id == oldGuest).Select(g => g.VisitorName).SingleAsync()));

        var result = await factory.WithScopeAsync(sp => sp.GetRequiredService<PersonalDataRetention>().PurgeAsync(dryRun: false));

        Assert.Equal((1, 1), (result.GuestBookEntries, result.Complaints));
        await factory.QueryAsync(async db =>
        {
            var erased = await db.GuestBookEntries.SingleAsync(g => g.Id == oldGuest);
            Assert.Equal((GuestBookEntry.Erased, GuestBookEntry.Erased, (string?)null, "Lapor gangguan"),
                (erased.VisitorName, erased.IdentityNumber, erased.Institution, erased.Purpose));
            Assert.Equal("Tamu Baru", (await db.GuestBookEntries.SingleAsync(g => g.Id == newGuest)).VisitorName);
            var contact = await db.Complaints.SingleAsync(c => c.Id == oldAnswered);
            Assert.Equal((GuestBookEntry.Erased, (string?)null, (string?)null), (contact.Name, contact.Phone, contact.Email));
            Assert.Equal("Teknisi terlambat datang.", contact.Text);
            Assert.Equal("Pengadu Terbuka", (await db.Complaints.SingleAsync(c => c.Id == oldOpen)).Name);
            var entry = await db.AuditEntries.SingleAsync(e => e.EventType == AuditEvents.PersonalDataPurged);
            Assert.Contains("1 entri buku tamu, 1 kontak pengaduan", entry.Summary, StringComparison.Ordinal);
            return 0;
        });
        // A second run finds nothing and records nothing.
        var again = await factory.WithScopeAsync(sp => sp.GetRequiredService<PersonalDataRetention>().PurgeAsync(dryRun: false));
        Assert.Equal((0, 0), (again.GuestBookEntries, again.Complaints));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EventType == AuditEvents.PersonalDataPurged)));
    }
}
