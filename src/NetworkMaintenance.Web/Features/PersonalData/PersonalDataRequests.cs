using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Audit;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.PersonalData;

/// <summary>What the administrator types to find one person: a full name, phone number, identity number or e-mail.</summary>
public sealed record PersonQuery(string? Q);

/// <summary>An erasure request: the person (the same term as the lookup) and why (the person's request, its reference).</summary>
public sealed record EraseRequest(string? Q, string? Alasan);

public sealed class PersonQueryValidator : AbstractValidator<PersonQuery>
{
    public PersonQueryValidator()
    {
        RuleFor(x => x.Q).PersonTerm();
    }
}

public sealed class EraseRequestValidator : AbstractValidator<EraseRequest>
{
    public EraseRequestValidator()
    {
        // The same term as the lookup, reported under the form's own field name (Q).
        RuleFor(x => x.Q).PersonTerm();
        RuleFor(x => x.Alasan).NotEmpty().WithMessage("Alasan penghapusan wajib diisi (misalnya nomor surat permohonan).")
            .MaximumLength(500).WithMessage("Alasan maksimal 500 karakter.");
    }
}

internal static class PersonTermRules
{
    /// <summary>What a search for a person's data must hold: the one rule of the lookup and of the erasure.</summary>
    public static IRuleBuilderOptions<T, string?> PersonTerm<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Isi nama lengkap, nomor telepon, nomor identitas, atau email orang yang dicari.")
            .MinimumLength(PersonalDataRequests.MinimumTermLength)
            .WithMessage($"Isian pencarian minimal {PersonalDataRequests.MinimumTermLength} karakter.")
            .MaximumLength(200).WithMessage("Isian pencarian maksimal 200 karakter.");
}

/// <summary>A guest-book line, complaint, report or account that holds the person's data.</summary>
public sealed record PersonRecord(string Source, string Reference, string Name, string? Identity, string? Phone, string? Email,
    string? Organisation, DateTime AtUtc, string Note, bool Erasable);

/// <summary>Everything stored about the person that the term matched, grouped by where it is kept.</summary>
public sealed record PersonLookup(string Term, IReadOnlyList<PersonRecord> Records)
{
    public int ErasableCount => Records.Count(r => r.Erasable);
}

public sealed record EraseOutcome(int GuestBookEntries, int Complaints, int KeptRecords);

/// <summary>
/// Requests of a data subject under UU 27/2022 (access and erasure), handled by an administrator: finds what is stored
/// about one person by an exact full name, phone number (normalised as stored), identity number/NIP or e-mail, across the
/// guest book, the complaints, the reporter data of reports filed without an account, and the staff accounts; exports
/// it as CSV; and erases it on request. Erasure uses the same anonymisation as the retention purge
/// (<see cref="GuestBookEntry.ErasePersonalData"/>, <see cref="Complaint.EraseContactData"/>: one home for the rule).
/// Reports and staff accounts are not erased: a report's reporter is printed on its issued official documents (tanda
/// terima, berita acara), which are kept as official records, and an account is deactivated instead (docs/security-standard.md).
/// The audit entry of an export or erasure records the counts, the record ids and the reason, never the person's data.
/// </summary>
public sealed class PersonalDataRequests(AppDbContext db, IAuditLog audit)
{
    public const int MinimumTermLength = 3;

    public const string GuestBookSource = "Buku tamu";
    public const string ComplaintSource = "Pengaduan";
    public const string ReportSource = "Laporan (pelapor tanpa akun)";
    public const string AccountSource = "Akun pegawai";

    public async Task<PersonLookup> FindAsync(string term, CancellationToken ct = default)
    {
        // Whole values in any case: LIKE without wildcards (case-insensitive on every provider, see SearchPattern).
        var text = SearchPattern.Exact(term);
        const string esc = SearchPattern.Escape;
        // Phone numbers are stored normalised (+628…, PhoneNumber): "0812-6111 2233" finds +6281261112233.
        var phone = PhoneNumber.NormalizeOrNull(term);
        var records = new List<PersonRecord>();

        var guests = await db.GuestBookEntries.AsNoTracking()
            .Where(g => g.VisitorName != GuestBookEntry.Erased
                && (EF.Functions.Like(g.VisitorName, text, esc) || EF.Functions.Like(g.IdentityNumber, text, esc)))
            .OrderBy(g => g.Id).ToListAsync(ct);
        records.AddRange(guests.Select(g => new PersonRecord(GuestBookSource, Id(g.Id), g.VisitorName,
            $"{GuestBookEntry.Label(g.IdentityType)} {g.IdentityNumber}", null, null, g.Institution, g.TimeInUtc, "Keperluan: " + g.Purpose, true)));

        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.Name != GuestBookEntry.Erased
                && (EF.Functions.Like(c.Name, text, esc) || (c.Email != null && EF.Functions.Like(c.Email, text, esc))
                    || (phone != null && c.Phone == phone)))
            .OrderBy(c => c.Id).ToListAsync(ct);
        records.AddRange(complaints.Select(c => new PersonRecord(ComplaintSource, c.Number, c.Name, null, c.Phone, c.Email, null,
            c.CreatedAtUtc, Complaint.Label(c.Status), true)));

        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.ReporterUserId == null
                && (EF.Functions.Like(r.ReporterName, text, esc) || (r.ReporterNip != null && EF.Functions.Like(r.ReporterNip, text, esc))
                    || (r.ReporterEmail != null && EF.Functions.Like(r.ReporterEmail, text, esc))
                    || (phone != null && r.ReporterPhone == phone)))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Number, r.ReporterName, r.ReporterNip, r.ReporterPhone, r.ReporterEmail, r.ReporterPosition, r.CreatedAtUtc })
            .ToListAsync(ct);
        records.AddRange(reports.Select(r => new PersonRecord(ReportSource, r.Number, r.ReporterName,
            r.ReporterNip is null ? null : "NIP " + r.ReporterNip, r.ReporterPhone, r.ReporterEmail, r.ReporterPosition, r.CreatedAtUtc,
            "Arsip resmi: tercantum pada dokumen yang diterbitkan, tidak dihapus.", false)));

        var accounts = await db.Users.AsNoTracking()
            .Where(u => EF.Functions.Like(u.FullName, text, esc) || (u.Email != null && EF.Functions.Like(u.Email, text, esc))
                || (u.Nip != null && EF.Functions.Like(u.Nip, text, esc)) || (u.UserName != null && EF.Functions.Like(u.UserName, text, esc))
                || (phone != null && u.PhoneNumber == phone))
            .OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.FullName, u.Nip, u.PhoneNumber, u.Email, u.Position, u.CreatedAtUtc, u.IsActive })
            .ToListAsync(ct);
        records.AddRange(accounts.Select(u => new PersonRecord(AccountSource, u.UserName ?? "", u.FullName,
            u.Nip is null ? null : "NIP " + u.Nip, u.PhoneNumber, u.Email, u.Position, u.CreatedAtUtc,
            (u.IsActive ? "Aktif" : "Nonaktif") + "; akun pegawai dinonaktifkan, tidak dihapus (arsip resmi).", false)));

        return new PersonLookup(term.Trim(), records);
    }

    /// <summary>The lookup as CSV (the app's one CSV writer); the download is audited without the person's data.</summary>
    public async Task<byte[]> ExportAsync(PersonLookup lookup, CancellationToken ct = default)
    {
        var bytes = SpreadsheetCsv.Write(
            ["Sumber", "Nomor / ID", "Nama", "Identitas / NIP", "Telepon", "Email", "Instansi / jabatan", "Tanggal (WIB)", "Keterangan"],
            lookup.Records.Select(r => new[]
            {
                r.Source, r.Reference, r.Name, r.Identity ?? "", r.Phone ?? "", r.Email ?? "", r.Organisation ?? "",
                Wib.FromUtc(r.AtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.Note,
            }));
        await audit.WriteAsync(AuditEvents.ExportDownloaded,
            $"Data pribadi satu orang diekspor ke CSV atas permintaan ({lookup.Records.Count} catatan).",
            AuditObject.Named("PersonalData"), Counts(lookup), ct: ct);
        return bytes;
    }

    /// <summary>Anonymises the person's guest-book entries and complaint contacts and records why in the audit log.</summary>
    public async Task<EraseOutcome> EraseAsync(string term, string reason, CancellationToken ct = default)
    {
        var lookup = await FindAsync(term, ct);
        var guestIds = lookup.Records.Where(r => r.Source == GuestBookSource).Select(r => int.Parse(r.Reference, CultureInfo.InvariantCulture)).ToList();
        var complaintNumbers = lookup.Records.Where(r => r.Source == ComplaintSource).Select(r => r.Reference).ToList();
        var guests = await db.GuestBookEntries.Where(g => guestIds.Contains(g.Id)).ToListAsync(ct);
        var complaints = await db.Complaints.Where(c => complaintNumbers.Contains(c.Number)).ToListAsync(ct);
        foreach (var guest in guests) guest.ErasePersonalData();
        foreach (var complaint in complaints) complaint.EraseContactData();
        var kept = lookup.Records.Count - guests.Count - complaints.Count;
        audit.Add(AuditEvents.PersonalDataErasedOnRequest,
            $"Data pribadi dihapus atas permintaan: {guests.Count} entri buku tamu, {complaints.Count} kontak pengaduan; "
            + $"{kept} catatan arsip resmi tidak dihapus. Alasan: {reason.Trim()}",
            AuditObject.Named("PersonalData"),
            new { reason = reason.Trim(), guestBookEntryIds = guestIds, complaints = complaintNumbers, kept = Counts(lookup) });
        await db.SaveChangesAsync(ct);
        return new EraseOutcome(guests.Count, complaints.Count, kept);
    }

    // Which records, never whose: the audit log is append-only and must not keep what was erased.
    private static Dictionary<string, int> Counts(PersonLookup lookup) => lookup.Records.GroupBy(r => r.Source)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
