using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Attachments;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.PublicPages;

/// <summary>Receives complaints (once per form token) and carries them from received to answered.</summary>
public sealed class ComplaintService(AppDbContext db, AttachmentStore attachments, TimeProvider clock, ILogger<ComplaintService> logger)
{
    /// <summary>
    /// Records a complaint. A form token already used returns the complaint it created, so a resubmitted form
    /// (double click, back-and-resend) never creates a second one.
    /// </summary>
    /// <summary>
    /// The complaint with this number when <paramref name="code"/> is its tracking code (compared in fixed time), else
    /// null: a wrong number and a wrong code look the same.
    /// </summary>
    public async Task<TrackedComplaint?> TrackAsync(string? number, string? code, CancellationToken ct = default)
    {
        var n = (number ?? "").Trim().ToUpperInvariant();
        var c = (code ?? "").Trim().ToUpperInvariant();
        if (n.Length == 0 || c.Length == 0 || n.Length > 20 || c.Length > 12) return null;
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(x => x.Number == n, ct);
        if (complaint is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(complaint.TrackingCode), System.Text.Encoding.UTF8.GetBytes(c))) return null;
        return new TrackedComplaint(complaint.Number, complaint.Status, complaint.CreatedAtUtc, complaint.Answer, complaint.AnsweredAtUtc);
    }

    public async Task<Complaint> ReceiveAsync(NewComplaint input, CheckedUpload? upload, CancellationToken ct = default)
    {
        var existing = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.FormToken == input.FormToken, ct);
        if (existing is not null) return existing;

        var run = 0;
        // A transaction opened by hand must run as one retriable unit of the execution strategy: SQL Server's and
        // PostgreSQL's retrying strategies (and SQLite's under Database:RetryingStrategy) refuse it otherwise.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            if (run++ > 0) db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            var year = Wib.FromUtc(now).Year;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var sequence = await db.NextAsync($"{Complaint.NumberPrefix}-{year}", ct);
                var complaint = Complaint.Receive(input, year, sequence, ReportService.NewTrackingCode(), now);
                db.Complaints.Add(complaint);
                await db.SaveChangesAsync(ct);
                if (upload is not null)
                {
                    await attachments.SaveAsync(upload, null, complaint.Id, null, ct);
                    await db.SaveChangesAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Complaint {Number} received via {Channel}", complaint.Number, complaint.Channel);
                return complaint;
            }
            catch (DbUpdateException)
            {
                // The same form posted twice at the same moment: the unique token let only one through.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var first = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.FormToken == input.FormToken, ct);
                if (first is null) throw;
                return first;
            }
        });
    }
}
