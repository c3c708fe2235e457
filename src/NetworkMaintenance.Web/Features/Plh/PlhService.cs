using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Audit;

namespace NetworkMaintenance.Web.Features.Plh;

/// <summary>What became of an appointment or a revocation.</summary>
public abstract record PlhOutcome
{
    private PlhOutcome() { }

    public sealed record Appointed(string ActingName) : PlhOutcome;

    /// <summary>Refused; <paramref name="Field"/> names the form field (empty for the whole form).</summary>
    public sealed record Refused(string Field, string Message) : PlhOutcome;

    public sealed record Revoked : PlhOutcome;

    /// <summary>No such appointment of this official.</summary>
    public sealed record NotFound : PlhOutcome;
}

/// <summary>
/// Acting officials (Plh.): an official appoints one for a date range and may revoke it; the appointment, the acting
/// person's notification and the audit entry are saved together.
/// </summary>
public sealed class PlhService(AppDbContext db, TimeProvider clock, IAuditLog audit)
{
    public async Task<PlhOutcome> AppointAsync(string officialUserId, string officialFullName, string? officialUserName,
        AppointPlhInput input, CancellationToken ct = default)
    {
        var acting = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == input.ActingUserId && u.IsActive, ct);
        if (acting is null || acting.OpdId is not null)
        {
            return new PlhOutcome.Refused(nameof(input.ActingUserId), "Plh. harus pegawai Diskominfo yang aktif.");
        }
        if (input.EndDate < Wib.Today(clock)) return new PlhOutcome.Refused(nameof(input.EndDate), "Masa Plh. sudah lewat.");

        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.ActingAppointments.Add(new ActingAppointment(officialUserId, acting.Id, input.StartDate!.Value, input.EndDate!.Value,
                input.Reason, officialUserId, now));
            db.Notifications.Add(new Notification(acting.Id,
                $"Anda ditunjuk sebagai Plh. {officialFullName} untuk {input.StartDate:dd-MM-yyyy} s.d. {input.EndDate:dd-MM-yyyy}.",
                null, now));
            audit.Add(AuditEvents.PlhAppointed, $"{acting.UserName} ditunjuk sebagai Plh. {officialUserName} untuk {input.StartDate:dd-MM-yyyy} s.d. {input.EndDate:dd-MM-yyyy}.",
                AuditObject.User(acting.Id, acting.UserName), new { input.StartDate, input.EndDate, input.Reason });
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            return new PlhOutcome.Refused("", ex.Message);
        }
        return new PlhOutcome.Appointed(acting.FullName);
    }

    public async Task<PlhOutcome> RevokeAsync(string officialUserId, string? officialUserName, int appointmentId,
        CancellationToken ct = default)
    {
        var appointment = await db.ActingAppointments.SingleOrDefaultAsync(a => a.Id == appointmentId && a.OfficialUserId == officialUserId, ct);
        if (appointment is null) return new PlhOutcome.NotFound();
        appointment.Revoke(clock.GetUtcNow().UtcDateTime);
        audit.Add(AuditEvents.PlhRevoked, $"Penunjukan Plh. nomor {appointmentId} dicabut oleh {officialUserName}.", AuditObject.Plh(appointmentId));
        await db.SaveChangesAsync(ct);
        return new PlhOutcome.Revoked();
    }

    /// <summary>The official's page: their appointments, those made for them, and the people they may appoint.</summary>
    public async Task<PlhPageModel> PageAsync(string userId, AppointPlhInput input, CancellationToken ct = default)
    {
        var mine = await db.ActingAppointments.AsNoTracking().Include(a => a.Acting)
            .Where(a => a.OfficialUserId == userId).OrderByDescending(a => a.StartDate).Take(50).ToListAsync(ct);
        var forMe = await db.ActingAppointments.AsNoTracking().Include(a => a.Official)
            .Where(a => a.ActingUserId == userId && a.RevokedAtUtc == null).OrderByDescending(a => a.StartDate).Take(50).ToListAsync(ct);
        // Candidates: Diskominfo's own active staff (not OPD reporters), except the official.
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.OpdId == null && u.Id != userId)
            .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName, u.Position }).ToListAsync(ct);
        return new PlhPageModel(input, mine, forMe,
            candidates.Select(c => (c.Id, c.FullName, c.Position)).ToList(), Wib.Today(clock));
    }
}
