using System.Globalization;
using NetworkMaintenance.Web.Features.PersonalData;

namespace NetworkMaintenance.Web.Commands;

/// <summary>
/// <c>personal-data purge [--dry-run]</c>: erases the guest-book and complaint contact data whose retention period
/// (<see cref="PersonalDataOptions"/>) is over, and records the run in the audit log. Meant for a daily timer
/// (docs/operations.md); <c>--dry-run</c> only counts.
/// </summary>
internal static class PersonalDataCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "purge")
        {
            Console.Error.WriteLine("Usage: personal-data purge [--dry-run]");
            return 2;
        }
        var dryRun = args.Contains("--dry-run");
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().PurgeAsync(dryRun);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(dryRun ? "Would erase" : "Erased")}: {result.GuestBookEntries} guest-book entries (visits before {result.GuestBookCutoffUtc:yyyy-MM-dd} UTC), "
            + $"{result.Complaints} complaint contacts (answered complaints received before {result.ComplaintCutoffUtc:yyyy-MM-dd} UTC)."));
        return 0;
    }
}
