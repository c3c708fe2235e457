using Microsoft.AspNetCore.Authorization;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Authorization;

/// <summary>Every role-based policy of the app, in one place. Controllers name a policy, never a role.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);
    public const string FrontDesk = nameof(FrontDesk);
    public const string Official = nameof(Official);
    public const string Staff = nameof(Staff);
    public const string Reporter = nameof(Reporter);
    public const string ReportUser = nameof(ReportUser);
    public const string Intake = nameof(Intake);

    public static AuthorizationBuilder AddAppPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(FrontDesk, p => p.RequireRole(Roles.PetugasLayanan))
        .AddPolicy(Official, p => p.RequireRole(Roles.KepalaDinas, Roles.KepalaBidang, Roles.KepalaSeksi))
        // Diskominfo's own people: everyone who handles reports (not the OPD reporters, not the administrator).
        .AddPolicy(Staff, p => p.RequireRole(Roles.PetugasLayanan, Roles.KepalaDinas, Roles.KepalaBidang,
            Roles.KepalaSeksi, Roles.Teknisi))
        .AddPolicy(Reporter, p => p.RequireRole(Roles.Pelapor))
        // Everyone who works with reports; the administrator manages the system but not reports.
        .AddPolicy(ReportUser, p => p.RequireRole(Roles.Pelapor, Roles.PetugasLayanan, Roles.KepalaDinas,
            Roles.KepalaBidang, Roles.KepalaSeksi, Roles.Teknisi))
        // Who records a new report: OPD staff for their own OPD, the front desk for any OPD.
        .AddPolicy(Intake, p => p.RequireRole(Roles.Pelapor, Roles.PetugasLayanan));
}
