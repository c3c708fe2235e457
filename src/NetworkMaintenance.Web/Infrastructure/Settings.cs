using Microsoft.Extensions.Options;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// Every setting the app reads after start-up lives in an options class bound from its configuration section and
/// checked when the host starts (<c>ValidateOnStart</c>): a wrong value stops the start with a message naming the
/// setting, instead of surfacing on the first request that needs it. Services take <c>IOptions&lt;T&gt;</c>, never
/// <see cref="IConfiguration"/> (docs/operations.md, "Settings").
/// </summary>
public static class Settings
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> and checks it with <typeparamref name="TValidator"/> at start.</summary>
    public static OptionsBuilder<T> AddValidatedSettings<T, TValidator>(this IServiceCollection services,
        IConfiguration configuration, string section)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.AddSingleton<IValidateOptions<T>, TValidator>();
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>Registers the settings of the infrastructure (features register theirs in <c>FeatureServices</c>).</summary>
    public static void AddInfrastructureSettings(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.AddValidatedSettings<SecurityOptions, SecurityOptionsValidator>(configuration, SecurityOptions.Section)
            // HTTPS is required outside Development unless Security:RequireHttps says otherwise.
            .PostConfigure(o => o.RequireHttps ??= !environment.IsDevelopment());
        services.AddValidatedSettings<ProxyOptions, ProxyOptionsValidator>(configuration, ProxyOptions.Section);
        services.AddValidatedSettings<RateLimitOptions, RateLimitOptionsValidator>(configuration, RateLimitOptions.Section);
        services.AddValidatedSettings<HealthOptions, HealthOptionsValidator>(configuration, HealthOptions.Section);
        services.AddValidatedSettings<TelemetryOptions, TelemetryOptionsValidator>(configuration, TelemetryOptions.Section);
        services.AddValidatedSettings<CacheOptions, CacheOptionsValidator>(configuration, CacheOptions.Section);
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateOnStart();
        services.AddOptions<BootstrapAdministratorOptions>()
            .Bind(configuration.GetSection(BootstrapAdministratorOptions.Section)).ValidateOnStart();
    }
}

/// <summary>
/// A check of one options class: each failure is a sentence naming the setting (<c>Section:Key</c>) and what it
/// must be, so that the start-up error says what to fix.
/// </summary>
public abstract class SettingsValidator<T> : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = Check(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The failures, none when the settings are usable.</summary>
    public abstract IEnumerable<string> Check(T options);

    protected static string Positive(string setting, long value) =>
        $"{setting} must be a positive whole number (it is {value}).";
}

/// <summary>The <c>Health</c> section: readiness thresholds (<see cref="ReadinessChecks"/>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Below this much free space (MB) where the app writes, the instance is not ready.</summary>
    public long MinimumFreeDiskMegabytes { get; set; } = 512;
}

public sealed class HealthOptionsValidator : SettingsValidator<HealthOptions>
{
    public override IEnumerable<string> Check(HealthOptions options)
    {
        if (options.MinimumFreeDiskMegabytes < 0)
            yield return $"Health:MinimumFreeDiskMegabytes must be zero or more (it is {options.MinimumFreeDiskMegabytes}).";
    }
}

/// <summary>The <c>Demo</c> section: the demo accounts (never in Production).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public bool Enabled { get; set; }
}

/// <summary>The <c>Bootstrap:Administrator</c> section: the first administrator of an empty database.</summary>
public sealed class BootstrapAdministratorOptions
{
    public const string Section = "Bootstrap:Administrator";
    public string? UserName { get; set; }
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// Where this instance keeps what it writes, decided once at start from the <c>Database</c> and <c>Files</c> sections
/// (<see cref="DatabaseSetup.DataDirectory"/>, <see cref="FileStoreOptions"/>).
/// </summary>
public sealed record AppPaths(string DataDirectory, FileStoreKind FileStoreKind, string FileStoreFolder)
{
    /// <summary>The folder whose disk takes the files: the store's folder, or the data folder with the database store.</summary>
    public string FilesDiskDirectory => FileStoreKind == FileStoreKind.Folder ? FileStoreFolder : DataDirectory;
}
