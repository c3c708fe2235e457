using Microsoft.AspNetCore.Authorization;
using NetworkMaintenance.Web.Authorization;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The navigation of the whole app in one table: each entry names the policy that may see it.
/// The layout shows the entries the signed-in user's policies allow. Entries with a group are folded into one menu
/// per group ("Laporan", "Administrasi"), so no role's navigation is wider than an office laptop's screen; a group of
/// which the user may see only one entry is shown as that entry (no menu of one).
/// </summary>
public static class Navigation
{
    public const string ReportsGroup = "Laporan";
    public const string AdministrationGroup = "Administrasi";

    public sealed record Item(string Label, string Icon, string Url, string? Policy, string Group = "", string? BadgeKey = null);

    /// <summary>One entry of the top bar: a link, or a menu of links (<see cref="Items"/> not empty).</summary>
    public sealed record Entry(string Label, string Icon, string? Url, string? BadgeKey, IReadOnlyList<Item> Items)
    {
        public bool IsMenu => Items.Count > 0;
    }

    /// <summary>The icon of each group's menu.</summary>
    public static readonly IReadOnlyDictionary<string, string> GroupIcons = new Dictionary<string, string>
    {
        [ReportsGroup] = "bi-folder2-open",
        [AdministrationGroup] = "bi-gear",
    };

    public static readonly IReadOnlyList<Item> Items =
    [
        new("Beranda", "bi-house", "/", null),
        new("Menunggu tindakan saya", "bi-inbox", "/tugas", Policies.ReportUser, BadgeKey: NavCounts.InboxKey),
        new("Daftar laporan", "bi-list-task", "/laporan", Policies.ReportUser, ReportsGroup),
        new("Laporan baru", "bi-plus-circle", "/laporan/baru", Policies.Intake, ReportsGroup),
        new("Rekap Bulanan", "bi-file-earmark-bar-graph", "/laporan/rekap", Policies.Official, ReportsGroup),
        new("IKM", "bi-graph-up", "/skm", Policies.Official, ReportsGroup),
        new("Tindak Lanjut SKM", "bi-clipboard-check", "/skm/tindak-lanjut", Policies.Official, ReportsGroup),
        new("Evaluasi Pelayanan", "bi-award", "/evaluasi-pelayanan", Policies.Evaluation, ReportsGroup),
        new("Papan status OPD", "bi-broadcast", "/papan-status", Policies.StatusBoard, ReportsGroup),
        new("Perangkat", "bi-router", "/perangkat", Policies.DeviceReader, ReportsGroup),
        new("Buku tamu", "bi-journal-text", "/buku-tamu", Policies.FrontDesk, AdministrationGroup),
        new("Email masuk", "bi-envelope", "/email-masuk", Policies.FrontDesk, AdministrationGroup),
        new("Pengaduan", "bi-chat-left-text", "/pengaduan/kelola", Policies.FrontDesk, AdministrationGroup),
        new("Plh.", "bi-person-badge", "/plh", Policies.Official, AdministrationGroup),
        new("Pengguna", "bi-people", "/admin/pengguna", Policies.Administrator, AdministrationGroup),
        new("OPD", "bi-building", "/admin/opd", Policies.Administrator, AdministrationGroup),
        new("Sumber pemantauan", "bi-activity", "/admin/pemantauan", Policies.Administrator, AdministrationGroup),
        new("Unit Organisasi", "bi-diagram-3", "/admin/unit", Policies.Administrator, AdministrationGroup),
        new("Kop Surat & Penomoran", "bi-file-earmark-text", "/admin/dokumen", Policies.Administrator, AdministrationGroup),
        new("Standar Pelayanan", "bi-card-checklist", "/admin/standar-pelayanan", Policies.Administrator, AdministrationGroup),
        new("Maklumat Pelayanan", "bi-megaphone", "/admin/maklumat-pelayanan", Policies.Administrator, AdministrationGroup),
        new("Log Audit", "bi-shield-check", "/admin/audit", Policies.Administrator, AdministrationGroup),
        new("Data Pribadi", "bi-person-lock", "/admin/data-pribadi", Policies.Administrator, AdministrationGroup),
        new("Token API", "bi-key", "/admin/token-api", Policies.Administrator, AdministrationGroup),
        new("Webhook", "bi-broadcast", "/admin/webhook", Policies.Administrator, AdministrationGroup),
        new("Notifikasi", "bi-bell", "/notifikasi", null, BadgeKey: NavCounts.NotificationsKey),
    ];

    public static async Task<IReadOnlyList<Item>> VisibleAsync(IAuthorizationService authorization,
        System.Security.Claims.ClaimsPrincipal user)
    {
        var visible = new List<Item>();
        // Each policy is asked once (eight policies guard the table's entries; the layout asks on every page).
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var item in Items)
        {
            if (item.Policy is { } policy && !allowed.TryGetValue(policy, out var may))
            {
                may = (await authorization.AuthorizeAsync(user, policy)).Succeeded;
                allowed[policy] = may;
            }
            if (item.Policy is null || allowed[item.Policy]) visible.Add(item);
        }
        return visible;
    }

    /// <summary>
    /// The top bar for the visible items, in table order: an ungrouped item is a link; a group is a menu at the place
    /// of its first item, or a plain link when only one of its items is visible.
    /// </summary>
    public static IReadOnlyList<Entry> Entries(IReadOnlyList<Item> visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var entries = new List<Entry>();
        var seen = new HashSet<string>();
        foreach (var item in visible)
        {
            if (item.Group == "")
            {
                entries.Add(new Entry(item.Label, item.Icon, item.Url, item.BadgeKey, []));
                continue;
            }
            if (!seen.Add(item.Group)) continue;
            var members = visible.Where(i => i.Group == item.Group).ToList();
            entries.Add(members.Count == 1
                ? new Entry(item.Label, item.Icon, item.Url, item.BadgeKey, [])
                : new Entry(item.Group, GroupIcons.GetValueOrDefault(item.Group, "bi-three-dots"), null, null, members));
        }
        return entries;
    }

    /// <summary>Whether <paramref name="url"/> is the page at <paramref name="path"/> (the longest matching entry wins).</summary>
    public static bool IsCurrent(string url, string path, IEnumerable<Item> visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        if (url == "/") return path == "/";
        if (!Matches(url, path)) return false;
        // "/laporan" is not current on "/laporan/baru", which has an entry of its own.
        return !visible.Any(other => other.Url.Length > url.Length && Matches(other.Url, path));
    }

    private static bool Matches(string url, string path) =>
        url != "/" && (path.Equals(url, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(url + "/", StringComparison.OrdinalIgnoreCase));
}
