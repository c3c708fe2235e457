using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Sla;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Reports;

/// <summary>The filters, search and sort of the report list (/laporan), bound from the query string; exports use the same.</summary>
public sealed class ReportFilter
{
    public ReportStatus? Status { get; set; }
    public int? OpdId { get; set; }
    public ReportChannel? Channel { get; set; }
    public FaultCategory? Category { get; set; }
    public string? TechnicianId { get; set; }
    /// <summary>Received on or after this day (WIB).</summary>
    public DateOnly? From { get; set; }
    /// <summary>Received on or before this day (WIB).</summary>
    public DateOnly? To { get; set; }
    /// <summary>Only reports whose running clock is past the deadline.</summary>
    public bool Overdue { get; set; }
    /// <summary>Searched in the number, the location, the description and the SP4N-LAPOR! tracking number ('#' ignored): <see cref="ReportTextSearch"/>.</summary>
    public string? Q { get; set; }
    /// <summary>received (newest first, the default), received_asc, deadline, number, opd, status.</summary>
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;

    public static readonly IReadOnlyList<(string Value, string Text)> Sorts =
    [
        ("received", "Terbaru diterima"),
        ("received_asc", "Terlama diterima"),
        ("deadline", "Batas waktu terdekat"),
        ("number", "Nomor"),
        ("opd", "OPD"),
        ("status", "Status"),
    ];

    /// <summary>The query string of these filters (without the page), for paging and export links.</summary>
    public string QueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            var text = value switch
            {
                null => null,
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? "true" : null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            if (!string.IsNullOrEmpty(text)) parts.Add(name + "=" + Uri.EscapeDataString(text));
        }
        Add("status", Status); Add("opdId", OpdId); Add("channel", Channel); Add("category", Category);
        Add("technicianId", TechnicianId); Add("from", From); Add("to", To); Add("overdue", Overdue); Add("q", Q);
        Add("sort", Sort); Add("page", page);
        return string.Join("&", parts);
    }

    /// <summary>The reports of <paramref name="query"/> that pass every filter and the search, in the chosen order.</summary>
    public IQueryable<Report> Apply(IQueryable<Report> query, SlaClock sla, ReportTextSearch search) => Order(Where(query, sla, search));

    /// <summary>Whether the list is in its default order: newest received first (<see cref="Order"/>).</summary>
    public bool NewestFirst => Sort is null or "" or "received" || Sorts.All(s => s.Value != Sort);

    /// <summary>Whether no filter but the text search (<see cref="Q"/>) is set.</summary>
    public bool OnlyText => Status is null && OpdId is null && Channel is null && Category is null
        && string.IsNullOrWhiteSpace(TechnicianId) && From is null && To is null && !Overdue;

    /// <summary>Whether there is a text search (<see cref="Q"/>).</summary>
    public bool HasText => !string.IsNullOrWhiteSpace(Q);

    /// <summary>The reports of <paramref name="query"/> that pass every filter and, with a <paramref name="search"/>, the text search; unordered.</summary>
    public IQueryable<Report> Where(IQueryable<Report> query, SlaClock sla, ReportTextSearch? search)
    {
        if (Status is { } status) query = query.Where(r => r.Status == status);
        if (OpdId is { } opd) query = query.Where(r => r.OpdId == opd);
        if (Channel is { } channel) query = query.Where(r => r.Channel == channel);
        if (Category is { } category) query = query.Where(r => r.Category == category);
        if (!string.IsNullOrWhiteSpace(TechnicianId))
        {
            var tech = TechnicianId;
            query = query.Where(r => r.Technicians.Any(t => t.UserId == tech));
        }
        if (From is { } from)
        {
            var fromUtc = Wib.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.ReceivedAtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var toUtc = Wib.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(r => r.ReceivedAtUtc < toUtc);
        }
        if (Overdue)
        {
            var before = sla.BreachedIfStartedBefore(sla.NowUtc);
            query = query.Where(r => r.Status != ReportStatus.Closed && r.Status != ReportStatus.Rejected
                && r.WorkCompletedAtUtc == null && r.SlaPausedSinceUtc == null && r.SlaClockStartUtc < before);
        }
        if (search is not null && HasText) query = search.Where(query, Q!);
        return query;
    }

    /// <summary><paramref name="query"/> in the chosen order (<see cref="Sort"/>); newest received first unless another is chosen.</summary>
    public IQueryable<Report> Order(IQueryable<Report> query) =>
        Sort switch
        {
            "received_asc" => query.OrderBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id),
            "deadline" => query.OrderBy(r => r.WorkCompletedAtUtc != null || r.Status == ReportStatus.Rejected)
                .ThenBy(r => r.SlaClockStartUtc).ThenBy(r => r.Id),
            "number" => query.OrderBy(r => r.Year).ThenBy(r => r.Sequence),
            "opd" => query.OrderBy(r => r.Opd!.Name).ThenByDescending(r => r.ReceivedAtUtc),
            "status" => query.OrderBy(r => r.Status).ThenByDescending(r => r.ReceivedAtUtc),
            _ => query.OrderByDescending(r => r.ReceivedAtUtc).ThenByDescending(r => r.Id),
        };
}
