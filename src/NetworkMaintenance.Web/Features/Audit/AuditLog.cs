using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Audit;

namespace NetworkMaintenance.Web.Features.Audit;

/// <summary>What an audit entry is about: a type name, its database id, and its official number if it has one.</summary>
public sealed record AuditObject(string Type, string? Id, string? Number = null)
{
    public static AuditObject Report(int id, string number) => new("Report", Text(id), number);
    public static AuditObject User(string id, string? userName) => new("User", id, userName);
    public static AuditObject Opd(int id, string? name = null) => new("Opd", Text(id), name);
    public static AuditObject OrgUnit(int id, string? name = null) => new("OrgUnit", Text(id), name);
    public static AuditObject Document(int id, string number) => new("IssuedDocument", Text(id), number);
    public static AuditObject Attachment(int id, string? reportNumber = null) => new("Attachment", Text(id), reportNumber);
    public static AuditObject Plh(int id) => new("ActingAppointment", Text(id));
    public static AuditObject Named(string type) => new(type, null);

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Who acted, when it is not the signed-in user of the current request (a sign-in, a background job).</summary>
public sealed record AuditActor(string? UserId, string? UserName);

/// <summary>
/// Writes the audit log (docs/security.md, "Audit log"). <see cref="Add"/> stages an entry on the request's
/// <see cref="AppDbContext"/> so it is saved by the caller's own SaveChanges, atomically with the change it records
/// (workflow steps, Plh., the service standard); <see cref="WriteAsync"/> adds and saves at once, for events that
/// change nothing else (downloads, sign-ins) or whose change another component already saved.
/// The actor and client IP come from the current request unless an <see cref="AuditActor"/> is given.
/// </summary>
public interface IAuditLog
{
    void Add(string eventType, string summary, AuditObject? target = null, object? details = null, AuditActor? actor = null);

    Task WriteAsync(string eventType, string summary, AuditObject? target = null, object? details = null,
        AuditActor? actor = null, CancellationToken ct = default);

    /// <summary>Records the outcome of a sign-in attempt under the user name that was typed.</summary>
    /// <param name="secondStep">The result is of the two-factor step (authenticator or recovery code), not of the password.</param>
    Task SignInAsync(string typedUserName, SignInResult result, bool secondStep = false, CancellationToken ct = default);
}

public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock) : IAuditLog
{
    /// <summary>Detail properties whose names contain one of these are dropped, whatever the caller passes.</summary>
    public static readonly string[] SecretNameParts = ["password", "token", "secret", "code", "otp", "signature", "stamp", "passphrase", "totp"];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Add(string eventType, string summary, AuditObject? target = null, object? details = null, AuditActor? actor = null)
    {
        var context = http.HttpContext;
        actor ??= CurrentUser(context?.User);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, eventType, summary, actor?.UserId, actor?.UserName,
            ClientIp(context), target?.Type, target?.Id, target?.Number, SafeJson(details)));
    }

    public async Task WriteAsync(string eventType, string summary, AuditObject? target = null, object? details = null,
        AuditActor? actor = null, CancellationToken ct = default)
    {
        Add(eventType, summary, target, details, actor);
        await db.SaveChangesAsync(ct);
    }

    public async Task SignInAsync(string typedUserName, SignInResult result, bool secondStep = false, CancellationToken ct = default)
    {
        var name = typedUserName.Trim();
        var normalized = name.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.UserName }).SingleOrDefaultAsync(ct);
        var target = user is null ? null : AuditObject.User(user.Id, user.UserName);
        if (result.Succeeded && user is not null)
        {
            await WriteAsync(AuditEvents.LoginSucceeded, $"{user.UserName} masuk.", target,
                actor: new AuditActor(user.Id, user.UserName), ct: ct);
            return;
        }

        var (reason, text) = result.IsLockedOut ? ("locked_out", "akun terkunci")
            : result.IsNotAllowed ? ("not_allowed", "akun tidak aktif")
            : result.RequiresTwoFactor ? ("requires_two_factor", "perlu verifikasi dua langkah")
            : secondStep ? ("wrong_two_factor_code", "kode verifikasi dua langkah salah")
            : user is null ? ("unknown_user", "nama pengguna tidak dikenal")
            : ("wrong_password", "kata sandi salah");
        // The typed name is kept as typed (shortened); the actor is anonymous: nobody has proved who they are.
        await WriteAsync(AuditEvents.LoginFailed, $"Masuk gagal sebagai \"{Shorten(name, 100)}\": {text}.", target,
            new { reason }, new AuditActor(null, Shorten(name, 256)), ct);
    }

    /// <summary>The signed-in user of a request: id and the user name (Identity's name claim), or null if anonymous.</summary>
    public static AuditActor? CurrentUser(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name)
            : null;

    /// <summary>The client's address as the app sees it after the forwarded-headers middleware; IPv4 shown as IPv4.</summary>
    public static string? ClientIp(HttpContext? context)
    {
        var address = context?.Connection.RemoteIpAddress;
        if (address is null) return null;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>Serialises <paramref name="details"/> to JSON without any property that could hold a secret.</summary>
    public static string? SafeJson(object? details)
    {
        if (details is null) return null;
        var node = JsonSerializer.SerializeToNode(details, details.GetType(), JsonOptions);
        Scrub(node);
        var json = node?.ToJsonString(JsonOptions);
        return json is null or "{}" or "null" ? null : json;
    }

    public static bool IsSecretName(string name) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(IsSecretName).ToList()) obj.Remove(key);
                foreach (var (_, child) in obj) Scrub(child);
                break;
            case JsonArray array:
                foreach (var child in array) Scrub(child);
                break;
        }
    }

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..max];
}
