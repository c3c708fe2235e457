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
    /// <summary>The OPD status board (docs/monitoring.md): the officials and the administrator.</summary>
    public const string StatusBoard = nameof(StatusBoard);

    /// <summary>Who records the SKM analysis and follow-up actions: the Kepala Seksi and the Kepala Bidang.</summary>
    public const string SkmFollowUp = nameof(SkmFollowUp);

    /// <summary>Who publishes an SKM period's results: the Kepala Bidang and the Kepala Dinas.</summary>
    public const string SkmPublish = nameof(SkmPublish);

    /// <summary>Who prepares the evidence for the PEKPPP evaluators: the officials and the administrator.</summary>
    public const string Evaluation = nameof(Evaluation);

    public const string DeviceManager = nameof(DeviceManager);
    public const string DeviceReader = nameof(DeviceReader);
    public const string SpareHandler = nameof(SpareHandler);

    /// <summary>The technicians' own pages: the offline app's assignments and the sync of steps (docs/offline.md).</summary>
    public const string Technician = nameof(Technician);

    /// <summary>Who sees the quantity-counted stock (cables, connectors): the administrator, the Kasi, the technicians.</summary>
    public const string StockReader = nameof(StockReader);

    /// <summary>
    /// Any signed-in user, including an administrator who has yet to enroll two-factor authentication: only for
    /// the enrollment pages and signing out. Every other policy (and the fallback) also requires that enrollment.
    /// </summary>
    public const string SignedIn = nameof(SignedIn);

    public static AuthorizationBuilder AddAppPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(Enrolled(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()).Build())
        .SetDefaultPolicy(Enrolled(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()).Build())
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(Administrator, p => Enrolled(p.RequireRole(Roles.Administrator)))
        .AddPolicy(FrontDesk, p => Enrolled(p.RequireRole(Roles.PetugasLayanan)))
        .AddPolicy(Official, p => Enrolled(p.RequireRole(Roles.KepalaDinas, Roles.KepalaBidang, Roles.KepalaSeksi)))
        // Diskominfo's own people: everyone who handles reports (not the OPD reporters, not the administrator).
        .AddPolicy(Staff, p => Enrolled(p.RequireRole(Roles.PetugasLayanan, Roles.KepalaDinas, Roles.KepalaBidang,
            Roles.KepalaSeksi, Roles.Teknisi)))
        .AddPolicy(Reporter, p => Enrolled(p.RequireRole(Roles.Pelapor)))
        // Everyone who works with reports; the administrator manages the system but not reports.
        .AddPolicy(ReportUser, p => Enrolled(p.RequireRole(Roles.Pelapor, Roles.PetugasLayanan, Roles.KepalaDinas,
            Roles.KepalaBidang, Roles.KepalaSeksi, Roles.Teknisi)))
        // Who records a new report: OPD staff for their own OPD, the front desk for any OPD.
        .AddPolicy(Intake, p => Enrolled(p.RequireRole(Roles.Pelapor, Roles.PetugasLayanan)))
        .AddPolicy(SkmFollowUp, p => Enrolled(p.RequireRole(Roles.KepalaSeksi, Roles.KepalaBidang)))
        .AddPolicy(SkmPublish, p => Enrolled(p.RequireRole(Roles.KepalaBidang, Roles.KepalaDinas)))
        .AddPolicy(Evaluation, p => Enrolled(p.RequireRole(Roles.KepalaDinas, Roles.KepalaBidang, Roles.KepalaSeksi, Roles.Administrator)))
        .AddPolicy(StatusBoard, p => Enrolled(p.RequireRole(Roles.KepalaDinas, Roles.KepalaBidang, Roles.KepalaSeksi, Roles.Administrator)))
        // The device register (docs/devices.md): the administrator and the Kasi manage it, everyone else reads it
        // (an OPD's reporters only their OPD's devices); the Kasi and the technicians reserve spares (step 10).
        .AddPolicy(DeviceManager, p => Enrolled(p.RequireRole(Roles.Administrator, Roles.KepalaSeksi)))
        .AddPolicy(DeviceReader, p => Enrolled(p.RequireRole(Roles.Administrator, Roles.Pelapor, Roles.PetugasLayanan,
            Roles.KepalaDinas, Roles.KepalaBidang, Roles.KepalaSeksi, Roles.Teknisi)))
        .AddPolicy(Technician, p => Enrolled(p.RequireRole(Roles.Teknisi)))
        .AddPolicy(SpareHandler, p => Enrolled(p.RequireRole(Roles.KepalaSeksi, Roles.Teknisi)))
        .AddPolicy(StockReader, p => Enrolled(p.RequireRole(Roles.Administrator, Roles.KepalaSeksi, Roles.Teknisi)));

    /// <summary>Adds the two-factor enrollment an administrator needs (see <see cref="TwoFactorEnrolledRequirement"/>).</summary>
    private static AuthorizationPolicyBuilder Enrolled(AuthorizationPolicyBuilder policy) =>
        policy.AddRequirements(TwoFactorEnrolledRequirement.Instance);
}
