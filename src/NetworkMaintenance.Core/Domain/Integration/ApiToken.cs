namespace NetworkMaintenance.Core.Domain.Integration;

/// <summary>
/// A bearer token for the JSON API (/api/v1). It acts as its user: the same roles, the same OPD, the same per-report
/// rules as that user's web pages. An integration (another system of an OPD) gets an account of its own with the role
/// and OPD it should have, and a token of that account. Only the SHA-256 hash of the token is stored
/// (<c>Core.Security.SecretToken</c>); the token itself is shown once, when made.
/// </summary>
public class ApiToken
{
    public const int NameMaxLength = 100;

    /// <summary>The prefix of API tokens (<c>nm_api_…</c>).</summary>
    public const string Prefix = "api";

    private ApiToken() { }

    public ApiToken(string userId, string name, string tokenHash, string hint, string createdByUserId, DateTime createdAtUtc,
        DateTime? expiresAtUtc)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Nama token wajib diisi.");
        UserId = userId;
        Name = name.Trim().Length > NameMaxLength ? name.Trim()[..NameMaxLength] : name.Trim();
        TokenHash = tokenHash;
        Hint = hint;
        CreatedByUserId = createdByUserId;
        CreatedAtUtc = createdAtUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public AppUser? User { get; private set; }
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public string Hint { get; private set; } = "";
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ExpiresAtUtc { get; private set; }
    public DateTime? LastUsedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public string? RevokedByUserId { get; private set; }

    public bool IsUsable(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > nowUtc);

    public void Revoke(string byUserId, DateTime nowUtc)
    {
        if (RevokedAtUtc is not null) return;
        RevokedAtUtc = nowUtc;
        RevokedByUserId = byUserId;
    }

    public void MarkUsed(DateTime nowUtc) => LastUsedAtUtc = nowUtc;
}
