using Microsoft.AspNetCore.Authorization;
using NetworkMaintenance.Web.Authorization;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The navigation of the whole app in one table: each entry names the policy that may see it.
/// The layout shows the entries the signed-in user's policies allow.
/// </summary>
public static class Navigation
{
    public sealed record Item(string Label, string Icon, string Url, string? Policy, string Group = "", string? BadgeKey = null);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("Beranda", "bi-house", "/", null),
        new("Menunggu tindakan saya", "bi-inbox", "/tugas", Policies.ReportUser, BadgeKey: NavCounts.InboxKey),
        new("Laporan", "bi-list-task", "/laporan", Policies.ReportUser),
        new("Laporan baru", "bi-plus-circle", "/laporan/baru", Policies.Intake),
        new("Buku tamu", "bi-journal-text", "/buku-tamu", Policies.FrontDesk),
        new("Pengaduan", "bi-chat-left-text", "/pengaduan/kelola", Policies.FrontDesk),
        new("Plh.", "bi-person-badge", "/plh", Policies.Official),
        new("IKM", "bi-graph-up", "/skm", Policies.Official),
        new("Rekap Bulanan", "bi-file-earmark-bar-graph", "/laporan/rekap", Policies.Official),
        new("Notifikasi", "bi-bell", "/notifikasi", null, BadgeKey: NavCounts.NotificationsKey),
        new("Pengguna", "bi-people", "/admin/pengguna", Policies.Administrator, "Administrasi"),
        new("OPD", "bi-building", "/admin/opd", Policies.Administrator, "Administrasi"),
        new("Unit Organisasi", "bi-diagram-3", "/admin/unit", Policies.Administrator, "Administrasi"),
        new("Kop Surat & Penomoran", "bi-file-earmark-text", "/admin/dokumen", Policies.Administrator, "Administrasi"),
        new("Standar Pelayanan", "bi-card-checklist", "/admin/standar-pelayanan", Policies.Administrator, "Administrasi"),
        new("Log Audit", "bi-shield-check", "/admin/audit", Policies.Administrator, "Administrasi"),
    ];

    public static async Task<IReadOnlyList<Item>> VisibleAsync(IAuthorizationService authorization,
        System.Security.Claims.ClaimsPrincipal user)
    {
        var visible = new List<Item>();
        foreach (var item in Items)
        {
            if (item.Policy is null || (await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }
        return visible;
    }
}
