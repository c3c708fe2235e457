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
}
