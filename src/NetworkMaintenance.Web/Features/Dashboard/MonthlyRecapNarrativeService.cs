using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Dashboard;

/// <summary>The narrative form's fields (Indonesian names, as the form posts them) and the version it was based on.</summary>
public sealed class RecapNarrativeInput
{
    public string? Permasalahan { get; set; }
    public string? Kendala { get; set; }
    public string? TindakLanjut { get; set; }
    public string? Rekomendasi { get; set; }

    /// <summary>The <see cref="MonthlyRecapNarrative.Version"/> the form was opened with; empty for a month without a row.</summary>
    public string? Versi { get; set; }

    public RecapNarrative ToNarrative() => new(Permasalahan ?? "", Kendala ?? "", TindakLanjut ?? "", Rekomendasi ?? "");
}

/// <summary>The narrative page: the month, its text (stored or prefilled), whether it was edited, the nota dinas number.</summary>
public sealed record RecapNarrativeModel(int Year, int Month, string Bulan, RecapNarrativeInput Input, bool IsEdited,
    string? UpdatedBy, DateTime? UpdatedAtUtc, string? CoverLetterNumber, int CoverLetterVersion, string? Error)
{
    public string Period => $"{IndonesianDate.MonthName(Month)} {Year.ToString(CultureInfo.InvariantCulture)}";
}

public enum NarrativeSaveOutcome { Saved, Conflict, Invalid }

/// <summary>
/// The recap's narrative and its nota dinas: who may edit (<see cref="MayEdit"/>, the one home of that rule), the form
/// (stored text, or the prefill from the month's review notes), saving with the concurrency token and an audit entry,
/// and the nota dinas number (one per month, from its own yearly counter).
/// </summary>
public sealed class MonthlyRecapNarrativeService(AppDbContext db, MonthlyRecapService recaps, TimeProvider clock, IAuditLog audit)
{
    /// <summary>The nota dinas number pattern (codes as in <see cref="DocumentNumberPattern"/>); ND = nota dinas.</summary>
    public const string CoverLetterPattern = "000.8.3.3/{seq}/ND/Diskominfo/{year}";

    /// <summary>The yearly counter of the nota dinas numbers.</summary>
    public static string CoverLetterSequence(int year) => string.Create(CultureInfo.InvariantCulture, $"DOC-RecapCoverLetter-{year}");

    /// <summary>The Kepala Dinas and Kepala Bidang, and whoever is their Plh. today, write the narrative and number the nota dinas.</summary>
    public static bool MayEdit(WorkflowActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        static bool Senior(IReadOnlySet<string> roles) => roles.Contains(Roles.KepalaDinas) || roles.Contains(Roles.KepalaBidang);
        return Senior(actor.Roles) || actor.ActingFor.Any(a => Senior(a.Roles));
    }

    public async Task<RecapNarrativeModel> FormAsync(RecapPeriod period, WorkflowActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var row = await db.MonthlyRecapNarratives.AsNoTracking().SingleOrDefaultAsync(n => n.Year == period.Year && n.Month == period.Month, ct);
        var text = row is { IsEdited: true } ? row.ToNarrative() : (await recaps.BuildAsync(period with { OpdId = null }, actor, ct))!.Narrative;
        var input = new RecapNarrativeInput
        {
            Permasalahan = text.Permasalahan, Kendala = text.Kendala, TindakLanjut = text.TindakLanjut, Rekomendasi = text.Rekomendasi,
            Versi = row?.Version.ToString(),
        };
        return Model(period, row, input, null);
    }

    public static RecapNarrativeModel Model(RecapPeriod period, MonthlyRecapNarrative? row, RecapNarrativeInput input, string? error)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new(period.Year, period.Month, string.Create(CultureInfo.InvariantCulture, $"{period.Year:D4}-{period.Month:D2}"), input,
            row?.IsEdited ?? false, row?.UpdatedByName, row?.UpdatedAtUtc, row?.CoverLetterNumber, row?.CoverLetterVersion ?? 0, error);
    }

    /// <summary>Saves the text; a form based on another version than the stored one is a conflict and changes nothing.</summary>
    public async Task<(NarrativeSaveOutcome Outcome, string? Message)> SaveAsync(RecapPeriod period, RecapNarrativeInput input,
        WorkflowActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var text = input.ToNarrative();
        if (new[] { text.Permasalahan, text.Kendala, text.TindakLanjut, text.Rekomendasi }.Any(p => p.Length > MonthlyRecapNarrative.MaxPartLength))
            return (NarrativeSaveOutcome.Invalid, $"Setiap bagian uraian paling panjang {MonthlyRecapNarrative.MaxPartLength} karakter.");

        var row = await db.MonthlyRecapNarratives.SingleOrDefaultAsync(n => n.Year == period.Year && n.Month == period.Month, ct);
        Guid? basedOn = Guid.TryParse(input.Versi, out var v) ? v : null;
        if (row is null ? basedOn is not null : basedOn != row.Version) return (NarrativeSaveOutcome.Conflict, ConflictMessage);
        if (row is null)
        {
            row = new MonthlyRecapNarrative(period.Year, period.Month);
            db.MonthlyRecapNarratives.Add(row);
        }
        else
        {
            db.Entry(row).Property(n => n.Version).OriginalValue = basedOn!.Value;
        }

        var before = row.ToNarrative();
        row.Edit(text, actor.UserId, actor.FullName, clock.GetUtcNow().UtcDateTime);
        var after = row.ToNarrative();
        var changed = new[]
        {
            before.Permasalahan != after.Permasalahan ? "permasalahan" : null, before.Kendala != after.Kendala ? "kendala" : null,
            before.TindakLanjut != after.TindakLanjut ? "tindak_lanjut" : null, before.Rekomendasi != after.Rekomendasi ? "rekomendasi" : null,
        }.OfType<string>().ToList();
        audit.Add(AuditEvents.RecapNarrativeSaved, $"Uraian rekap bulanan {Model(period, row, input, null).Period} disimpan.",
            AuditObject.Named("MonthlyRecapNarrative"), new { year = period.Year, month = period.Month, parts = changed, coverLetterVersion = row.CoverLetterVersion });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save won (a changed version, or the month's row created meanwhile).
            db.ChangeTracker.Clear();
            return (NarrativeSaveOutcome.Conflict, ConflictMessage);
        }
        return (NarrativeSaveOutcome.Saved, null);
    }

    public const string ConflictMessage =
        "Uraian bulan ini baru saja diubah oleh pengguna lain. Perubahan Anda belum disimpan: muat ulang halaman, periksa uraian terbaru, lalu simpan lagi.";

    /// <summary>Gives the month's nota dinas its number (once; later calls return the number it has).</summary>
    public async Task<string> NumberCoverLetterAsync(RecapPeriod period, WorkflowActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            return await NumberOnceAsync(period, actor, ct);
        }
        catch (DbUpdateException)
        {
            // Another official numbered the month at the same moment (the row or its number was written first): that
            // number is the month's, and nothing of this attempt was saved.
            if (await StoredCoverLetterNumberAsync(period, ct) is { } stored) return stored;
            throw;
        }
    }

    private async Task<string?> StoredCoverLetterNumberAsync(RecapPeriod period, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.MonthlyRecapNarratives.AsNoTracking().Where(n => n.Year == period.Year && n.Month == period.Month)
            .Select(n => n.CoverLetterNumber).SingleOrDefaultAsync(ct);
    }

    private async Task<string> NumberOnceAsync(RecapPeriod period, WorkflowActor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Wib.DateOf(now);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = await db.MonthlyRecapNarratives.SingleOrDefaultAsync(n => n.Year == period.Year && n.Month == period.Month, ct);
            if (row?.CoverLetterNumber is { } existing) return existing;
            if (row is null)
            {
                row = new MonthlyRecapNarrative(period.Year, period.Month);
                db.MonthlyRecapNarratives.Add(row);
            }
            var number = DocumentNumberPattern.Format(CoverLetterPattern, await db.NextAsync(CoverLetterSequence(today.Year), ct), today);
            row.NumberCoverLetter(number, today, actor.UserId, now);
            audit.Add(AuditEvents.RecapCoverLetterNumbered, $"Nota dinas rekap bulanan {Model(period, row, new RecapNarrativeInput(), null).Period} diberi nomor {number}.",
                new AuditObject("MonthlyRecapNarrative", null, number), new { year = period.Year, month = period.Month });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return number;
        });
    }

    /// <summary>The nota dinas of the month, or null while it has no number.</summary>
    public async Task<RecapCoverLetterDocument?> CoverLetterAsync(RecapPeriod period, WorkflowActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var row = await db.MonthlyRecapNarratives.AsNoTracking().SingleOrDefaultAsync(n => n.Year == period.Year && n.Month == period.Month, ct);
        if (row?.CoverLetterNumber is not { } number || row.CoverLetterDate is not { } date) return null;
        var recap = (await recaps.BuildAsync(period with { OpdId = null }, actor, ct))!;
        return new RecapCoverLetterDocument
        {
            Letterhead = recap.Letterhead,
            Number = number,
            Date = date,
            Year = period.Year,
            Month = period.Month,
            IsRunningMonth = recap.IsRunningMonth,
            Received = recap.Received,
            Closed = recap.Closed,
            OpenAtEnd = recap.OpenAtEnd,
            KepalaDinas = await recaps.KepalaDinasOnAsync(date, ct),
            Version = Math.Max(1, row.CoverLetterVersion),
        };
    }
}
