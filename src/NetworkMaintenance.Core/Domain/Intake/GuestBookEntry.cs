namespace NetworkMaintenance.Core.Domain.Intake;

/// <summary>The identity document a visitor shows at the front desk.</summary>
public enum IdentityType
{
    Ktp,
    KtaAsn,
    Sim,
    Lainnya,
}

/// <summary>What the front desk writes in the guest book (buku tamu) when someone comes in person.</summary>
public sealed record GuestVisit(string VisitorName, IdentityType IdentityType, string IdentityNumber,
    string? Institution, string Purpose, DateTime TimeInUtc, DateTime? TimeOutUtc);

/// <summary>A line of the guest book (buku tamu). A walk-in report always has one.</summary>
public class GuestBookEntry
{
    private GuestBookEntry() { }

    public static GuestBookEntry Record(GuestVisit visit, string recordedByUserId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(visit.VisitorName)) throw new DomainException("Nama tamu wajib diisi.");
        if (string.IsNullOrWhiteSpace(visit.IdentityNumber)) throw new DomainException(GuestBookMessages.IdentityNumberRequired);
        if (string.IsNullOrWhiteSpace(visit.Purpose)) throw new DomainException(GuestBookMessages.PurposeRequired);
        if (visit.TimeInUtc > nowUtc.AddMinutes(5)) throw new DomainException("Jam masuk tamu tidak boleh di masa depan.");
        var entry = new GuestBookEntry
        {
            VisitorName = visit.VisitorName.Trim(),
            IdentityType = visit.IdentityType,
            IdentityNumber = visit.IdentityNumber.Trim(),
            Institution = string.IsNullOrWhiteSpace(visit.Institution) ? null : visit.Institution.Trim(),
            Purpose = visit.Purpose.Trim(),
            TimeInUtc = visit.TimeInUtc,
            RecordedByUserId = recordedByUserId,
            CreatedAtUtc = nowUtc,
        };
        if (visit.TimeOutUtc is { } outUtc) entry.RecordTimeOut(outUtc);
        return entry;
    }

    public int Id { get; private set; }
    public string VisitorName { get; private set; } = "";
    public IdentityType IdentityType { get; private set; }
    public string IdentityNumber { get; private set; } = "";
    public string? Institution { get; private set; }
    public string Purpose { get; private set; } = "";
    public DateTime TimeInUtc { get; private set; }
    public DateTime? TimeOutUtc { get; private set; }
    public int? ReportId { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public void LinkTo(int reportId) => ReportId = reportId;

    /// <summary>What an erased name or identity number reads (UU 27/2022 retention; docs/security-standard.md).</summary>
    public const string Erased = "(dihapus)";

    public bool IsErased => VisitorName == Erased;

    /// <summary>
    /// Removes who the visitor was (name, identity number, institution) once the retention period is over; the visit
    /// itself (when, why, which report) stays for the service statistics.
    /// </summary>
    public void ErasePersonalData()
    {
        VisitorName = Erased;
        IdentityNumber = Erased;
        Institution = null;
    }

    /// <summary>The visitor leaves. Recording the same or a later time again is refused, never silently ignored.</summary>
    public void RecordTimeOut(DateTime timeOutUtc)
    {
        if (TimeOutUtc is not null) throw new DomainException("Jam keluar tamu sudah dicatat.");
        if (timeOutUtc < TimeInUtc) throw new DomainException(GuestBookMessages.TimeOutBeforeTimeIn);
        TimeOutUtc = timeOutUtc;
    }

    public static string Label(IdentityType type) => type switch
    {
        IdentityType.Ktp => "KTP",
        IdentityType.KtaAsn => "KTA ASN",
        IdentityType.Sim => "SIM",
        _ => "Lainnya",
    };
}

/// <summary>The refusals of a guest book entry's rules that its form also shows: written once, for the domain and the validator.</summary>
public static class GuestBookMessages
{
    public const string TimeOutBeforeTimeIn = "Jam keluar tidak boleh sebelum jam masuk.";
    public const string PurposeRequired = "Keperluan tamu wajib diisi.";
    public const string IdentityNumberRequired = "Nomor identitas tamu wajib diisi.";
}
