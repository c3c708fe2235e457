using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Audit;

/// <summary>
/// The audit page's filters. The query string keeps its Indonesian keys (dari, sampai, pelaku, jenis, q, page): the
/// page's URLs are the users'; the code names them in English. Dates are WIB calendar days.
/// </summary>
public sealed class AuditQuery
{
    public const int PageSize = 50;

    [FromQuery(Name = "dari"), Display(Name = "Dari")] public DateOnly? From { get; set; }
    [FromQuery(Name = "sampai"), Display(Name = "Sampai")] public DateOnly? To { get; set; }

    /// <summary>Part of the actor's user name (for a failed sign-in: the name that was typed).</summary>
    [FromQuery(Name = "pelaku")] public string? Actor { get; set; }

    /// <summary>An exact event type code (<see cref="AuditEvents"/>), or "workflow." for every workflow step.</summary>
    [FromQuery(Name = "jenis")] public string? EventType { get; set; }

    /// <summary>Part of the object id/number, the summary or the client IP.</summary>
    public string? Q { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>The query string of these filters (without the page), for paging and export links.</summary>
    public Dictionary<string, string?> Values()
    {
        var values = new Dictionary<string, string?>();
        if (From is { } from) values["dari"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (To is { } to) values["sampai"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(Actor)) values["pelaku"] = Actor.Trim();
        if (!string.IsNullOrWhiteSpace(EventType)) values["jenis"] = EventType.Trim();
        if (!string.IsNullOrWhiteSpace(Q)) values["q"] = Q.Trim();
        return values;
    }
}

public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public AuditQueryValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("Tanggal akhir tidak boleh sebelum tanggal awal.");
        RuleFor(x => x.Actor).MaximumLength(256).WithMessage("Nama pelaku maksimal 256 karakter.");
        RuleFor(x => x.Q).MaximumLength(200).WithMessage("Kata kunci maksimal 200 karakter.");
        RuleFor(x => x.EventType).Must(j => string.IsNullOrWhiteSpace(j) || j.Trim() == AuditEvents.WorkflowPrefix
                || AuditEvents.All.Any(e => e.Code == j.Trim()))
            .WithMessage("Jenis kejadian tidak dikenal.");
    }
}

public sealed record AuditRow(long Id, DateTime AtUtc, string? ActorUserName, string? ActorUserId, string? ClientIp,
    string EventType, string? ObjectType, string? ObjectId, string? ObjectNumber, string Summary, string? Details);

/// <summary>Reads the audit log for the administrator: filter, page (newest first) and CSV export (streamed, every row).</summary>
public sealed class AuditSearch(AppDbContext db)
{
    public static readonly string[] CsvHeader =
        ["Waktu (WIB)", "Jenis kejadian", "Kode kejadian", "Pelaku", "ID pengguna", "Alamat IP", "Jenis objek", "ID objek",
         "Nomor objek", "Ringkasan", "Rincian"];

    public async Task<PagedList<AuditRow>> PageAsync(AuditQuery query, CancellationToken ct = default)
    {
        var filtered = Filter(query);
        var total = await filtered.CountAsync(ct);
        var page = Paging.ClampPage(query.Page, total, AuditQuery.PageSize);
        var rows = await Project(filtered.Skip((page - 1) * AuditQuery.PageSize).Take(AuditQuery.PageSize)).ToListAsync(ct);
        return new PagedList<AuditRow>(rows, page, AuditQuery.PageSize, total);
    }

    /// <summary>
    /// Every entry of the filters, newest first, as CSV streamed to <paramref name="destination"/>: one query read row
    /// by row (no tracking), written as CsvHelper's buffer fills. No row cap; the memory does not grow with the rows.
    /// Returns the number of rows written.
    /// </summary>
    public Task<long> CsvAsync(Stream destination, AuditQuery query, CancellationToken ct = default) =>
        SpreadsheetCsv.WriteAsync(destination, CsvHeader, Project(Filter(query)).AsAsyncEnumerable().Select(r => (IReadOnlyList<string?>)
        [
            Wib.FromUtc(r.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            AuditEvents.Label(r.EventType), r.EventType, r.ActorUserName, r.ActorUserId, r.ClientIp,
            r.ObjectType, r.ObjectId, r.ObjectNumber, r.Summary, r.Details,
        ]), ct: ct);

    private IQueryable<Core.Domain.Audit.AuditEntry> Filter(AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.From is { } from)
        {
            var fromUtc = Wib.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.AtUtc >= fromUtc);
        }
        if (query.To is { } to)
        {
            var beforeUtc = Wib.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.AtUtc < beforeUtc);
        }
        if (!string.IsNullOrWhiteSpace(query.EventType))
        {
            var code = query.EventType.Trim();
            entries = code == AuditEvents.WorkflowPrefix
                ? entries.Where(e => e.EventType.StartsWith(AuditEvents.WorkflowPrefix))
                : entries.Where(e => e.EventType == code);
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var pattern = SearchPattern.Contains(query.Actor);
            entries = entries.Where(e => EF.Functions.Like(e.ActorUserName!, pattern, SearchPattern.Escape));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = SearchPattern.Contains(query.Q);
            entries = entries.Where(e => EF.Functions.Like(e.Summary, pattern, SearchPattern.Escape)
                || EF.Functions.Like(e.ObjectId!, pattern, SearchPattern.Escape)
                || EF.Functions.Like(e.ObjectNumber!, pattern, SearchPattern.Escape)
                || EF.Functions.Like(e.ClientIp!, pattern, SearchPattern.Escape));
        }
        // Newest first; the id breaks ties between entries of the same instant.
        return entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
    }

    private static IQueryable<AuditRow> Project(IQueryable<Core.Domain.Audit.AuditEntry> entries) =>
        entries.Select(e => new AuditRow(e.Id, e.AtUtc, e.ActorUserName, e.ActorUserId, e.ClientIp, e.EventType,
            e.ObjectType, e.ObjectId, e.ObjectNumber, e.Summary, e.Details));
}
