namespace NetworkMaintenance.Core.Formatting;

/// <summary>
/// Western Indonesia Time (Asia/Jakarta, UTC+7, no daylight saving). Everything is stored in UTC and shown in WIB.
/// </summary>
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime FromUtc(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset), DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime wib) => DateTime.SpecifyKind(wib - Offset, DateTimeKind.Utc);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(FromUtc(clock.GetUtcNow().UtcDateTime));

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(FromUtc(utc));
}
