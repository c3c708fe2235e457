using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkMaintenance.Web.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NetworkMaintenance.UnitTests.Operations;

/// <summary>
/// Work the app does not do for nothing (issue #18, sixth session): without an exporter no request, EF Core command or
/// outgoing call is traced and no request is measured, while the background services' passes still are (their log lines
/// carry a trace id); and the background renderer's CPU work runs on a thread the kernel schedules at nice 10.
/// </summary>
// The activity sources' listeners are process-wide: this class's providers are the only ones these tests start, one at a time.
[Collection(nameof(TelemetryAndLowPriority))]
public sealed class TelemetryAndLowPriority
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAppTelemetry(configuration);
        return services.BuildServiceProvider();
    }

    private static bool Listened(string source)
    {
        using var probe = new ActivitySource(source);
        return probe.HasListeners();
    }

    [Fact]
    public void WithoutAnExporterOnlyTheBackgroundPassesAreTraced()
    {
        using (var app = Build())
        {
            Assert.NotNull(app.GetService<TracerProvider>());
            Assert.True(Listened(AppTelemetry.MailName));
            Assert.True(Listened(AppTelemetry.SlaName));
            Assert.False(Listened("Microsoft.AspNetCore"));
            Assert.False(Listened("OpenTelemetry.Instrumentation.EntityFrameworkCore"));
            Assert.False(Listened("System.Net.Http"));
            Assert.Null(app.GetService<MeterProvider>());
        }

        // With a collector everything is traced and measured; with the scrape endpoint alone, measured only.
        using (var exported = Build(("Telemetry:OtlpEndpoint", "http://127.0.0.1:4317")))
        {
            Assert.NotNull(exported.GetService<TracerProvider>());
            Assert.True(Listened("Microsoft.AspNetCore"));
            Assert.True(Listened("OpenTelemetry.Instrumentation.EntityFrameworkCore"));
            Assert.NotNull(exported.GetService<MeterProvider>());
        }
        using (var scraped = Build(("Telemetry:Prometheus:Enabled", "true"), ("Telemetry:Prometheus:Token", new string('t', 40))))
        {
            Assert.NotNull(scraped.GetService<TracerProvider>());
            Assert.False(Listened("Microsoft.AspNetCore"));
            Assert.NotNull(scraped.GetService<MeterProvider>());
        }
    }

    [Fact]
    public async Task TheLowPriorityWorkerRunsItsWorkOnOneThreadAtNiceTen()
    {
        using var worker = new LowPriorityWorker(NullLogger<LowPriorityWorker>.Instance);
        var caller = Environment.CurrentManagedThreadId;
        var first = await worker.RunAsync(() => (Thread: Environment.CurrentManagedThreadId, Nice: OwnNiceness()));
        var second = await worker.RunAsync(() => Environment.CurrentManagedThreadId);

        Assert.NotEqual(caller, first.Thread);
        Assert.Equal(first.Thread, second);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(worker.Lowered);
            // The kernel's own view of the thread (field 19 of /proc/thread-self/stat), not the runtime's.
            Assert.Equal(LowPriorityWorker.Niceness, first.Nice);
        }

        // A failure comes back to the caller, and the thread goes on with the next piece of work.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => worker.RunAsync<int>(() => throw new InvalidOperationException("render failed")));
        Assert.Equal("render failed", failure.Message);
        Assert.Equal(42, await worker.RunAsync(() => 42));
    }

    /// <summary>The calling thread's niceness as the Linux kernel reports it; 0 elsewhere.</summary>
    private static int OwnNiceness()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var stat = File.ReadAllText("/proc/thread-self/stat");
        // The command name (field 2) may hold spaces: the fields after it start after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
