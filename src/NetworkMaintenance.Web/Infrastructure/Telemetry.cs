using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The app's own traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/> per background
/// service (the mail outbox, the SLA monitor), and a meter of the database's own figures (the SQLite writer's turn).
/// Requests, EF Core commands and outgoing HTTP calls are traced by the OpenTelemetry instrumentation packages
/// (<see cref="TelemetrySetup"/>).
/// </summary>
public static class AppTelemetry
{
    public const string MailName = "NetworkMaintenance.Mail";
    public const string SlaName = "NetworkMaintenance.Sla";
    public const string DatabaseName = "NetworkMaintenance.Database";

    /// <summary>The names registered with OpenTelemetry as activity sources.</summary>
    public static readonly string[] SourceNames = [MailName, SlaName];

    /// <summary>The names registered with OpenTelemetry as meters.</summary>
    public static readonly string[] MeterNames = [MailName, SlaName, DatabaseName];

    public static readonly ActivitySource MailSource = new(MailName);
    public static readonly ActivitySource SlaSource = new(SlaName);

    private static readonly Meter MailMeter = new(MailName);
    private static readonly Meter SlaMeter = new(SlaName);
    private static readonly Meter DatabaseMeter = new(DatabaseName);

    /// <summary>Passes of the outbox sender (Prometheus: <c>nm_mail_outbox_passes_total</c>).</summary>
    public static readonly Counter<long> MailPasses = MailMeter.CreateCounter<long>("nm.mail.outbox.passes", "{pass}", "Passes of the mail outbox sender");

    /// <summary>E-mails handed to the SMTP server, by outcome (<c>sent</c> or <c>failed</c>).</summary>
    public static readonly Counter<long> MailMessages = MailMeter.CreateCounter<long>("nm.mail.messages", "{message}", "E-mails the outbox tried to send, by outcome");

    /// <summary>Passes of the SLA monitor (Prometheus: <c>nm_sla_monitor_passes_total</c>).</summary>
    public static readonly Counter<long> SlaPasses = SlaMeter.CreateCounter<long>("nm.sla.monitor.passes", "{pass}", "Passes of the SLA monitor");

    /// <summary>Escalations recorded, by kind (<c>Warning</c>, <c>Breach</c>).</summary>
    public static readonly Counter<long> SlaEscalations = SlaMeter.CreateCounter<long>("nm.sla.escalations", "{escalation}", "SLA escalations recorded, by kind");

    /// <summary>
    /// SQLite: how long a write path waited for the writer's turn (<see cref="SqliteWriteGate"/>), in seconds
    /// (Prometheus: <c>nm_sqlite_writer_wait_seconds</c>).
    /// </summary>
    public static readonly Histogram<double> WriterWait = DatabaseMeter.CreateHistogram<double>("nm.sqlite.writer.wait", "s",
        "Time a write path waited for the SQLite writer's turn");

    /// <summary>
    /// SQLite: how long a write path held the writer's turn, in seconds; the sum over an interval divided by the interval
    /// is the share of time the one writer was busy (Prometheus: <c>nm_sqlite_writer_hold_seconds</c>).
    /// </summary>
    public static readonly Histogram<double> WriterHold = DatabaseMeter.CreateHistogram<double>("nm.sqlite.writer.hold", "s",
        "Time a write path held the SQLite writer's turn");
}

/// <summary>
/// The <c>Telemetry</c> section. Traces and metrics are collected only when an exporter that a setting turns on sends
/// them (the request log carries the trace id either way):
/// <list type="bullet">
/// <item><c>Telemetry:OtlpEndpoint</c>: an OTLP collector (gRPC, e.g. <c>http://collector:4317</c>) receiving traces
/// and metrics; unset (the default), nothing is sent.</item>
/// <item><c>Telemetry:Prometheus:Enabled</c>: a scrape endpoint at <c>/metrics</c> (off by default), answered only for
/// a client address in <c>Telemetry:Prometheus:AllowedNetworks</c> or a request with
/// <c>Authorization: Bearer {Telemetry:Prometheus:Token}</c>; anyone else gets 404, as when it is off.</item>
/// </list>
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public string? OtlpEndpoint { get; set; }

    public PrometheusOptions Prometheus { get; set; } = new();

    public sealed class PrometheusOptions
    {
        public bool Enabled { get; set; }

        /// <summary>Addresses or CIDR networks that may scrape (e.g. <c>127.0.0.1/32</c>, <c>10.0.0.0/24</c>).</summary>
        public List<string> AllowedNetworks { get; set; } = [];

        /// <summary>A bearer token a scraper may send instead (at least 32 characters).</summary>
        public string? Token { get; set; }
    }

    public const int MinimumTokenLength = 32;
}

public sealed class TelemetryOptionsValidator : SettingsValidator<TelemetryOptions>
{
    public override IEnumerable<string> Check(TelemetryOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var otlp) || otlp.Scheme is not ("http" or "https")))
            yield return $"Telemetry:OtlpEndpoint must be an absolute http or https URL (it is '{options.OtlpEndpoint}').";
        var prometheus = options.Prometheus;
        for (var i = 0; i < prometheus.AllowedNetworks.Count; i++)
        {
            if (!TryParseNetwork(prometheus.AllowedNetworks[i], out _))
                yield return $"Telemetry:Prometheus:AllowedNetworks:{i} must be an IP address or a CIDR network (it is '{prometheus.AllowedNetworks[i]}').";
        }
        if (!string.IsNullOrEmpty(prometheus.Token) && prometheus.Token.Length < TelemetryOptions.MinimumTokenLength)
            yield return $"Telemetry:Prometheus:Token must be at least {TelemetryOptions.MinimumTokenLength} characters long.";
        if (prometheus.Enabled && prometheus.AllowedNetworks.Count == 0 && string.IsNullOrEmpty(prometheus.Token))
            yield return "Telemetry:Prometheus:Enabled needs Telemetry:Prometheus:AllowedNetworks or Telemetry:Prometheus:Token: the metrics are never open to everyone.";
    }

    internal static bool TryParseNetwork(string value, out System.Net.IPNetwork network)
    {
        if (System.Net.IPAddress.TryParse(value, out var address))
        {
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return System.Net.IPNetwork.TryParse(value, out network);
    }
}

/// <summary>Registers OpenTelemetry (traces, metrics, exporters) and the guarded scrape endpoint.</summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static void AddAppTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Whether an exporter is added is decided when the services are built; its settings are validated at start.
        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(settings.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        // Nothing per request is collected that no exporter would send: with no collector and no scrape endpoint (the
        // default) a span per request and per EF Core command (its SQL text as a tag) and a histogram per request cost
        // 3 % and more of a filing's CPU for nothing (docs/performance.md, sixth session). The request log's trace id
        // does not need them: ASP.NET Core starts the request's Activity (continuing a caller's traceparent) whenever
        // logging is on. The background services' own sources are always listened to, so each pass's log lines carry
        // its trace id.
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("NetworkMaintenance"));
        telemetry.WithTracing(tracing =>
        {
            tracing.AddSource(AppTelemetry.SourceNames);
            if (otlp is null) return;
            tracing.AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = otlp);
        });
        if (otlp is null && !settings.Prometheus.Enabled) return;
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(AppTelemetry.MeterNames);
            if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            if (settings.Prometheus.Enabled) metrics.AddPrometheusExporter();
        });
    }

    /// <summary>
    /// <c>/metrics</c> for an allowed scraper when <c>Telemetry:Prometheus:Enabled</c>; otherwise the request goes on
    /// down the pipeline and finds nothing (404).
    /// </summary>
    public static void UseMetricsEndpoint(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        if (!settings.Enabled) return;
        var networks = settings.AllowedNetworks
            .Select(n => TelemetryOptionsValidator.TryParseNetwork(n, out var network) ? network : (System.Net.IPNetwork?)null)
            .OfType<System.Net.IPNetwork>().ToList();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && MayScrape(context, networks, settings.Token));
    }

    public static bool MayScrape(HttpContext context, IReadOnlyList<System.Net.IPNetwork> networks, string? token)
    {
        if (!HttpMethods.IsGet(context.Request.Method)) return false;
        var address = context.Connection.RemoteIpAddress;
        if (address is not null)
        {
            if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
            if (networks.Any(n => n.Contains(address))) return true;
        }
        if (string.IsNullOrEmpty(token)) return false;
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var given = System.Text.Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        var expected = System.Text.Encoding.UTF8.GetBytes(token);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
