using System.Globalization;

namespace NetworkMaintenance.Core.Formatting;

/// <summary>
/// Dates and times as Indonesian government documents write them. Every <see cref="DateTime"/> taken here is a WIB
/// local time (convert stored UTC values with <see cref="Wib.FromUtc"/> first). Names are spelled as the
/// official style guide does: "Jumat" (not "Jum'at"), "November" (not "Nopember").
/// </summary>
public static class IndonesianDate
{
    private static readonly string[] DayNames = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    private static readonly string[] MonthNames =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    /// <summary>"Senin" … "Minggu".</summary>
    public static string DayName(DayOfWeek day) => DayNames[(int)day];

    /// <summary>"Januari" for 1 … "Desember" for 12.</summary>
    public static string MonthName(int month) =>
        month is >= 1 and <= 12
            ? MonthNames[month - 1]
            : throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1–12.");

    /// <summary>"30 November 2026".</summary>
    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthName(date.Month)} {date.Year}");

    /// <summary>"30 November 2026" for a WIB local time.</summary>
    public static string Format(DateTime wib) => Format(DateOnly.FromDateTime(wib));

    /// <summary>"Senin, 30 November 2026".</summary>
    public static string FormatWithDay(DateOnly date) => $"{DayName(date.DayOfWeek)}, {Format(date)}";

    /// <summary>"Senin, 30 November 2026" for a WIB local time.</summary>
    public static string FormatWithDay(DateTime wib) => FormatWithDay(DateOnly.FromDateTime(wib));

    /// <summary>"14.05 WIB" (hours and minutes separated by a dot, as Indonesian style writes times).</summary>
    public static string Time(DateTime wib) =>
        string.Create(CultureInfo.InvariantCulture, $"{wib.Hour:00}.{wib.Minute:00} WIB");

    /// <summary>"30 November 2026 pukul 14.05 WIB".</summary>
    public static string DateAndTime(DateTime wib) => $"{Format(wib)} pukul {Time(wib)}";

    /// <summary>"Senin, 30 November 2026 pukul 14.05 WIB".</summary>
    public static string DateAndTimeWithDay(DateTime wib) => $"{FormatWithDay(wib)} pukul {Time(wib)}";

    /// <summary>"30-11-2026", the numeric form written in brackets after a date in words.</summary>
    public static string Numeric(DateOnly date) =>
        date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>Place-date line above signatures: "Tebing Tinggi, 30 November 2026".</summary>
    public static string PlaceAndDate(string city, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(city);
        return $"{city}, {Format(date)}";
    }

    /// <summary>"Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam".</summary>
    public static string InWords(DateOnly date) =>
        $"{DayName(date.DayOfWeek)} tanggal {Terbilang.ToWords(date.Day)} bulan {MonthName(date.Month)} " +
        $"tahun {Terbilang.ToWords(date.Year)}";

    /// <summary>
    /// Opening of a Berita Acara: "Pada hari ini Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh
    /// enam (30-11-2026)". The caller continues the sentence (", kami yang bertanda tangan di bawah ini: …").
    /// </summary>
    public static string BeritaAcaraOpening(DateOnly date) => $"Pada hari ini {InWords(date)} ({Numeric(date)})";

    /// <summary>
    /// A duration in whole hours and minutes, as SLA reports state it against a 24-hour target: "18 jam 25 menit",
    /// "26 jam", "45 menit", "0 menit". Seconds are dropped; negative durations are shown as zero.
    /// </summary>
    /// <summary>
    /// A stated span of time, in the same words on every document: "mulai 30 November 2026 pukul 10.10 WIB sampai dengan
    /// pukul 16.40 WIB (6 jam 30 menit)" (the end's date is written when it is another day). The duration is computed from the printed minutes, so it agrees
    /// with the two times a reader sees (21.38 to 21.40 is 2 minutes).
    /// </summary>
    public static string Span(DateTime startWib, DateTime endWib) =>
        $"mulai {DateAndTime(startWib)} sampai dengan " +
        (startWib.Date == endWib.Date ? $"pukul {Time(endWib)}" : DateAndTime(endWib)) +
        $" ({Duration(ToMinute(endWib) - ToMinute(startWib))})";

    /// <summary>
    /// <see cref="Span(DateTime, DateTime)"/> for UTC instants, the one wording of stated times on every document (Berita
    /// Acara, results report, kronologi); "pada 30 November 2026 pukul 10.10 WIB" when only the start is known.
    /// </summary>
    public static string SpanUtc(DateTime startUtc, DateTime? endUtc) =>
        endUtc is { } end ? Span(Wib.FromUtc(startUtc), Wib.FromUtc(end)) : "pada " + DateAndTime(Wib.FromUtc(startUtc));

    private static DateTime ToMinute(DateTime t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMinute));

    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) duration = TimeSpan.Zero;
        var hours = (long)duration.TotalHours;
        var minutes = duration.Minutes;
        if (hours == 0) return string.Create(CultureInfo.InvariantCulture, $"{minutes} menit");
        return minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hours} jam")
            : string.Create(CultureInfo.InvariantCulture, $"{hours} jam {minutes} menit");
    }
}
