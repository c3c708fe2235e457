using NetworkMaintenance.Web.Features.Attachments;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Features.EmailIntake;
using NetworkMaintenance.Web.Features.PersonalData;
using NetworkMaintenance.Web.Features.Mail;
using NetworkMaintenance.Web.Features.Sla;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.UnitTests.Validators;

/// <summary>The start-up checks of the settings (Infrastructure/Settings.cs): defaults pass, each bad value is named.</summary>
public sealed class SettingsValidatorRules
{
    [Fact]
    public void TheDefaultsPass()
    {
        Assert.Empty(new UploadOptionsValidator().Check(new UploadOptions()));
        Assert.Empty(new RateLimitOptionsValidator().Check(new RateLimitOptions()));
        Assert.Empty(new SmtpOptionsValidator().Check(new SmtpOptions()));
        Assert.Empty(new SlaMonitorOptionsValidator().Check(new SlaMonitorOptions()));
        Assert.Empty(new HealthOptionsValidator().Check(new HealthOptions()));
        Assert.Empty(new ProxyOptionsValidator().Check(new ProxyOptions()));
        Assert.Empty(new TelemetryOptionsValidator().Check(new TelemetryOptions()));
        Assert.Empty(new SecurityOptionsValidator().Check(new SecurityOptions()));
        Assert.Empty(new DatabaseOptionsValidator().Check(new DatabaseOptions()));
        Assert.Empty(new DocumentOptionsValidator().Check(new DocumentOptions()));
        Assert.Empty(new PersonalDataOptionsValidator().Check(new PersonalDataOptions()));
        Assert.Empty(new EmailIntakeOptionsValidator().Check(new EmailIntakeOptions()));
        Assert.Empty(new CacheOptionsValidator().Check(new CacheOptions()));
    }

    [Fact]
    public void Caches() =>
        Assert.Equal(["Caches:ReportPages must be 0 or more (it is -1).",
                "Caches:RenderedFragmentsMegabytes must be a positive whole number (it is 0).",
                "Caches:SharedEntries must be at least 100 (it is 10).",
                "Caches:DocumentImages must be a positive whole number (it is 0).",
                "Caches:DashboardWarmUpRounds must be between 1 and 1000 (it is 0)."],
            new CacheOptionsValidator().Check(new CacheOptions
            {
                ReportPages = -1, RenderedFragmentsMegabytes = 0, SharedEntries = 10, DocumentImages = 0, DashboardWarmUpRounds = 0,
            }));

    [Fact]
    public void EmailIntake()
    {
        var validator = new EmailIntakeOptionsValidator();
        // Off (the default): only the numbers are checked.
        Assert.Equal(["EmailIntake:Port must be between 1 and 65535 (it is 0).", "EmailIntake:PollSeconds must be between 5 and 86400 (it is 1)."],
            validator.Check(new EmailIntakeOptions { Port = 0, PollSeconds = 1 }));
        Assert.Equal(["EmailIntake:Host must be set when EmailIntake:Enabled is true.", "EmailIntake:Username must be set when EmailIntake:Enabled is true.",
                "EmailIntake:Password must be set when EmailIntake:Enabled is true."],
            validator.Check(new EmailIntakeOptions { Enabled = true }));
        var usable = new EmailIntakeOptions { Enabled = true, Host = "imap.tebingtinggikota.go.id", Username = "layanan", Password = "x" };
        Assert.Empty(validator.Check(usable));
        usable.ProcessedFolder = "inbox";
        Assert.Equal(["EmailIntake:Folder, EmailIntake:ProcessedFolder and EmailIntake:UnknownFolder must be three different folders."],
            validator.Check(usable));
        Assert.Equal(["EmailIntake:MaxAttachmentBytes must be a positive whole number (it is 0)."],
            validator.Check(new EmailIntakeOptions { MaxAttachmentBytes = 0 }));
    }

    [Fact]
    public void Database()
    {
        var validator = new DatabaseOptionsValidator();
        Assert.Equal(["Database:BusyTimeoutMilliseconds must be zero or more (it is -1).", "Database:CommandTimeoutSeconds must be a positive whole number (it is 0)."],
            validator.Check(new DatabaseOptions { BusyTimeoutMilliseconds = -1, CommandTimeoutSeconds = 0 }));
        Assert.Equal(["Database:DataDirectory must name a folder."], validator.Check(new DatabaseOptions { DataDirectory = " " }));
        Assert.Equal(["Database:SqliteCacheKiB must be at least 64 (it is 16)."], validator.Check(new DatabaseOptions { SqliteCacheKiB = 16 }));
        Assert.Empty(validator.Check(new DatabaseOptions()));
    }

    [Fact]
    public void DocumentsPublicAddress()
    {
        var validator = new DocumentOptionsValidator();
        Assert.Empty(validator.Check(new DocumentOptions { PublicBaseUrl = "https://gangguan.tebingtinggikota.go.id/" }));
        Assert.Equal(["Documents:PublicBaseUrl must be an absolute http or https URL (it is 'gangguan.tebingtinggikota.go.id')."],
            validator.Check(new DocumentOptions { PublicBaseUrl = "gangguan.tebingtinggikota.go.id" }));
    }

    [Fact]
    public void PersonalDataRetention() =>
        Assert.Equal(["PersonalData:GuestBookRetentionDays must be a positive whole number (it is 0)."],
            new PersonalDataOptionsValidator().Check(new PersonalDataOptions { GuestBookRetentionDays = 0 }));

    [Fact]
    public void Uploads()
    {
        var validator = new UploadOptionsValidator();
        Assert.Equal(["Uploads:MaxBytes must be a positive whole number (it is -1)."], validator.Check(new UploadOptions { MaxBytes = -1 }));
        Assert.Equal(["Uploads:AnonymousDailyBytesTotal must be a positive whole number (it is 0)."],
            validator.Check(new UploadOptions { AnonymousDailyBytesTotal = 0 }));
        Assert.Equal(["Uploads:MinFreeBytes must be zero or more (it is -1)."], validator.Check(new UploadOptions { MinFreeBytes = -1 }));
        Assert.Equal(["Uploads:AnonymousMaxBytes (20) must not exceed Uploads:MaxBytes (10)."],
            validator.Check(new UploadOptions { MaxBytes = 10, AnonymousMaxBytes = 20 }));
        Assert.Single(validator.Check(new UploadOptions { MaxBytes = long.MaxValue - 1 }));
    }

    [Theory]
    [InlineData(0, 10, 5, 60, "RateLimiting:PublicPermitLimit")]
    [InlineData(10, -1, 5, 60, "RateLimiting:LoginPermitLimitPerIp")]
    [InlineData(10, 10, 0, 60, "RateLimiting:LoginPermitLimitPerUser")]
    [InlineData(10, 10, 5, 0, "RateLimiting:VerificationPermitLimit")]
    public void RateLimits(int publicLimit, int perIp, int perUser, int lookups, string setting)
    {
        var failure = Assert.Single(new RateLimitOptionsValidator().Check(new RateLimitOptions
        {
            PublicPermitLimit = publicLimit, LoginPermitLimitPerIp = perIp, LoginPermitLimitPerUser = perUser, VerificationPermitLimit = lookups,
        }));
        Assert.StartsWith(setting + " must be a positive whole number", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp()
    {
        var validator = new SmtpOptionsValidator();
        Assert.Equal(["Smtp:Port must be between 1 and 65535 (it is 0)."], validator.Check(new SmtpOptions { Port = 0 }));
        Assert.Equal(["Smtp:PollSeconds must be between 1 and 86400 (it is 0)."], validator.Check(new SmtpOptions { PollSeconds = 0 }));
        // The sender address and the credentials matter only once mail is on.
        Assert.Empty(validator.Check(new SmtpOptions { From = "nobody", UserName = "u" }));
        Assert.Equal(["Smtp:From must be an e-mail address (it is 'nobody').", "Smtp:Password must be set when Smtp:UserName is."],
            validator.Check(new SmtpOptions { Host = "mail.example.org", From = "nobody", UserName = "u" }));
        Assert.Empty(validator.Check(new SmtpOptions { Host = "mail.example.org", UserName = "u", Password = "p" }));
    }

    [Theory]
    [InlineData(0.5, false)]
    [InlineData(1, true)]
    [InlineData(86_400, true)]
    [InlineData(86_401, false)]
    [InlineData(double.NaN, false)]
    public void SlaMonitorInterval(double seconds, bool valid)
    {
        var failures = new SlaMonitorOptionsValidator().Check(new SlaMonitorOptions { MonitorIntervalSeconds = seconds }).ToList();
        if (valid) Assert.Empty(failures);
        else Assert.StartsWith("Sla:MonitorIntervalSeconds must be between 1 and 86400", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Health() =>
        Assert.Equal(["Health:MinimumFreeDiskMegabytes must be zero or more (it is -1)."],
            new HealthOptionsValidator().Check(new HealthOptions { MinimumFreeDiskMegabytes = -1 }));

    [Fact]
    public void Proxies()
    {
        var validator = new ProxyOptionsValidator();
        Assert.Empty(validator.Check(new ProxyOptions { KnownProxies = ["10.0.0.5", "::1"], KnownNetworks = ["10.0.0.0/24"] }));
        Assert.Equal(["ForwardedHeaders:KnownProxies:1 must be an IP address (it is 'proxy').",
                "ForwardedHeaders:KnownNetworks:0 must be a network in CIDR notation, e.g. 10.0.0.0/24 (it is '10.0.0.0/33')."],
            validator.Check(new ProxyOptions { KnownProxies = ["10.0.0.5", "proxy"], KnownNetworks = ["10.0.0.0/33"] }));
    }

    [Fact]
    public void Telemetry()
    {
        var validator = new TelemetryOptionsValidator();
        var token = new string('t', TelemetryOptions.MinimumTokenLength);
        Assert.Empty(validator.Check(new TelemetryOptions { OtlpEndpoint = "http://collector:4317" }));
        Assert.Equal(["Telemetry:OtlpEndpoint must be an absolute http or https URL (it is 'collector:4317')."],
            validator.Check(new TelemetryOptions { OtlpEndpoint = "collector:4317" }));
        // Prometheus on: never open to everyone.
        Assert.StartsWith("Telemetry:Prometheus:Enabled needs", Assert.Single(validator.Check(new TelemetryOptions { Prometheus = { Enabled = true } })), StringComparison.Ordinal);
        Assert.Empty(validator.Check(new TelemetryOptions { Prometheus = { Enabled = true, Token = token } }));
        Assert.Empty(validator.Check(new TelemetryOptions { Prometheus = { Enabled = true, AllowedNetworks = ["127.0.0.1", "10.0.0.0/24"] } }));
        Assert.Equal([$"Telemetry:Prometheus:Token must be at least {TelemetryOptions.MinimumTokenLength} characters long."],
            validator.Check(new TelemetryOptions { Prometheus = { Enabled = true, Token = "short" } }));
        Assert.Equal(["Telemetry:Prometheus:AllowedNetworks:0 must be an IP address or a CIDR network (it is 'localhost')."],
            validator.Check(new TelemetryOptions { Prometheus = { Enabled = true, AllowedNetworks = ["localhost"] } }));
    }

    [Fact]
    public void TheScrapeEndpointAnswersAnAllowedAddressOrTheToken()
    {
        var token = new string('t', TelemetryOptions.MinimumTokenLength);
        List<System.Net.IPNetwork> networks = [System.Net.IPNetwork.Parse("10.0.0.0/24")];
        Microsoft.AspNetCore.Http.DefaultHttpContext Request(string ip, string? authorization = null, string method = "GET")
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            context.Request.Method = method;
            context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(ip);
            if (authorization is not null) context.Request.Headers.Authorization = authorization;
            return context;
        }
        Assert.True(TelemetrySetup.MayScrape(Request("10.0.0.7"), networks, token));
        Assert.True(TelemetrySetup.MayScrape(Request("::ffff:10.0.0.7"), networks, token));
        Assert.False(TelemetrySetup.MayScrape(Request("10.0.1.7"), networks, token));
        Assert.True(TelemetrySetup.MayScrape(Request("10.0.1.7", "Bearer " + token), networks, token));
        Assert.False(TelemetrySetup.MayScrape(Request("10.0.1.7", "Bearer " + token + "x"), networks, token));
        Assert.False(TelemetrySetup.MayScrape(Request("10.0.1.7", "Bearer " + token), networks, token: null));
        Assert.False(TelemetrySetup.MayScrape(Request("10.0.0.7", method: "POST"), networks, token));
    }
}
