using NetworkMaintenance.Core.Documents.Models;

namespace NetworkMaintenance.Core.Domain.Documents;

/// <summary>
/// What the Kepala Bidang or Kepala Dinas (or their Plh.) wrote for one month's recap: permasalahan, kendala, tindak
/// lanjut, rekomendasi; and the nota dinas number the recap was sent under. One row per month (unique), created on
/// the first save or when the nota dinas takes its number. <see cref="Version"/> is the concurrency token: a save based
/// on an older version is refused instead of overwriting someone else's text.
/// </summary>
public class MonthlyRecapNarrative
{
    public const int MaxPartLength = 4000;

    private MonthlyRecapNarrative() { }

    public MonthlyRecapNarrative(int year, int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        Year = year;
        Month = month;
    }

    public int Id { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public string Permasalahan { get; private set; } = "";
    public string Kendala { get; private set; } = "";
    public string TindakLanjut { get; private set; } = "";
    public string Rekomendasi { get; private set; } = "";

    /// <summary>True once someone saved the narrative; until then the recap prints the text prefilled from the review notes.</summary>
    public bool IsEdited { get; private set; }

    public DateTime? UpdatedAtUtc { get; private set; }
    public string? UpdatedByUserId { get; private set; }
    public string? UpdatedByName { get; private set; }

    /// <summary>Concurrency token, changed by every save.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The nota dinas number, taken once for the month; every re-print keeps it.</summary>
    public string? CoverLetterNumber { get; private set; }
    public DateOnly? CoverLetterDate { get; private set; }
    public DateTime? CoverLetterNumberedAtUtc { get; private set; }
    public string? CoverLetterNumberedByUserId { get; private set; }

    /// <summary>1 when numbered; each narrative change after that is a new version under the same number.</summary>
    public int CoverLetterVersion { get; private set; }

    public RecapNarrative ToNarrative() => new(Permasalahan, Kendala, TindakLanjut, Rekomendasi);

    public void Edit(RecapNarrative text, string userId, string userName, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new[] { text.Permasalahan, text.Kendala, text.TindakLanjut, text.Rekomendasi };
        if (parts.Any(p => (p ?? "").Length > MaxPartLength))
            throw new DomainException($"Setiap bagian uraian paling panjang {MaxPartLength} karakter.");
        var changed = !IsEdited || ToNarrative() != Clean(text);
        (Permasalahan, Kendala, TindakLanjut, Rekomendasi) = (Clean(text).Permasalahan, Clean(text).Kendala, Clean(text).TindakLanjut, Clean(text).Rekomendasi);
        IsEdited = true;
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = userId;
        UpdatedByName = userName;
        Version = Guid.NewGuid();
        if (changed && CoverLetterNumber is not null) CoverLetterVersion++;
    }

    /// <summary>Records the nota dinas number; refused when the month already has one (one number per document).</summary>
    public void NumberCoverLetter(string number, DateOnly date, string userId, DateTime nowUtc)
    {
        if (CoverLetterNumber is not null) throw new DomainException($"Nota dinas bulan ini sudah bernomor {CoverLetterNumber}.");
        CoverLetterNumber = number;
        CoverLetterDate = date;
        CoverLetterNumberedAtUtc = nowUtc;
        CoverLetterNumberedByUserId = userId;
        CoverLetterVersion = 1;
        Version = Guid.NewGuid();
    }

    private static RecapNarrative Clean(RecapNarrative t) =>
        new((t.Permasalahan ?? "").Trim(), (t.Kendala ?? "").Trim(), (t.TindakLanjut ?? "").Trim(), (t.Rekomendasi ?? "").Trim());
}
