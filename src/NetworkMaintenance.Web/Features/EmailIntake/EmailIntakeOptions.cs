using MailKit.Security;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.EmailIntake;

/// <summary>The <c>EmailIntake</c> section: the IMAP mailbox reports arrive in (docs/email-intake.md).</summary>
public sealed class EmailIntakeOptions
{
    public const string Section = "EmailIntake";

    /// <summary>Whether this instance polls the mailbox (off by default).</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }
    public int Port { get; set; } = 993;

    /// <summary>How the connection is secured: SslOnConnect (port 993), StartTls (port 143), Auto, or None (loopback tests only).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.SslOnConnect;

    public string? Username { get; set; }

    /// <summary>The mailbox password; never logged or shown.</summary>
    public string? Password { get; set; }

    /// <summary>The folder polled for new messages.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where processed messages go (created when missing).</summary>
    public string ProcessedFolder { get; set; } = "Diproses";

    /// <summary>Where messages from unknown senders (and unusable ones) go (created when missing).</summary>
    public string UnknownFolder { get; set; } = "Tidak dikenal";

    public int PollSeconds { get; set; } = 60;

    /// <summary>Largest attachment kept; a larger one is listed in a timeline note, not stored.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>At most this many messages per poll (the rest wait for the next).</summary>
    public int MaxMessagesPerPoll { get; set; } = 50;

    public override string ToString() => $"{Username}@{Host}:{Port}/{Folder}";
}

/// <summary>Usable numbers always; once enabled, a host, a user name with its password, and three distinct folders.</summary>
public sealed class EmailIntakeOptionsValidator : SettingsValidator<EmailIntakeOptions>
{
    public override IEnumerable<string> Check(EmailIntakeOptions options)
    {
        if (options.Port is < 1 or > 65535) yield return $"EmailIntake:Port must be between 1 and 65535 (it is {options.Port}).";
        if (options.PollSeconds is < 5 or > 86_400) yield return $"EmailIntake:PollSeconds must be between 5 and 86400 (it is {options.PollSeconds}).";
        if (options.MaxAttachmentBytes < 1) yield return Positive("EmailIntake:MaxAttachmentBytes", options.MaxAttachmentBytes);
        if (options.MaxMessagesPerPoll is < 1 or > 1000)
            yield return $"EmailIntake:MaxMessagesPerPoll must be between 1 and 1000 (it is {options.MaxMessagesPerPoll}).";
        if (!Enum.IsDefined(options.Security)) yield return $"EmailIntake:Security must be one of {string.Join(", ", Enum.GetNames<SecureSocketOptions>())}.";
        if (!options.Enabled) yield break;
        if (string.IsNullOrWhiteSpace(options.Host)) yield return "EmailIntake:Host must be set when EmailIntake:Enabled is true.";
        if (string.IsNullOrWhiteSpace(options.Username)) yield return "EmailIntake:Username must be set when EmailIntake:Enabled is true.";
        if (string.IsNullOrEmpty(options.Password)) yield return "EmailIntake:Password must be set when EmailIntake:Enabled is true.";
        string[] folders = [options.Folder, options.ProcessedFolder, options.UnknownFolder];
        if (folders.Any(string.IsNullOrWhiteSpace))
            yield return "EmailIntake:Folder, EmailIntake:ProcessedFolder and EmailIntake:UnknownFolder must be set.";
        else if (folders.Distinct(StringComparer.OrdinalIgnoreCase).Count() != 3)
            yield return "EmailIntake:Folder, EmailIntake:ProcessedFolder and EmailIntake:UnknownFolder must be three different folders.";
    }
}
