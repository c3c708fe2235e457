using NetworkMaintenance.Core.Security;

namespace NetworkMaintenance.Core.Domain.Monitoring;

/// <summary>
/// A monitoring system allowed to post alerts (an Alertmanager, a Zabbix or LibreNMS server), with its own bearer
/// token. Only the token's hash is stored (<see cref="SecretToken"/>); the administrator sees the token once.
/// Revoked, never deleted: the alerts it sent keep naming it.
/// </summary>
public class MonitoringSource
{
    public const int NameMaxLength = 100;

    private MonitoringSource() { }

    /// <summary>A new source and its token (returned once, never stored).</summary>
    public static (MonitoringSource Source, string Token) Create(string name, string createdByUserId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Nama sumber pemantauan wajib diisi.");
        if (name.Trim().Length > NameMaxLength) throw new DomainException($"Nama sumber pemantauan paling banyak {NameMaxLength} karakter.");
        var token = SecretToken.Generate("alert");
        return (new MonitoringSource
        {
            Name = name.Trim(),
            TokenHash = SecretToken.Hash(token),
            TokenHint = SecretToken.Hint(token),
            CreatedByUserId = createdByUserId,
            CreatedAtUtc = nowUtc,
        }, token);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string TokenHint { get; private set; } = "";
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public DateTime? LastUsedAtUtc { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    public bool Accepts(string? presentedToken) => IsActive && SecretToken.Matches(presentedToken, TokenHash);

    public void Revoke(DateTime nowUtc)
    {
        if (RevokedAtUtc is not null) throw new DomainException("Token sumber ini sudah dicabut.");
        RevokedAtUtc = nowUtc;
    }

    public void Used(DateTime nowUtc) => LastUsedAtUtc = nowUtc;
}
