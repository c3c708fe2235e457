namespace NetworkMaintenance.Core.Domain.Audit;

/// <summary>
/// One line of the audit log: who (or which anonymous client) did what, to which object, when and from where.
/// Append-only: the class has no method that changes an entry, the app never deletes one, and the database refuses
/// UPDATE and DELETE on the table with triggers (see the AuditLog migration and docs/security.md).
/// </summary>
/// <remarks>
/// The actor is a snapshot (user id and user name at the time), deliberately without a foreign key: the log must
/// keep reading the same even if an account is renamed, and must never block or cascade from changes to users.
/// <see cref="Summary"/> is in Indonesian (the administrator reads it); <see cref="EventType"/> is a stable English code.
/// <see cref="Details"/> is a small JSON object that never holds passwords, tokens or codes.
/// </remarks>
public class AuditEntry
{
    public const int EventTypeMaxLength = 64;
    public const int SummaryMaxLength = 500;
    public const int DetailsMaxLength = 4000;
    public const int ObjectIdMaxLength = 100;

    private AuditEntry() { }

    public AuditEntry(DateTime atUtc, string eventType, string summary, string? actorUserId, string? actorUserName,
        string? clientIp, string? objectType = null, string? objectId = null, string? objectNumber = null,
        string? details = null)
    {
        if (string.IsNullOrWhiteSpace(eventType)) throw new ArgumentException("An audit entry needs an event type.", nameof(eventType));
        AtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        EventType = Cut(eventType.Trim(), EventTypeMaxLength)!;
        Summary = Cut(summary.Trim(), SummaryMaxLength)!;
        ActorUserId = actorUserId;
        ActorUserName = Cut(actorUserName, 256);
        ClientIp = Cut(clientIp, 64);
        ObjectType = Cut(objectType, 40);
        ObjectId = Cut(objectId, ObjectIdMaxLength);
        ObjectNumber = Cut(objectNumber, ObjectIdMaxLength);
        Details = details is null || details.Length <= DetailsMaxLength ? details : null;
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }

    /// <summary>Null for an anonymous client (a failed sign-in by an unknown name, a public download).</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>The user name at the time; for a failed sign-in, the name that was typed.</summary>
    public string? ActorUserName { get; private set; }

    public string? ClientIp { get; private set; }
    public string EventType { get; private set; } = "";

    /// <summary>What the event was about: Report, User, Opd, OrgUnit, IssuedDocument, Attachment, ...</summary>
    public string? ObjectType { get; private set; }

    public string? ObjectId { get; private set; }

    /// <summary>The object's official number where it has one (report number, document number).</summary>
    public string? ObjectNumber { get; private set; }

    public string Summary { get; private set; } = "";
    public string? Details { get; private set; }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
