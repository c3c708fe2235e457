namespace NetworkMaintenance.Core.Domain;

/// <summary>
/// A file kept in the database (the shared file store of several app instances, docs/operations.md): the bytes of an
/// attachment under its generated name.
/// </summary>
public class StoredFile
{
    private StoredFile() { }

    public StoredFile(string name, byte[] content, DateTime createdAtUtc)
    {
        Name = name;
        Content = content;
        Length = content.LongLength;
        CreatedAtUtc = createdAtUtc;
    }

    public string Name { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public long Length { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>
/// A lease on a background job (the SLA monitor, the mail outbox): only the instance that holds it, until it expires,
/// runs the job, so several app instances on one database send each escalation and e-mail once.
/// </summary>
public class Lease
{
    private Lease() { }

    public Lease(string name, string holder, DateTime expiresAtUtc)
    {
        Name = name;
        Holder = holder;
        ExpiresAtUtc = expiresAtUtc;
    }

    public string Name { get; private set; } = "";
    public string Holder { get; private set; } = "";
    public DateTime ExpiresAtUtc { get; private set; }
}
