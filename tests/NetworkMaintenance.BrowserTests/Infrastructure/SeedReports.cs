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
            user.Position, "0812 6000 0100", null, ReportChannel.Web, clock.GetUtcNow().UtcDateTime, location,
            FaultCategory.NoInternet, description), actor);
        return report.Id;
    }

    /// <summary>How many reports the app holds.</summary>
    public static async Task<int> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Reports.CountAsync();
    }
}
