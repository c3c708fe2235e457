using NetworkMaintenance.Web;
using NetworkMaintenance.Web.Commands;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateBootstrapLogger();

try
{
    var app = AppHost.Build(args);
    if (CommandLine.IsCommand(args))
    {
        return await CommandLine.RunAsync(app, args);
    }

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The application failed to start");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, visible to the test hosts.</summary>
public partial class Program;
