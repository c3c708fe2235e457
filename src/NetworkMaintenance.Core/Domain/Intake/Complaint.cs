using System.Globalization;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Domain.Intake;

public enum ComplaintStatus
{
    Received,
    InProgress,
    Answered,
}

/// <summary>What a member of the public sends through the complaint form (pengaduan).</summary>
public sealed record NewComplaint(string Name, string? Phone, string? Email, ReportChannel Channel, string Text,
    string? ReportNumber, string FormToken, string? LaporNumber = null);

/// <summary>A complaint, suggestion or input about the service (penanganan pengaduan), handled by the front desk.</summary>
public class Complaint
{
    public const string NumberPrefix = "PGD";

    private Complaint() { }

    public static Complaint Receive(NewComplaint input, int year, long sequence, string trackingCode, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) throw new DomainException(ComplaintMessages.NameRequired);
        if (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Email))
            throw new DomainException(ComplaintMessages.ContactRequired);
        if (string.IsNullOrWhiteSpace(input.Text)) throw new DomainException(ComplaintMessages.TextRequired);
        if (input.Channel == ReportChannel.Monitoring) throw new DomainException("Saluran pengaduan tidak dikenal.");
        return new Complaint
        {
            Year = year,
            Sequence = sequence,
            Number = FormatNumber(year, sequence),
            TrackingCode = trackingCode,
            Name = input.Name.Trim(),
            Phone = input.Phone,
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            Channel = input.Channel,
            Text = input.Text.Trim(),
            ReportNumber = string.IsNullOrWhiteSpace(input.ReportNumber) ? null : input.ReportNumber.Trim().ToUpperInvariant(),
            FormToken = input.FormToken,
            LaporNumber = Formatting.LaporNumber.Normalize(input.LaporNumber),
            Status = ComplaintStatus.Received,
            CreatedAtUtc = nowUtc,
        };
    }

    public static string FormatNumber(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{NumberPrefix}-{year}-{sequence:D6}");

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public int Year { get; private set; }
    public long Sequence { get; private set; }
    public string TrackingCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public ReportChannel Channel { get; private set; }
    public string Text { get; private set; } = "";
    public string? ReportNumber { get; private set; }

    /// <summary>The SP4N-LAPOR! tracking number when the complaint was also filed there (<see cref="Formatting.LaporNumber"/>).</summary>
    public string? LaporNumber { get; private set; }

    /// <summary>Staff record or clear the SP4N-LAPOR! tracking number (format checked; no call to LAPOR! is made).</summary>
    public void RecordLaporNumber(string? laporNumber) => LaporNumber = Formatting.LaporNumber.Normalize(laporNumber);

    /// <summary>The one-time token of the form it came from: a resubmitted form never creates a second complaint.</summary>
    public string FormToken { get; private set; } = "";

    public ComplaintStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? StartedAtUtc { get; private set; }
    public string? HandledByUserId { get; private set; }
    public string? Answer { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }

    public bool IsContactErased => Name == GuestBookEntry.Erased;

    /// <summary>Removes the complainant's contact data (name, phone, e-mail) once the retention period is over.</summary>
    public void EraseContactData()
    {
        Name = GuestBookEntry.Erased;
        Phone = null;
        Email = null;
    }

    public void StartHandling(string userId, DateTime nowUtc)
    {
        if (Status != ComplaintStatus.Received) throw new DomainException("Pengaduan ini sudah diproses.");
        Status = ComplaintStatus.InProgress;
        StartedAtUtc = nowUtc;
        HandledByUserId = userId;
    }

    public void AnswerWith(string answer, string userId, DateTime nowUtc)
    {
        if (Status == ComplaintStatus.Answered) throw new DomainException("Pengaduan ini sudah dijawab.");
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainException("Jawaban wajib diisi.");
        StartedAtUtc ??= nowUtc;
        HandledByUserId = userId;
        Status = ComplaintStatus.Answered;
        Answer = answer.Trim();
        AnsweredAtUtc = nowUtc;
    }

    public static string Label(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => "Diterima",
        ComplaintStatus.InProgress => "Sedang diproses",
        ComplaintStatus.Answered => "Sudah dijawab",
        _ => status.ToString(),
    };
}

/// <summary>The refusals of a complaint's rules that its form also shows: written once, for the domain and the validator.</summary>
public static class ComplaintMessages
{
    public const string ContactRequired = "Cantumkan nomor telepon atau email agar kami dapat menghubungi Anda.";
    public const string TextRequired = "Isi pengaduan wajib diisi.";
    public const string NameRequired = "Nama wajib diisi.";
}
