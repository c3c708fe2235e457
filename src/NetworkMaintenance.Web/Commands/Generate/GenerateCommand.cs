using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;

namespace NetworkMaintenance.Web.Commands.Generate;

/// <summary>
/// <c>database generate --reports N [--seed S] [--force] [--allow-production] [--sample-pdfs K]</c>: fills the SQLite
/// database with N generated reports for load tests (see docs/performance.md). Refuses a database that already holds
/// reports unless <c>--force</c>, and the Production environment unless <c>--allow-production</c>. Generated staff
/// accounts (<c>uji.kadis</c>, <c>uji.kabid1</c>, …) get the password in <c>NM_GENERATE_PASSWORD</c>, or none (they
/// cannot sign in) when it is unset.
/// </summary>
internal static class GenerateCommand
{
    public const string Usage =
        "Usage: database generate --reports N [--seed S] [--force] [--allow-production] [--sample-pdfs K]";

    public const string PasswordVariable = "NM_GENERATE_PASSWORD";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!int.TryParse(CommandLine.Option(args, "--reports"), NumberStyles.None, CultureInfo.InvariantCulture, out var reports)
            || reports is < 1 or > 5_000_000)
        {
            await Console.Error.WriteLineAsync(Usage);
            await Console.Error.WriteLineAsync("--reports must be a whole number from 1 to 5000000.");
            return 2;
        }
        var seed = 42;
        if (CommandLine.Option(args, "--seed") is { } seedText
            && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            await Console.Error.WriteLineAsync("--seed must be a whole number.");
            return 2;
        }
        var samplePdfs = 50;
        if (CommandLine.Option(args, "--sample-pdfs") is { } sampleText
            && !int.TryParse(sampleText, NumberStyles.None, CultureInfo.InvariantCulture, out samplePdfs))
        {
            await Console.Error.WriteLineAsync("--sample-pdfs must be a whole number.");
            return 2;
        }

        if (app.Environment.IsProduction() && !args.Contains("--allow-production"))
        {
            await Console.Error.WriteLineAsync(
                "Refusing to generate test data in the Production environment. Use a copy of the database, or add " +
                "--allow-production if this installation is a load-test machine.");
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            await Console.Error.WriteLineAsync("The generator writes to the embedded SQLite database only.");
            return 2;
        }
        var existing = await db.Reports.CountAsync();
        if (existing > 0 && !args.Contains("--force"))
        {
            await Console.Error.WriteLineAsync(
                $"The database already holds {existing} reports. Refusing to add generated data to it; add --force to " +
                "append anyway (numbers continue from the existing counters).");
            return 1;
        }

        var options = new GeneratorOptions(reports, seed, samplePdfs, Environment.GetEnvironmentVariable(PasswordVariable));
        var generator = ActivatorUtilities.CreateInstance<BulkDataGenerator>(scope.ServiceProvider);
        var result = await generator.GenerateAsync(options);
        Console.WriteLine(result.Summary());
        return 0;
    }
}
