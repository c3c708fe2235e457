using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The checks of <c>/health/ready</c> besides the database: free disk space above a floor where the app writes
/// (the data folder with its logs and, with the folder file store, the files), and a file store that takes a new file.
/// <c>/health/live</c> runs none of them: it answers as long as the process serves requests.
/// </summary>
public static class ReadinessChecks
{
    public const string Tag = "ready";

    public static IHealthChecksBuilder AddReadinessChecks(this IHealthChecksBuilder builder)
    {
        builder.Services.AddTransient<FreeDiskCheck>();
        builder.Services.AddTransient<FileStoreCheck>();
        return builder
            .AddCheck<FreeDiskCheck>("disk", tags: [Tag])
            .AddCheck<FileStoreCheck>("files", tags: [Tag]);
    }

    /// <summary>Free space above <see cref="HealthOptions.MinimumFreeDiskMegabytes"/> (setting <c>Health:MinimumFreeDiskMegabytes</c>).</summary>
    public sealed class FreeDiskCheck(Microsoft.Extensions.Options.IOptions<HealthOptions> options, AppPaths paths) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var floor = options.Value.MinimumFreeDiskMegabytes * 1024 * 1024;
            var folders = new List<string> { paths.DataDirectory };
            if (paths.FileStoreKind == FileStoreKind.Folder) folders.Add(paths.FileStoreFolder);
            foreach (var folder in folders)
            {
                var existing = folder;
                while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent) existing = parent;
                var free = new DriveInfo(existing).AvailableFreeSpace;
                if (free < floor)
                    return Task.FromResult(HealthCheckResult.Unhealthy($"{free / (1024 * 1024)} MB free under {folder}, below the floor"));
            }
            return Task.FromResult(HealthCheckResult.Healthy());
        }
    }

    public sealed class FileStoreCheck(IFileStore files) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await files.CheckWritableAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || DatabaseFailure.IsUnavailable(ex))
            {
                return HealthCheckResult.Unhealthy($"The {files.Kind} file store cannot take a file", ex);
            }
        }
    }
}
