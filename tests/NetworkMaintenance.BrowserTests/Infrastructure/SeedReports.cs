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
        return report.Id;
    }

    /// <summary>Disposes, verifies and assigns the report to the demo technicians "teknisi" (lead) and "teknisi2", as the officials would.</summary>
    public static async Task AssignAsync(IServiceProvider services, int reportId)
    {
        await StepAsync(services, reportId, "kadis", async (reports, actor) =>
        {
            var kabid = await PersonAsync(services, reports, "kabid");
            return (r, now) => Task.FromResult(r.Dispose(actor, new Disposition(kabid, StandardInstruction.None, "Segera", null), now));
        });
        await StepAsync(services, reportId, "kabid", async (reports, actor) =>
        {
            var kasi = await PersonAsync(services, reports, "kasi");
            return (r, now) => Task.FromResult(r.Verify(actor, new Disposition(kasi, StandardInstruction.None, "Segera", null), now));
        });
        await StepAsync(services, reportId, "kasi", async (reports, actor) =>
        {
            var lead = await PersonAsync(services, reports, "teknisi");
            var member = await PersonAsync(services, reports, "teknisi2");
            return (r, now) => Task.FromResult(r.Assign(actor, new TechnicianAssignment([lead, member], lead.UserId, StandardInstruction.None, null), now));
        });
    }

    /// <summary>Assigns the report and lets "teknisi" find the fault in the Data Center: the report is then being repaired.</summary>
    public static async Task ToRepairingAsync(IServiceProvider services, int reportId)
    {
        await AssignAsync(services, reportId);
        await StepAsync(services, reportId, "teknisi", (_, actor) =>
            Task.FromResult<Func<Report, DateTime, Task<ReportEvent>>>((r, now) => Task.FromResult(r.StartDiagnosis(actor, null, now))));
        await StepAsync(services, reportId, "teknisi", (_, actor) =>
            Task.FromResult<Func<Report, DateTime, Task<ReportEvent>>>((r, now) => Task.FromResult(r.RecordDiagnosis(actor,
                new DiagnosisInput("Koneksi terputus", "Core switch Data Center", "Port uplink tidak menyala"), inDataCenterNetwork: true, now))));
    }

    private static async Task StepAsync(IServiceProvider services, int reportId, string userName,
        Func<ReportService, NetworkMaintenance.Core.Domain.Workflow.WorkflowActor, Task<Func<Report, DateTime, Task<ReportEvent>>>> step)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        var actor = await sp.GetRequiredService<ActorFactory>().ForUserAsync(user.Id)
            ?? throw new InvalidOperationException($"{userName} cannot act.");
        var reports = sp.GetRequiredService<ReportService>();
        var version = await sp.GetRequiredService<AppDbContext>().Reports.Where(r => r.Id == reportId).Select(r => r.Version).SingleAsync();
        var result = await reports.ApplyAsync(reportId, version, actor, await step(reports, actor));
        if (!result.Succeeded) throw new InvalidOperationException($"{userName}: {result.Message}");
    }

    private static async Task<PersonRef> PersonAsync(IServiceProvider services, ReportService reports, string userName)
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
