using Microsoft.AspNetCore.Http;
using NetworkMaintenance.Core.Domain.Quality;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

public sealed class StandardInput
{
    public Dictionary<string, string> Body { get; set; } = [];

    /// <summary>Keys of seeded components the administrator confirms as they are.</summary>
    public List<string> Confirm { get; set; } = [];

    public string? SkNumber { get; set; }
    public DateOnly? SkDate { get; set; }
}

public sealed record StandardEditModel(IReadOnlyList<ServiceStandardSection> Sections, ServiceCharter Charter,
    IReadOnlyList<ServiceStandardRevision> History);

public sealed class DeclarationInput
{
    public string? Text { get; set; }
    public DateOnly? Date { get; set; }
    public string? SignerName { get; set; }
    public string? SignerNip { get; set; }
    public string? SignerPosition { get; set; }
}

public sealed record DeclarationEditModel(DeclarationInput Input, bool HasDeclaration);

public sealed class AnalysisInput
{
    public string? Periode { get; set; }
    public string? Analysis { get; set; }
    public string? SuggestionGroups { get; set; }
}

public sealed class PlanInput
{
    public string? Periode { get; set; }
    public int? Element { get; set; }
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueDate { get; set; }
}

public sealed class CompleteInput
{
    public int? ActionId { get; set; }
    public string? Note { get; set; }
    public IFormFile? Evidence { get; set; }
}

public sealed record FollowUpPageModel(SurveyPeriod Period, IReadOnlyList<SurveyPeriod> Choices, PeriodFigures Figures,
    SkmPeriodReview? Review, DateOnly Today, bool MayEdit, bool MayPublish, bool HasEnded);

public sealed record PublicationListModel(IReadOnlyList<SkmPeriodReview> Published);

public sealed record PublicationModel(SkmPeriodReview Review, IkmResult Ikm, int MinimumSample, IReadOnlyList<int> Lowest, DateOnly Today);

/// <summary>One thing the PEKPPP evaluators ask for, where its evidence is, and whether it exists.</summary>
public sealed record EvidenceItem(string Requirement, string Evidence, IReadOnlyList<(string Label, string Url)> Links, bool Present);

public sealed record EvidenceModel(int Year, IReadOnlyList<int> Years, IReadOnlyList<EvidenceItem> Items, FollowUpShare Share);
