using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Operations;

/// <summary>
/// A wrong setting stops the start (exit code 1) with a message naming it (Infrastructure/Settings.cs), instead of
/// surfacing on the first request that needs it. The app runs as its own process, as in production.
/// </summary>
public sealed class SettingsCheckedAtStart
{
    [Theory]
    [InlineData("Uploads:MaxBytes", "-1", "Uploads:MaxBytes must be a positive whole number (it is -1).")]
    [InlineData("RateLimiting:PublicPermitLimit", "0", "RateLimiting:PublicPermitLimit must be a positive whole number (it is 0).")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port must be between 1 and 65535 (it is 70000).")]
    [InlineData("Sla:MonitorIntervalSeconds", "0", "Sla:MonitorIntervalSeconds must be between 1 and 86400 (it is 0).")]
    [InlineData("Health:MinimumFreeDiskMegabytes", "-5", "Health:MinimumFreeDiskMegabytes must be zero or more (it is -5).")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.local", "ForwardedHeaders:KnownProxies:0 must be an IP address (it is 'proxy.local').")]
    [InlineData("Telemetry:Prometheus:Enabled", "true", "Telemetry:Prometheus:Enabled needs Telemetry:Prometheus:AllowedNetworks or Telemetry:Prometheus:Token")]
    [InlineData("Security:RequireHttps", "perhaps", "Security:RequireHttps")]
    [InlineData("EmailIntake:Enabled", "true", "EmailIntake:Host must be set when EmailIntake:Enabled is true.")]
    public async Task TheAppExitsWithCode1AndNamesTheSetting(string setting, string value, string message)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nm-it-settings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(folder, (setting, value)));
            Assert.Contains("exited with code 1", error.Message, StringComparison.Ordinal);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
            // Refused before the database was created.
            Assert.False(File.Exists(Path.Combine(folder, "networkmaintenance.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
