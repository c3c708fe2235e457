namespace NetworkMaintenance.Core.Domain.Quality;

/// <summary>
/// The follow-up of one SKM period (PermenPANRB 14/2017, "tindak lanjut hasil SKM"): the Kepala Seksi or Kepala Bidang
/// records the analysis (the lowest elements are computed, the suggestions are grouped by them), plans
/// <see cref="SkmFollowUpAction"/>s, and the results are published with the figures frozen at publication.
/// </summary>
public class SkmPeriodReview
{
    public const int MaxTextLength = 4000;

    private SkmPeriodReview() { }

    public SkmPeriodReview(SurveyPeriod period)
    {
        PeriodKey = period.Key;
        Year = period.Year;
    }

    public int Id { get; private set; }

    /// <summary>"2026-T3" (<see cref="SurveyPeriod.Key"/>); unique.</summary>
    public string PeriodKey { get; private set; } = "";

    public int Year { get; private set; }

    public string? Analysis { get; private set; }

    /// <summary>The period's suggestions grouped by theme, as the official wrote them (one group a line).</summary>
    public string? SuggestionGroups { get; private set; }

    public DateTime? AnalysedAtUtc { get; private set; }
    public string? AnalysedByName { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }
    public string? PublishedByName { get; private set; }

    /// <summary>Respondents at publication.</summary>
    public int PublishedRespondents { get; private set; }

    /// <summary>Service users of the period at publication (reports closed in it): the population of the sample table.</summary>
    public int PublishedPopulation { get; private set; }

    public long Sum1 { get; private set; }
    public long Sum2 { get; private set; }
    public long Sum3 { get; private set; }
    public long Sum4 { get; private set; }
    public long Sum5 { get; private set; }
    public long Sum6 { get; private set; }
    public long Sum7 { get; private set; }
    public long Sum8 { get; private set; }
    public long Sum9 { get; private set; }

    public List<SkmFollowUpAction> Actions { get; private set; } = [];

    public SurveyPeriod Period => SurveyPeriod.Parse(PeriodKey) ?? throw new InvalidOperationException($"Bad period key {PeriodKey}.");

    public bool IsPublished => PublishedAtUtc is not null;

    public bool IsAnalysed => AnalysedAtUtc is not null;

    public long[] PublishedSums => [Sum1, Sum2, Sum3, Sum4, Sum5, Sum6, Sum7, Sum8, Sum9];

    /// <summary>The published IKM, computed from the frozen sums exactly as <see cref="IkmCalculator"/> computes any IKM.</summary>
    public IkmResult? PublishedIkm => IsPublished ? IkmCalculator.FromSums(PublishedRespondents, PublishedSums) : null;

    public void RecordAnalysis(string analysis, string? suggestionGroups, string userName, DateTime nowUtc)
    {
        if (IsPublished) throw new DomainException("Hasil SKM periode ini sudah dipublikasikan; analisis tidak dapat diubah lagi.");
        if (string.IsNullOrWhiteSpace(analysis)) throw new DomainException("Uraian analisis wajib diisi.");
        if (analysis.Length > MaxTextLength || suggestionGroups?.Length > MaxTextLength)
            throw new DomainException($"Analisis dan pengelompokan saran masing-masing maksimal {MaxTextLength} karakter.");
        Analysis = analysis.Trim();
        SuggestionGroups = string.IsNullOrWhiteSpace(suggestionGroups) ? null : suggestionGroups.Trim();
        AnalysedAtUtc = nowUtc;
        AnalysedByName = userName;
    }

    public SkmFollowUpAction PlanAction(int? element, string description, string owner, DateOnly dueDate, string userName, DateTime nowUtc)
    {
        if (!IsAnalysed) throw new DomainException("Catat analisis hasil survei terlebih dahulu sebelum merencanakan tindak lanjut.");
        var action = new SkmFollowUpAction(element, description, owner, dueDate, userName, nowUtc);
        Actions.Add(action);
        return action;
    }

    /// <summary>
    /// Publishes the period's results with the figures of that moment. The period must have ended, be analysed, have
    /// surveys and at least one planned follow-up action.
    /// </summary>
    public void Publish(int respondents, IReadOnlyList<long> sums, int population, string userName, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(sums);
        if (IsPublished) throw new DomainException("Hasil SKM periode ini sudah dipublikasikan.");
        if (!Period.HasEndedAt(nowUtc)) throw new DomainException("Hasil SKM dapat dipublikasikan setelah periode berakhir.");
        if (!IsAnalysed) throw new DomainException("Catat analisis hasil survei sebelum publikasi.");
        if (Actions.Count == 0) throw new DomainException("Rencanakan sedikitnya satu tindak lanjut sebelum publikasi.");
        if (respondents == 0) throw new DomainException("Belum ada responden survei pada periode ini.");
        _ = IkmCalculator.FromSums(respondents, sums); // validates the sums
        PublishedRespondents = respondents;
        PublishedPopulation = population;
        (Sum1, Sum2, Sum3, Sum4, Sum5, Sum6, Sum7, Sum8, Sum9) = (sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8]);
        PublishedAtUtc = nowUtc;
        PublishedByName = userName;
    }
}

/// <summary>The state of a follow-up action on a given day.</summary>
public enum FollowUpState
{
    Planned = 0,
    Overdue = 1,
    Done = 2,
}

/// <summary>A planned follow-up action of an SKM period: what, for which element, who owns it, by when; then its completion with evidence.</summary>
public class SkmFollowUpAction
{
    public const int MaxTextLength = 2000;
    public const int MaxOwnerLength = 200;

    private SkmFollowUpAction() { }

    internal SkmFollowUpAction(int? element, string description, string owner, DateOnly dueDate, string userName, DateTime nowUtc)
    {
        if (element is < 1 or > SatisfactionSurvey.ElementCount) throw new DomainException("Unsur survei harus U1 sampai U9.");
        if (string.IsNullOrWhiteSpace(description)) throw new DomainException("Uraian tindak lanjut wajib diisi.");
        if (description.Length > MaxTextLength) throw new DomainException($"Uraian tindak lanjut maksimal {MaxTextLength} karakter.");
        if (string.IsNullOrWhiteSpace(owner)) throw new DomainException("Penanggung jawab wajib diisi.");
        if (owner.Length > MaxOwnerLength) throw new DomainException($"Penanggung jawab maksimal {MaxOwnerLength} karakter.");
        Element = element;
        Description = description.Trim();
        Owner = owner.Trim();
        DueDate = dueDate;
        PlannedByName = userName;
        PlannedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ReviewId { get; private set; }

    /// <summary>The survey element (1–9) the action answers, or null for a general action.</summary>
    public int? Element { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Penanggung jawab: a name and/or position.</summary>
    public string Owner { get; private set; } = "";

    public DateOnly DueDate { get; private set; }
    public string PlannedByName { get; private set; } = "";
    public DateTime PlannedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }
    public string? CompletedByName { get; private set; }
    public string? CompletionNote { get; private set; }

    /// <summary>The evidence file in the file store (generated name), its download name and type, or null.</summary>
    public string? EvidenceStoredName { get; private set; }
    public string? EvidenceFileName { get; private set; }
    public string? EvidenceContentType { get; private set; }

    public bool IsDone => CompletedAtUtc is not null;

    public FollowUpState StateOn(DateOnly today) =>
        IsDone ? FollowUpState.Done : today > DueDate ? FollowUpState.Overdue : FollowUpState.Planned;

    public static string Label(FollowUpState state) => state switch
    {
        FollowUpState.Done => "Selesai",
        FollowUpState.Overdue => "Lewat tenggat",
        _ => "Direncanakan",
    };

    public void Complete(string note, string? evidenceStoredName, string? evidenceFileName, string? evidenceContentType, string userName, DateTime nowUtc)
    {
        if (IsDone) throw new DomainException("Tindak lanjut ini sudah dicatat selesai.");
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Catatan penyelesaian (bukti) wajib diisi.");
        if (note.Length > MaxTextLength) throw new DomainException($"Catatan penyelesaian maksimal {MaxTextLength} karakter.");
        CompletionNote = note.Trim();
        EvidenceStoredName = evidenceStoredName;
        EvidenceFileName = evidenceFileName;
        EvidenceContentType = evidenceContentType;
        CompletedAtUtc = nowUtc;
        CompletedByName = userName;
    }
}
