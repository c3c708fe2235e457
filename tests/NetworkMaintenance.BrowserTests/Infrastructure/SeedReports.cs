using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.BrowserTests.Infrastructure;

/// <summary>Files reports through the app's own <see cref="ReportService"/>, as the web form would, for tests that need rows.</summary>
public static class SeedReports
{
    /// <summary>Files a report for the demo reporter <paramref name="reporterUserName"/>'s OPD; returns its id.</summary>
    public static async Task<int> FileAsync(IServiceProvider services, string reporterUserName, string location, string description)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(reporterUserName)
            ?? throw new InvalidOperationException($"No user {reporterUserName}.");
        var actor = await sp.GetRequiredService<ActorFactory>().ForUserAsync(user.Id)
            ?? throw new InvalidOperationException($"{reporterUserName} cannot act.");
        var clock = sp.GetRequiredService<TimeProvider>();
        var report = await sp.GetRequiredService<ReportService>().ReceiveAsync(new NewReport(
            user.OpdId ?? throw new InvalidOperationException($"{reporterUserName} has no OPD."), user.Id, user.FullName, user.Nip,
            user.Position, NetworkMaintenance.Core.Formatting.PhoneNumber.NormalizeOrNull("0812 6000 0100"), null, ReportChannel.Web, clock.GetUtcNow().UtcDateTime, location,
            FaultCategory.NoInternet, description), actor);
        await DocumentsRenderedAsync(services);
        return report.Id;
    }

    /// <summary>Disposes, verifies and assigns the report to the demo technicians "teknisi" (lead) and "teknisi2", as the officials would.</summary>
    public static async Task AssignAsync(IServiceProvider services, int reportId)
    {
        await StepAsync(services, reportId, "kadis", async (reports, actor) =>
        {
            var kabid = await PersonAsync(services, reports, "kabid");
            return (r, now) => r.Dispose(actor, new Disposition(kabid, StandardInstruction.None, "Segera", null), now);
        });
        await StepAsync(services, reportId, "kabid", async (reports, actor) =>
        {
            var kasi = await PersonAsync(services, reports, "kasi");
            return (r, now) => r.Verify(actor, new Disposition(kasi, StandardInstruction.None, "Segera", null), now);
        });
        await StepAsync(services, reportId, "kasi", async (reports, actor) =>
        {
            var lead = await PersonAsync(services, reports, "teknisi");
            var member = await PersonAsync(services, reports, "teknisi2");
            return (r, now) => r.Assign(actor, new TechnicianAssignment([lead, member], lead.UserId, StandardInstruction.None, null), now);
        });
    }

    /// <summary>Assigns the report and lets "teknisi" find the fault in the Data Center: the report is then being repaired.</summary>
    public static async Task ToRepairingAsync(IServiceProvider services, int reportId)
    {
        await AssignAsync(services, reportId);
        await StepAsync(services, reportId, "teknisi", (_, actor) =>
            Task.FromResult<Func<Report, DateTime, ReportEvent>>((r, now) => r.StartDiagnosis(actor, null, now)));
        await StepAsync(services, reportId, "teknisi", (_, actor) =>
            Task.FromResult<Func<Report, DateTime, ReportEvent>>((r, now) => r.RecordDiagnosis(actor,
                new DiagnosisInput("Koneksi terputus", "Core switch Data Center", "Port uplink tidak menyala"), inDataCenterNetwork: true, now)));
    }

    /// <summary>Takes the report to repairing and lets "teknisi" complete the work: the work Berita Acara is issued.</summary>
    public static async Task CompleteWorkAsync(IServiceProvider services, int reportId)
    {
        await ToRepairingAsync(services, reportId);
        await StepAsync(services, reportId, "teknisi", (_, actor) =>
            Task.FromResult<Func<Report, DateTime, ReportEvent>>((r, now) => r.CompleteWork(actor,
                new WorkReportInput("Mengganti kabel patch uplink dan menguji koneksi.", "Kabel patch rusak", [], []), now)));
    }

    public static async Task StepAsync(IServiceProvider services, int reportId, string userName,
        Func<StaffDirectory, NetworkMaintenance.Core.Domain.Workflow.WorkflowActor, Task<Func<Report, DateTime, ReportEvent>>> step)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        var actor = await sp.GetRequiredService<ActorFactory>().ForUserAsync(user.Id)
            ?? throw new InvalidOperationException($"{userName} cannot act.");
        var version = await sp.GetRequiredService<AppDbContext>().Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync();
        var result = await sp.GetRequiredService<StepService>().ApplyAsync(reportId, version, actor,
            await step(sp.GetRequiredService<StaffDirectory>(), actor));
        if (result is not StepOutcome.Done) throw new InvalidOperationException($"{userName}: {result}");
        await DocumentsRenderedAsync(services);
    }

    /// <summary>
    /// The app renders issued documents in the background after the issuing request answered (PendingDocuments):
    /// seeding finishes that work, as the renderer would a moment later, so a test reads the stored files as issued.
    /// </summary>
    private static Task DocumentsRenderedAsync(IServiceProvider services) =>
        services.GetRequiredService<NetworkMaintenance.Web.Features.Documents.PendingDocuments>().RenderAllAsync(TimeSpan.FromSeconds(60));

    private static async Task<PersonRef> PersonAsync(IServiceProvider services, StaffDirectory reports, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        return await reports.PersonAsync(user.Id) ?? throw new InvalidOperationException($"No person {userName}.");
    }

    /// <summary>How many reports the app holds whose description contains <paramref name="text"/>.</summary>
    public static async Task<int> CountAsync(IServiceProvider services, string text)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Reports.CountAsync(r => r.Description.Contains(text));
    }
}
