using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Quality;

/// <summary>The year's IKM from one aggregate query.</summary>
public static class YearIkm
{
    /// <summary>
    /// The IKM of the WIB calendar year (null before its first survey), as the IKM page (/skm) computes it for that
    /// year: the surveys submitted in the year, through <see cref="IkmCalculator"/>. The officials' dashboard and the
    /// public service standard page show it. Aggregated in SQL per OPD (one row per OPD with surveys) instead
    /// of reading every response; grouping by a column, not a constant, keeps the query valid on SQL Server. At most
    /// one survey per report, so the rows it reads are bounded by the year's closed reports.
    /// </summary>
    public static async Task<IkmResult?> OfAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var fromUtc = Wib.ToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var toUtc = Wib.ToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var perOpd = await db.SatisfactionSurveys.AsNoTracking()
            .Where(s => s.SubmittedAtUtc >= fromUtc && s.SubmittedAtUtc < toUtc)
            .GroupBy(s => s.OpdId)
            .Select(g => new
            {
                Count = g.Count(),
                U1 = g.Sum(s => s.U1), U2 = g.Sum(s => s.U2), U3 = g.Sum(s => s.U3),
                U4 = g.Sum(s => s.U4), U5 = g.Sum(s => s.U5), U6 = g.Sum(s => s.U6),
                U7 = g.Sum(s => s.U7), U8 = g.Sum(s => s.U8), U9 = g.Sum(s => s.U9),
            })
            .ToListAsync(ct);
        long[] sums =
        [
            perOpd.Sum(o => (long)o.U1), perOpd.Sum(o => (long)o.U2), perOpd.Sum(o => (long)o.U3),
            perOpd.Sum(o => (long)o.U4), perOpd.Sum(o => (long)o.U5), perOpd.Sum(o => (long)o.U6),
            perOpd.Sum(o => (long)o.U7), perOpd.Sum(o => (long)o.U8), perOpd.Sum(o => (long)o.U9),
        ];
        return IkmCalculator.FromSums(perOpd.Sum(o => o.Count), sums);
    }
}
