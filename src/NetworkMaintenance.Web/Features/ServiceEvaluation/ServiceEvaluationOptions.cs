using NetworkMaintenance.Core.Domain.Quality;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

/// <summary>Settings of the SKM follow-up and publication (section "ServiceEvaluation"; docs/service-evaluation.md).</summary>
public sealed class ServiceEvaluationOptions
{
    public const string Section = "ServiceEvaluation";

    /// <summary>How often the SKM is analysed, followed up and published: Quarter (triwulan, default) or Semester.</summary>
    public SurveyPeriodKind Period { get; set; } = SurveyPeriodKind.Quarter;

    /// <summary>The name of the service printed on the standard and the SKM report.</summary>
    public string ServiceName { get; set; } = "Pelayanan Maintenance Gangguan Jaringan";
}

/// <summary>Checked at start: an unknown period kind or an empty service name stops the app with the reason.</summary>
public sealed class ServiceEvaluationOptionsValidator : Infrastructure.SettingsValidator<ServiceEvaluationOptions>
{
    public override IEnumerable<string> Check(ServiceEvaluationOptions options)
    {
        if (!Enum.IsDefined(options.Period))
            yield return $"{ServiceEvaluationOptions.Section}:Period must be Quarter or Semester.";
        if (string.IsNullOrWhiteSpace(options.ServiceName) || options.ServiceName.Length > 200)
            yield return $"{ServiceEvaluationOptions.Section}:ServiceName must be 1 to 200 characters.";
    }
}
