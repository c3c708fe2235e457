using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data.Seeding;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>
/// An app with one object of every kind an endpoint takes an id of, created the way people create them (over HTTP
/// where there is a form): report R of the BKD (pelapor's OPD) disposed to kabid and kasi and assigned to teknisi and
/// teknisi2, with an attachment and its receipt; report D of the Dinkes (pelapor.dinkes) nobody else in the matrix
/// may see, with an attachment and its receipt; a complaint; a guest book entry; one notification per demo user; one
/// Plh. appointment per official. The public-form rate limit is raised: the matrix posts many times a minute.
/// </summary>
public sealed class SecurityWorld : IAsyncLifetime
{
    /// <summary>The demo account that stands for each role (and null for the anonymous visitor).</summary>
    public static readonly IReadOnlyList<(Who Who, string? UserName)> Principals =
    [
        (Who.Anonymous, null),
        (Who.Pelapor, "pelapor"),
        (Who.PetugasLayanan, "petugas"),
        (Who.KepalaDinas, "kadis"),
        (Who.KepalaBidang, "kabid"),
        (Who.KepalaSeksi, "kasi"),
        (Who.Teknisi, "teknisi"),
        (Who.Administrator, "admin"),
    ];

    private static readonly string[] Officials = ["kadis", "kabid", "kasi"];

    public AppFactory Factory { get; } = new AppFactory().WithSetting("RateLimiting:PublicPermitLimit", "100000")
        .WithSetting("RateLimiting:VerificationPermitLimit", "100000");

    public int ReportId { get; private set; }
    public int ReportAttachmentId { get; private set; }
    public int ReportDocumentId { get; private set; }
    public string VerificationCode { get; private set; } = "";
    public int OtherOpdReportId { get; private set; }
    public int OtherOpdAttachmentId { get; private set; }
    public int OtherOpdDocumentId { get; private set; }
    public int ComplaintId { get; private set; }
    public int ComplaintAttachmentId { get; private set; }
    public int GuestBookEntryId { get; private set; }
    public string AdminTargetUserId { get; private set; } = "";
    public int AdminTargetOpdId { get; private set; }
    public int MonitoringSourceId { get; private set; }
    public int AdminTargetUnitId { get; private set; }
    public int DeviceId { get; private set; }
    /// <summary>A switch of the Dinkes: the BKD's reporter (and their API token) may not see it.</summary>
    public int OtherOpdDeviceId { get; private set; }
    public int StockItemId { get; private set; }
    public Dictionary<string, long> NotificationOf { get; } = [];
    public Dictionary<string, int> AppointmentOf { get; } = [];
    public string ComplaintNumber { get; private set; } = "";
    public string ComplaintCode { get; private set; } = "";
    /// <summary>An API token of every demo account (ApiAccessMatrix), and its id (the revoke routes).</summary>
    public Dictionary<string, string> ApiTokens { get; } = [];
    /// <summary>A second token of every demo account, for the revoke routes (the matrix must not revoke <see cref="ApiTokens"/>).</summary>
    public Dictionary<string, int> RevocableTokenOf { get; } = [];
    public int WebhookReceiverId { get; private set; }

    public async Task InitializeAsync()
    {
        using var driver = new WorkflowDriver(Factory);
        ReportId = await driver.SubmitAsync("pelapor", "Jaringan ruang kepegawaian mati (dunia uji keamanan)");
        ReportAttachmentId = await UploadAsync(await driver.As("pelapor"), ReportId);
        await driver.DisposeAsync(ReportId);
        await driver.VerifyAsync(ReportId);
        await driver.AssignAsync(ReportId);
        (ReportDocumentId, VerificationCode) = await ReceiptAsync(ReportId);

        OtherOpdReportId = await driver.SubmitAsync("pelapor.dinkes", "Wi-Fi puskesmas mati (dunia uji keamanan)");
        OtherOpdAttachmentId = await UploadAsync(await driver.As("pelapor.dinkes"), OtherOpdReportId);
        (OtherOpdDocumentId, _) = await ReceiptAsync(OtherOpdReportId);

        ComplaintId = await ComplainAsync();
        GuestBookEntryId = await WalkInAsync(await driver.As("petugas"));

        AdminTargetUserId = await Factory.UserIdAsync("teknisi2");
        AdminTargetOpdId = await Factory.OpdIdAsync("Disdukcapil");
        MonitoringSourceId = (await Monitoring.AlertApi.CreateSourceAsync(Factory, "Sumber dunia uji keamanan")).Id;
        AdminTargetUnitId = await Factory.UnitIdAsync(ReferenceData.SeksiAplikasi);

        await UploadLogoAsync(await driver.As("admin"));
        DeviceId = await RegisterDeviceAsync(await driver.As("admin"), "BKD", "SEC-WORLD-1");
        OtherOpdDeviceId = await RegisterDeviceAsync(await driver.As("admin"), "Dinkes", "SEC-WORLD-2");
        StockItemId = await AddStockItemAsync(await driver.As("admin"));

        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.AppDbContext>();
            var users = await db.Users.Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var now = Factory.Clock.GetUtcNow().UtcDateTime;
            var notifications = users.ToDictionary(u => u.Key, u => new Notification(u.Value, "Pemberitahuan uji untuk " + u.Key, null, now));
            db.Notifications.AddRange(notifications.Values);
            // Appointments that start the day after tomorrow: they exist (and can be revoked) but give no one Plh. powers
            // today, nor tomorrow when the run crosses midnight WIB (17:00 UTC).
            var later = Factory.Clock.TodayWib.AddDays(2);
            var appointments = Officials.ToDictionary(o => o,
                o => new ActingAppointment(users[o], users["kasi.aplikasi"], later, later.AddDays(2), "Dinas luar", users[o], now));
            db.ActingAppointments.AddRange(appointments.Values);
            // A complete maklumat pelayanan, so its public poster exists (without one it answers 404).
            var charter = await db.ServiceCharters.SingleAsync();
            charter.SetDeclaration(Core.Domain.Quality.ServiceCharter.DefaultDeclaration, DateOnly.FromDateTime(now), "Kepala Dinas Uji", null,
                "Kepala Dinas Komunikasi dan Informatika", users["admin"], now);
            await db.SaveChangesAsync();
            foreach (var (user, n) in notifications) NotificationOf[user] = n.Id;
            foreach (var (user, a) in appointments) AppointmentOf[user] = a.Id;
            (ComplaintNumber, ComplaintCode) = await db.Complaints.Where(c => c.Id == ComplaintId)
                .Select(c => new ValueTuple<string, string>(c.Number, c.TrackingCode)).SingleAsync();

            // One API token per demo account, made by the service the account page uses.
            var tokens = sp.GetRequiredService<Web.Features.Api.ApiTokenService>();
            foreach (var (_, userName) in Principals.Where(p => p.UserName is not null))
            {
                var made = await tokens.CreateAsync(users[userName!], "uji matriks " + userName, null, users[userName!]);
                ApiTokens[userName!] = made.Token;
                RevocableTokenOf[userName!] = (await tokens.CreateAsync(users[userName!], "uji cabut " + userName, null, users[userName!])).Id;
            }
            var webhooks = sp.GetRequiredService<Web.Features.Webhooks.WebhookAdmin>();
            WebhookReceiverId = (await webhooks.RegisterAsync("Uji keamanan", "https://penerima.example/webhook",
                Core.Domain.Integration.WebhookEvents.All, users["admin"])).Id;
            // Inactive: the matrix's steps stage nothing for it (its routes still work).
            await webhooks.SetActiveAsync(WebhookReceiverId, false);
        });
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A URL for <paramref name="route"/> whose parameters name real objects that <paramref name="userName"/> may use
    /// (their own notification, their own Plh. appointment, the report every report user may see). A route parameter
    /// this does not know fails the test with the template to add here.
    /// </summary>
    public string UrlFor(string route, string? userName) => UrlFor(route, userName, ReportId, ReportAttachmentId, ReportDocumentId);

    /// <summary>A URL for a report-scoped <paramref name="route"/> that names report D of the Dinkes (its attachment, its receipt).</summary>
    public string OtherOpdUrlFor(string route) =>
        UrlFor(route, null, OtherOpdReportId, OtherOpdAttachmentId, OtherOpdDocumentId);

    private string UrlFor(string route, string? userName, int reportId, int attachmentId, int documentId)
    {
        var url = route;
        foreach (var parameter in Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(route).Parameters)
        {
            var value = (parameter.Name, route) switch
            {
                ("id", _) when route.StartsWith("/laporan/", StringComparison.Ordinal) => Id(reportId),
                ("documentId", _) => Id(documentId),
                ("step", _) => nameof(WorkflowAction.StartDiagnosis),
                ("id", _) when route.StartsWith("/lampiran/", StringComparison.Ordinal) => Id(attachmentId),
                ("id", _) when route.StartsWith("/pengaduan/kelola/", StringComparison.Ordinal) => Id(ComplaintId),
                ("id", _) when route.StartsWith("/buku-tamu/", StringComparison.Ordinal) => Id(GuestBookEntryId),
                ("id", _) when route.StartsWith("/email-masuk/", StringComparison.Ordinal) => Id(reportId),
                ("id", _) when route.StartsWith("/notifikasi/", StringComparison.Ordinal) =>
                    NotificationOf[userName ?? "admin"].ToString(CultureInfo.InvariantCulture),
                ("id", _) when route.StartsWith("/plh/", StringComparison.Ordinal) =>
                    Id(AppointmentOf.GetValueOrDefault(userName ?? "", AppointmentOf["kadis"])),
                ("id", _) when route.StartsWith("/admin/pengguna/", StringComparison.Ordinal) => AdminTargetUserId,
                ("id", _) when route.StartsWith("/admin/opd/", StringComparison.Ordinal) => Id(AdminTargetOpdId),
                ("id", _) when route.StartsWith("/admin/pemantauan/", StringComparison.Ordinal) => Id(MonitoringSourceId),
                ("id", _) when route.StartsWith("/admin/unit/", StringComparison.Ordinal) => Id(AdminTargetUnitId),
                ("id", _) when route.StartsWith("/perangkat/stok/", StringComparison.Ordinal) => Id(StockItemId),
                ("id", _) when route.StartsWith("/perangkat/", StringComparison.Ordinal) => Id(DeviceId),
                ("reportId", _) => Id(reportId),
                ("kode", _) => VerificationCode,
                ("id", _) when route.StartsWith("/api/v1/reports/", StringComparison.Ordinal) => Id(reportId),
                ("id", _) when route.StartsWith("/api/v1/devices/", StringComparison.Ordinal) => Id(DeviceId),
                ("number", _) when route.StartsWith("/api/v1/complaints/", StringComparison.Ordinal) => ComplaintNumber,
                ("id", _) when route.StartsWith("/admin/token-api/", StringComparison.Ordinal) => Id(RevocableTokenOf["admin"]),
                ("id", _) when route.StartsWith("/akun/token-api/", StringComparison.Ordinal) => Id(RevocableTokenOf.GetValueOrDefault(userName ?? "", RevocableTokenOf["admin"])),
                ("id", _) when route.StartsWith("/admin/webhook/", StringComparison.Ordinal) => Id(WebhookReceiverId),
                ("code", _) => "404",
                _ => throw new InvalidOperationException(
                    $"No sample value for route parameter {{{parameter.Name}}} of {route}: add one to SecurityWorld.UrlFor."),
            };
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + parameter.Name + "(:[^}]*)?\\}", value,
                System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        return url;
    }

    /// <summary>
    /// The fields a POST to <paramref name="route"/> sends besides the antiforgery token: none, except where an
    /// empty form would be refused for a reason that looks like a refusal (the verification page answers 404 to an
    /// unknown code).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFor(string route) => route switch
    {
        "/verifikasi" => [new("kode", VerificationCode)],
        _ => [],
    };

    /// <summary>Every endpoint of the app's route table as (method, route template with a leading slash).</summary>
    public IReadOnlyList<(string Method, string Route)> RouteTable()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Item2, StringComparer.Ordinal).ThenBy(e => e.m, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A switch of an OPD, registered through the form.</summary>
    private async Task<int> RegisterDeviceAsync(WebSession admin, string opd, string serial)
    {
        var opdId = await Factory.OpdIdAsync(opd);
        using var response = await admin.PostFormAsync("/perangkat/baru", new Form().Set("OpdId", Id(opdId))
            .Set("Kind", "Switch").Set("BrandType", "Cisco SG350 (dunia uji keamanan)").Set("SerialNumber", serial)
            .Set("Status", "InService"));
        var target = await HttpAssert.RedirectsToAsync(response, "/perangkat/");
        return int.Parse(target["/perangkat/".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>A stock item (cables), added through the form.</summary>
    private async Task<int> AddStockItemAsync(WebSession admin)
    {
        using var response = await admin.PostFormAsync("/perangkat/stok/baru", new Form().Set("Name", "Kabel UTP (dunia uji keamanan)")
            .Set("Unit", "meter").Set("Quantity", "100").Set("ReorderLevel", "10"));
        await HttpAssert.RedirectsToAsync(response, "/perangkat/stok");
        return await Factory.QueryAsync(db => db.StockItems.Where(s => s.Name == "Kabel UTP (dunia uji keamanan)").Select(s => s.Id).SingleAsync());
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private async Task<int> UploadAsync(WebSession session, int reportId)
    {
        using var response = await session.SubmitMultipartAsync($"/laporan/{reportId}", $"/laporan/{reportId}/lampiran", [],
            new UploadFile("file", "foto.png", "image/png", Png));
        await HttpAssert.RedirectsToAsync(response, $"/laporan/{reportId}");
        return await Factory.QueryAsync(db => db.Attachments.Where(a => a.ReportId == reportId).Select(a => a.Id).SingleAsync());
    }

    private static async Task UploadLogoAsync(WebSession admin)
    {
        const string page = "/admin/dokumen";
        var html = await admin.GetPageAsync(page);
        string[] names = ["Government", "AgencyName", "Address", "Phone", "Email", "Website", "City",
            "DispositionSheetPattern", "ReplacementRequestBaPattern", "WorkBaPattern", "WorkReportPattern"];
        using var response = await admin.SubmitMultipartAsync(page, page,
            names.Select(n => new KeyValuePair<string, string>(n, WebPageHelpers.InputValue(html, n) ?? "")),
            new UploadFile("Logo", "lambang.png", "image/png", Core.Documents.DocumentSamples.Letterhead.Logo!.Value.ToArray()));
        await HttpAssert.RedirectsToAsync(response, page);
    }

    private Task<(int, string)> ReceiptAsync(int reportId) => Factory.QueryAsync(async db =>
    {
        var receipt = await db.IssuedDocuments.Where(d => d.ReportId == reportId).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.VerificationCode }).FirstAsync();
        return (receipt.Id, receipt.VerificationCode);
    });

    private async Task<int> ComplainAsync()
    {
        using var anonymous = WebSession.Create(Factory);
        var formToken = WebPageHelpers.InputValue(await anonymous.GetPageAsync("/pengaduan"), "FormToken")!;
        using var response = await anonymous.SubmitMultipartAsync("/pengaduan", "/pengaduan", new Form()
            .Set("Name", "Ahmad Yani").Set("Phone", "0813 7000 1122").Set("Channel", nameof(ReportChannel.Web))
            .Set("Text", "Teknisi belum datang (dunia uji keamanan).").Set("FormToken", formToken),
            new UploadFile("Attachment", "bukti.png", "image/png", Png));
        await HttpAssert.RedirectsToAsync(response, "/pengaduan/terkirim");
        var id = await Factory.QueryAsync(db => db.Complaints.Select(c => c.Id).SingleAsync());
        ComplaintAttachmentId = await Factory.QueryAsync(db => db.Attachments.Where(a => a.ComplaintId == id).Select(a => a.Id).SingleAsync());
        return id;
    }

    private async Task<int> WalkInAsync(WebSession petugas)
    {
        var opd = await Factory.OpdIdAsync("Disdukcapil");
        using var response = await petugas.PostFormAsync("/laporan/baru", Intake.IntakeHelpers.FrontDeskReport(opd, nameof(ReportChannel.WalkIn))
            .Set("GuestName", "Siti Aminah").Set("GuestIdentityType", "KtaAsn").Set("GuestIdentityNumber", "KTA-12345")
            .Set("GuestInstitution", "Disdukcapil").Set("GuestPurpose", "Melaporkan gangguan jaringan")
            .Set("GuestTimeIn", WorkflowDriver.NowWib(Factory.Clock)));
        await HttpAssert.RedirectsToAsync(response, "/laporan/");
        return await Factory.QueryAsync(db => db.GuestBookEntries.Select(g => g.Id).SingleAsync());
    }
}
