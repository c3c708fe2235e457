namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>The <c>Security</c> section of the configuration.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// An administrator must use an authenticator app: one who has not enrolled yet is sent to the enrollment page
    /// and can reach nothing else until they have. On by default in every environment.
    /// </summary>
    public bool RequireTwoFactorForAdministrators { get; set; } = true;

    /// <summary>
    /// HTTPS required: Secure-only cookies, HSTS and redirection. Unset: on outside Development (where
    /// http://localhost must keep working). <c>false</c> serves plain HTTP on the loopback interface (the fault tests,
    /// the soak and the benchmark runner); a real deployment keeps it on (docs/security.md).
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>The effective value once the environment's default is applied (see <see cref="Settings"/>).</summary>
    public bool HttpsRequired => RequireHttps ?? true;
}

/// <summary>Nothing to check beyond the binder's own conversion of the flags, which start-up now runs.</summary>
public sealed class SecurityOptionsValidator : SettingsValidator<SecurityOptions>
{
    public override IEnumerable<string> Check(SecurityOptions options) => [];
}

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies whose X-Forwarded-For/-Proto headers count. By default
/// none: ASP.NET Core trusts the loopback address out of the box, so anyone on the host (or a proxy passing the
/// client's own X-Forwarded-For through) could choose the address seen by the rate limits and the audit log.
/// Behind a TLS reverse proxy, name it (or its network), loopback included when it runs on the same host:
/// <c>ForwardedHeaders:KnownProxies:0=10.0.0.5</c> or <c>ForwardedHeaders:KnownNetworks:0=10.0.0.0/24</c>.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";
    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];
}

public sealed class ProxyOptionsValidator : SettingsValidator<ProxyOptions>
{
    public override IEnumerable<string> Check(ProxyOptions options)
    {
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(options.KnownProxies[i], out _))
                yield return $"ForwardedHeaders:KnownProxies:{i} must be an IP address (it is '{options.KnownProxies[i]}').";
        }
        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i], out _))
                yield return $"ForwardedHeaders:KnownNetworks:{i} must be a network in CIDR notation, e.g. 10.0.0.0/24 (it is '{options.KnownNetworks[i]}').";
        }
    }
}
