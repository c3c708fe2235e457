namespace NetworkMaintenance.Core.Domain;

/// <summary>
/// Plh. (Pelaksana Harian): while an official is away, another person acts in their place for a date range
/// (inclusive, in WIB calendar days). Appointments are revoked, never deleted.
/// </summary>
public class ActingAppointment
{
    private ActingAppointment() { }

    public ActingAppointment(string officialUserId, string actingUserId, DateOnly startDate, DateOnly endDate,
        string? reason, string createdByUserId, DateTime nowUtc)
    {
        if (officialUserId == actingUserId)
            throw new DomainException("Pejabat tidak dapat menunjuk dirinya sendiri sebagai Plh.");
        if (endDate < startDate)
            throw new DomainException("Tanggal selesai Plh. tidak boleh sebelum tanggal mulai.");
        OfficialUserId = officialUserId;
        ActingUserId = actingUserId;
        StartDate = startDate;
        EndDate = endDate;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public string OfficialUserId { get; private set; } = "";
    public AppUser? Official { get; private set; }
    public string ActingUserId { get; private set; } = "";
    public AppUser? Acting { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public string? Reason { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsInForceOn(DateOnly wibDate) => RevokedAtUtc is null && wibDate >= StartDate && wibDate <= EndDate;

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}
