namespace NetworkMaintenance.Core.Domain.Intake;

/// <summary>What the e-mail intake made of one message (docs/email-intake.md).</summary>
public enum InboundEmailOutcome
{
    /// <summary>A new report on the E-mail channel, waiting for the front desk to confirm it.</summary>
    Report,
    /// <summary>A reply to a notification: a note on that report's timeline.</summary>
    Reply,
    /// <summary>From an address no OPD or user has: no report; listed for the front desk.</summary>
    UnknownSender,
    /// <summary>From a known address but unusable (a reply to a closed report): listed for the front desk.</summary>
    NotUsable,
}

/// <summary>
/// One message the e-mail intake took from the mailbox, keyed by its Message-ID (unique): written in the same
/// transaction as the report or note it produced, so a message imported before a crash (and so still in the inbox) is
/// recognised on the next poll and only moved, never imported twice.
/// </summary>
public class InboundEmail
{
    public const int MessageIdMaxLength = 300;
    public const int AddressMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int NoteMaxLength = 1000;

    private InboundEmail() { }

    public InboundEmail(string messageId, string fromAddress, string? fromName, string subject, DateTime sentAtUtc,
        InboundEmailOutcome outcome, int? reportId, string? note, DateTime nowUtc)
    {
        MessageId = Cut(messageId, MessageIdMaxLength)!;
        FromAddress = Cut(fromAddress, AddressMaxLength)!;
        FromName = Cut(fromName, AddressMaxLength);
        Subject = Cut(subject, SubjectMaxLength) ?? "";
        SentAtUtc = sentAtUtc;
        Outcome = outcome;
        ReportId = reportId;
        Note = Cut(note, NoteMaxLength);
        ProcessedAtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public string MessageId { get; private set; } = "";
    public string FromAddress { get; private set; } = "";
    public string? FromName { get; private set; }
    public string Subject { get; private set; } = "";
    /// <summary>The message's Date header (the processing time when it has none).</summary>
    public DateTime SentAtUtc { get; private set; }
    public InboundEmailOutcome Outcome { get; private set; }
    public int? ReportId { get; private set; }
    /// <summary>Why an unusable message was not imported, or what the intake noted.</summary>
    public string? Note { get; private set; }
    public DateTime ProcessedAtUtc { get; private set; }

    public void LinkTo(int reportId) => ReportId = reportId;

    private static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
