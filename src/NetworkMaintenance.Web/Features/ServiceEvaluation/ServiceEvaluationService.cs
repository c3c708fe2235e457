using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Attachments;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.ServiceEvaluation;

/// <summary>The survey figures of a period, live from the survey data.</summary>
public sealed record PeriodFigures(SurveyPeriod Period, int Respondents, long[] Sums, int Population, IkmResult? Ikm,
    IReadOnlyList<string> Suggestions)
{
    public int MinimumSample => SkmSampleTable.MinimumSample(Population);

    public IReadOnlyList<int> LowestElements => Ikm is null ? [] : IkmAnalysis.LowestElements(Ikm);
}

/// <summary>Share of the follow-up actions done (of a year's periods).</summary>
public sealed record FollowUpShare(int Done, int Total)
{
    public double? Percent => Total == 0 ? null : Math.Round(100d * Done / Total, 1);
}

/// <summary>
/// The one home of the service-evaluation rules: the standard with its history and SK, the maklumat, the SKM
/// follow-up per period and its publication, and the evaluator's evidence (docs/service-evaluation.md).
/// </summary>
public sealed class ServiceEvaluationService(
    AppDbContext db,
    TimeProvider clock,
    IOptions<ServiceEvaluationOptions> options,
    Documents.DocumentSettingsService documentSettings,
    Dashboard.MonthlyRecapService recaps,
    IFileStore files)
{
    public SurveyPeriodKind PeriodKind => options.Value.Period;

    public string ServiceName => options.Value.ServiceName;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public SurveyPeriod CurrentPeriod => SurveyPeriod.Containing(Wib.DateOf(Now), PeriodKind);

    /// <summary>The period of a key in the configured kind; null for a bad key or one of the other kind.</summary>
    public SurveyPeriod? ParsePeriod(string? key) =>
        SurveyPeriod.Parse(key) is { } p && p.Kind == PeriodKind ? p : null;

    public async Task<ServiceCharter> CharterAsync(CancellationToken ct) =>
        await db.ServiceCharters.SingleOrDefaultAsync(ct) ?? ServiceCharter.Initial();

    public Task<List<ServiceStandardSection>> SectionsAsync(CancellationToken ct) =>
        db.ServiceStandardSections.AsNoTracking().OrderBy(s => s.Order).ToListAsync(ct);

    // ---- The standard -------------------------------------------------------------------------------------------

    /// <summary>
    /// Saves the administrator's edit: every component whose text changed (or that is confirmed) gets a revision with
    /// the SK number and date given; the SK is recorded as the standard's SK. Returns the keys changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveStandardAsync(IReadOnlyDictionary<string, string> bodies, IReadOnlySet<string> confirmed,
        string? skNumber, DateOnly? skDate, string userId, string userName, CancellationToken ct)
    {
        var sections = await db.ServiceStandardSections.OrderBy(s => s.Order).ToListAsync(ct);
        var charter = await db.ServiceCharters.SingleOrDefaultAsync(ct);
        if (charter is null)
        {
            charter = ServiceCharter.Initial();
            db.ServiceCharters.Add(charter);
        }
        var now = Now;
        var changed = new List<string>();
        foreach (var section in sections)
        {
            var text = bodies.TryGetValue(section.Key, out var t) ? t : null;
            if (text is not null && text.Trim() != section.Body)
            {
                db.ServiceStandardRevisions.Add(section.Edit(text, userId, userName, now, skNumber, skDate));
                changed.Add(section.Key);
            }
            else if (section.NeedsReview && confirmed.Contains(section.Key))
            {
                db.ServiceStandardRevisions.Add(section.Confirm(userId, userName, now, skNumber, skDate));
                changed.Add(section.Key);
            }
        }
        charter.SetStandardDecree(skNumber, skDate);
        await db.SaveChangesAsync(ct);
        return changed;
    }

    public Task<List<ServiceStandardRevision>> HistoryAsync(CancellationToken ct) =>
        db.ServiceStandardRevisions.AsNoTracking().OrderByDescending(r => r.ChangedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);

    public async Task<byte[]> StandardPdfAsync(CancellationToken ct)
    {
        var sections = await SectionsAsync(ct);
        var charter = await CharterAsync(ct);
        return ServiceEvaluationTemplates.RenderStandard(new ServiceStandardDocument
        {
            Letterhead = (await documentSettings.GetAsync(ct)).ToLetterhead(),
            ServiceName = ServiceName,
            Components = sections.Select(s => new StandardComponent(s.Part, s.Title, s.Body)).ToList(),
            SkNumber = charter.StandardSkNumber,
            SkDate = charter.StandardSkDate,
            KepalaDinas = await SignerAsync(charter, ct),
            GeneratedAtUtc = Now,
        });
    }

    // ---- The maklumat ---------------------------------------------------------------------------------------------

    public async Task SaveDeclarationAsync(string text, DateOnly date, string signerName, string? signerNip, string signerPosition,
        string userId, CancellationToken ct)
    {
        var charter = await db.ServiceCharters.SingleOrDefaultAsync(ct);
        if (charter is null)
        {
            charter = ServiceCharter.Initial();
            db.ServiceCharters.Add(charter);
        }
        charter.SetDeclaration(text, date, signerName, signerNip, signerPosition, userId, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The poster PDF, or null while the maklumat has no date or signer.</summary>
    public async Task<byte[]?> DeclarationPdfAsync(bool a3, CancellationToken ct)
    {
        var charter = await CharterAsync(ct);
        if (!charter.HasDeclaration) return null;
        return ServiceEvaluationTemplates.RenderDeclaration(new ServiceDeclarationDocument
        {
            Letterhead = (await documentSettings.GetAsync(ct)).ToLetterhead(),
            Text = charter.DeclarationText,
            Date = charter.DeclarationDate!.Value,
            Signer = new Signer(charter.SignerName!, charter.SignerNip, charter.SignerPosition),
            A3 = a3,
            GeneratedAtUtc = Now,
        });
    }

    private async Task<Signer> SignerAsync(ServiceCharter charter, CancellationToken ct) =>
        charter.SignerName is { } name
            ? new Signer(name, charter.SignerNip, charter.SignerPosition)
            : await recaps.KepalaDinasOnAsync(Wib.DateOf(Now), ct);

    // ---- The SKM follow-up ----------------------------------------------------------------------------------------

    /// <summary>The period's figures from the surveys submitted in it and the reports closed in it (the population).</summary>
    public async Task<PeriodFigures> FiguresAsync(SurveyPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.StartUtc, period.EndUtc);
        var surveys = db.SatisfactionSurveys.AsNoTracking().Where(s => s.SubmittedAtUtc >= from && s.SubmittedAtUtc < to);
        var perOpd = await surveys.GroupBy(s => s.OpdId).Select(g => new
        {
            Count = g.Count(),
            U1 = g.Sum(s => s.U1), U2 = g.Sum(s => s.U2), U3 = g.Sum(s => s.U3),
            U4 = g.Sum(s => s.U4), U5 = g.Sum(s => s.U5), U6 = g.Sum(s => s.U6),
            U7 = g.Sum(s => s.U7), U8 = g.Sum(s => s.U8), U9 = g.Sum(s => s.U9),
        }).ToListAsync(ct);
        long[] sums =
        [
            perOpd.Sum(o => (long)o.U1), perOpd.Sum(o => (long)o.U2), perOpd.Sum(o => (long)o.U3),
            perOpd.Sum(o => (long)o.U4), perOpd.Sum(o => (long)o.U5), perOpd.Sum(o => (long)o.U6),
            perOpd.Sum(o => (long)o.U7), perOpd.Sum(o => (long)o.U8), perOpd.Sum(o => (long)o.U9),
        ];
        var respondents = perOpd.Sum(o => o.Count);
        var suggestions = await surveys.Where(s => s.Suggestion != null).OrderBy(s => s.SubmittedAtUtc)
            .Select(s => s.Suggestion!).Take(500).ToListAsync(ct);
        var population = await db.Reports.AsNoTracking()
            .CountAsync(r => r.Status == ReportStatus.Closed && r.ClosedAtUtc >= from && r.ClosedAtUtc < to, ct);
        return new PeriodFigures(period, respondents, sums, population, IkmCalculator.FromSums(respondents, sums), suggestions);
    }

    public Task<SkmPeriodReview?> ReviewAsync(SurveyPeriod period, CancellationToken ct) =>
        db.SkmPeriodReviews.Include(r => r.Actions).SingleOrDefaultAsync(r => r.PeriodKey == period.Key, ct);

    private async Task<SkmPeriodReview> ReviewForEditAsync(SurveyPeriod period, CancellationToken ct)
    {
        var review = await ReviewAsync(period, ct);
        if (review is not null) return review;
        if (period.StartUtc > Now) throw new DomainException("Periode ini belum dimulai.");
        review = new SkmPeriodReview(period);
        db.SkmPeriodReviews.Add(review);
        return review;
    }

    public async Task RecordAnalysisAsync(SurveyPeriod period, string analysis, string? groups, string userName, CancellationToken ct)
    {
        var review = await ReviewForEditAsync(period, ct);
        review.RecordAnalysis(analysis, groups, userName, Now);
        await db.SaveChangesAsync(ct);
    }

    public async Task PlanActionAsync(SurveyPeriod period, int? element, string description, string owner, DateOnly dueDate, string userName,
        CancellationToken ct)
    {
        var review = await ReviewForEditAsync(period, ct);
        if (dueDate < period.Start) throw new DomainException("Tenggat tidak boleh sebelum awal periode.");
        review.PlanAction(element, description, owner, dueDate, userName, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records an action done, with the note and the evidence file (already checked by <see cref="AttachmentStore.CheckAsync"/>).</summary>
    public async Task<string?> CompleteActionAsync(int actionId, string note, CheckedUpload? evidence, string userName, CancellationToken ct)
    {
        var action = await db.SkmFollowUpActions.SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null) return null;
        string? stored = null;
        if (evidence is not null)
        {
            stored = "skm-" + Guid.NewGuid().ToString("N") + evidence.Extension;
            await using var source = evidence.File.OpenReadStream();
            await files.SaveAsync(stored, source, ct);
        }
        action.Complete(note, stored, evidence?.SafeName, evidence?.ContentType, userName, Now);
        await db.SaveChangesAsync(ct);
        return await db.SkmPeriodReviews.Where(r => r.Id == action.ReviewId).Select(r => r.PeriodKey).SingleAsync(ct);
    }

    public async Task<(SkmFollowUpAction Action, Stream Content)?> EvidenceAsync(int actionId, CancellationToken ct)
    {
        var action = await db.SkmFollowUpActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action?.EvidenceStoredName is not { } name) return null;
        var stream = await files.OpenReadAsync(name, ct);
        return stream is null ? null : (action, stream);
    }

    /// <summary>Publishes the period with its figures of now (the period must have ended).</summary>
    public async Task PublishAsync(SurveyPeriod period, string userName, CancellationToken ct)
    {
        var review = await ReviewAsync(period, ct) ?? throw new DomainException("Catat analisis hasil survei sebelum publikasi.");
        var figures = await FiguresAsync(period, ct);
        review.Publish(figures.Respondents, figures.Sums, figures.Population, userName, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The share of follow-up actions done, of the periods of <paramref name="year"/>.</summary>
    public async Task<FollowUpShare> FollowUpShareAsync(int year, CancellationToken ct)
    {
        var actions = db.SkmFollowUpActions.AsNoTracking().Where(a => db.SkmPeriodReviews.Any(r => r.Id == a.ReviewId && r.Year == year));
        return new FollowUpShare(await actions.CountAsync(a => a.CompletedAtUtc != null, ct), await actions.CountAsync(ct));
    }

    // ---- Publication ----------------------------------------------------------------------------------------------

    public Task<List<SkmPeriodReview>> PublishedAsync(int? year, CancellationToken ct) =>
        db.SkmPeriodReviews.AsNoTracking().Include(r => r.Actions)
            .Where(r => r.PublishedAtUtc != null && (year == null || r.Year == year))
            .OrderByDescending(r => r.PeriodKey).ToListAsync(ct);

    public async Task<SkmPeriodReview?> PublishedReviewAsync(string? key, CancellationToken ct)
    {
        if (SurveyPeriod.Parse(key) is not { } period) return null;
        var review = await db.SkmPeriodReviews.AsNoTracking().Include(r => r.Actions).SingleOrDefaultAsync(r => r.PeriodKey == period.Key, ct);
        return review is { IsPublished: true } ? review : null;
    }

    public async Task<SkmReportDocument> ReportAsync(SkmPeriodReview review, CancellationToken ct)
    {
        var ikm = review.PublishedIkm ?? throw new InvalidOperationException("Only a published period has a report.");
        var today = Wib.DateOf(Now);
        return new SkmReportDocument
        {
            Letterhead = (await documentSettings.GetAsync(ct)).ToLetterhead(),
            PeriodLabel = review.Period.Label,
            PeriodKey = review.PeriodKey,
            DateRange = review.Period.DateRange,
            Ikm = ikm,
            Population = review.PublishedPopulation,
            MinimumSample = SkmSampleTable.MinimumSample(review.PublishedPopulation),
            LowestElements = IkmAnalysis.LowestElements(ikm),
            Analysis = review.Analysis ?? "",
            SuggestionGroups = review.SuggestionGroups,
            Actions = review.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => Line(a, today)).ToList(),
            PublishedAtUtc = review.PublishedAtUtc!.Value,
            KepalaDinas = await recaps.KepalaDinasOnAsync(Wib.DateOf(review.PublishedAtUtc!.Value), ct),
        };
    }

    public static FollowUpLine Line(SkmFollowUpAction a, DateOnly today) =>
        new(a.Element is { } e ? "U" + e.ToString(CultureInfo.InvariantCulture) : "Umum", a.Description, a.Owner, a.DueDate,
            SkmFollowUpAction.Label(a.StateOn(today)), a.CompletedAtUtc, a.CompletionNote, a.EvidenceStoredName is not null);

    // ---- Evidence for the evaluator -------------------------------------------------------------------------------

    public const string IkmCsvName = "ikm-per-periode.csv";
    public const string RegisterCsvName = "register-tindak-lanjut-skm.csv";
    public const string ComplaintsCsvName = "penanganan-pengaduan.csv";
    public const string StandardPdfName = "standar-pelayanan.pdf";
    public const string DeclarationPdfName = "maklumat-pelayanan.pdf";

    /// <summary>The complaints of a year per month: received, answered, still open, mean days to the answer.</summary>
    public async Task<IReadOnlyList<(int Month, int Received, int Answered, double? MeanDays)>> ComplaintFiguresAsync(int year, CancellationToken ct)
    {
        var from = Wib.ToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var to = Wib.ToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var rows = await db.Complaints.AsNoTracking().Where(c => c.CreatedAtUtc >= from && c.CreatedAtUtc < to)
            .Select(c => new { c.CreatedAtUtc, c.AnsweredAtUtc, c.Status }).ToListAsync(ct);
        return Enumerable.Range(1, 12).Select(m =>
        {
            var month = rows.Where(r => Wib.FromUtc(r.CreatedAtUtc).Month == m).ToList();
            var answered = month.Where(r => r.Status == ComplaintStatus.Answered && r.AnsweredAtUtc is not null).ToList();
            double? mean = answered.Count == 0 ? null : Math.Round(answered.Average(r => (r.AnsweredAtUtc!.Value - r.CreatedAtUtc).TotalDays), 1);
            return (m, month.Count, answered.Count, mean);
        }).ToList();
    }

    public async Task<byte[]> IkmCsvAsync(int year, CancellationToken ct)
    {
        var published = (await PublishedAsync(year, ct)).OrderBy(r => r.PeriodKey).ToList();
        string[] header =
        [
            "Periode", "Tanggal publikasi", "Responden", "Pengguna layanan", "Sampel minimum",
            "NRR U1", "NRR U2", "NRR U3", "NRR U4", "NRR U5", "NRR U6", "NRR U7", "NRR U8", "NRR U9", "IKM", "Mutu", "Catatan",
        ];
        var rows = published.Select(r =>
        {
            var ikm = r.PublishedIkm!;
            var minimum = SkmSampleTable.MinimumSample(r.PublishedPopulation);
            return (IReadOnlyList<string?>)
            [
                r.Period.Label, SpreadsheetCsv.DateTime(r.PublishedAtUtc!.Value), Int(ikm.Respondents), Int(r.PublishedPopulation), Int(minimum),
                .. ikm.Nrr.Select(ServiceEvaluationTemplates.Decimal2), ServiceEvaluationTemplates.Decimal2(ikm.Converted),
                $"{ikm.Grade} ({ikm.GradeLabel})", ikm.Respondents < minimum ? "Responden di bawah sampel minimum" : "",
            ];
        });
        return SpreadsheetCsv.Write(header, rows);
    }

    public async Task<byte[]> RegisterCsvAsync(int year, CancellationToken ct)
    {
        var today = Wib.DateOf(Now);
        var reviews = await db.SkmPeriodReviews.AsNoTracking().Include(r => r.Actions).Where(r => r.Year == year)
            .OrderBy(r => r.PeriodKey).ToListAsync(ct);
        string[] header = ["Periode", "Unsur", "Tindak lanjut", "Penanggung jawab", "Tenggat", "Status", "Tanggal selesai", "Catatan penyelesaian", "Bukti"];
        var rows = reviews.SelectMany(r => r.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a =>
        {
            var line = Line(a, today);
            return (IReadOnlyList<string?>)
            [
                r.Period.Label, line.Element, a.Description, a.Owner, a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), line.State,
                a.CompletedAtUtc is { } done ? SpreadsheetCsv.DateTime(done) : "", a.CompletionNote ?? "", a.EvidenceFileName ?? "",
            ];
        }));
        return SpreadsheetCsv.Write(header, rows);
    }

    public async Task<byte[]> ComplaintsCsvAsync(int year, CancellationToken ct)
    {
        string[] header = ["Bulan", "Pengaduan diterima", "Sudah dijawab", "Belum dijawab", "Rata-rata hari sampai dijawab"];
        var rows = (await ComplaintFiguresAsync(year, ct)).Select(m => (IReadOnlyList<string?>)
        [
            $"{IndonesianDate.MonthName(m.Month)} {Int(year)}", Int(m.Received), Int(m.Answered), Int(m.Received - m.Answered),
            m.MeanDays is { } d ? d.ToString("0.0", CultureInfo.GetCultureInfo("id-ID")) : "",
        ]);
        return SpreadsheetCsv.Write(header, rows);
    }

    /// <summary>
    /// The ZIP for the evaluators of <paramref name="year"/>: the standard and the maklumat (PDF), the SKM report of
    /// every published period (PDF), the IKM table, the follow-up register and the complaint figures (CSV).
    /// </summary>
    public async Task<byte[]> EvidenceZipAsync(int year, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var stamp = new DateTimeOffset(Wib.FromUtc(Now), Wib.Offset);
            async Task AddAsync(string name, byte[] bytes)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                await using var stream = entry.Open();
                await stream.WriteAsync(bytes, ct);
            }
            await AddAsync(StandardPdfName, await StandardPdfAsync(ct));
            if (await DeclarationPdfAsync(false, ct) is { } declaration) await AddAsync(DeclarationPdfName, declaration);
            foreach (var review in (await PublishedAsync(year, ct)).OrderBy(r => r.PeriodKey))
            {
                await AddAsync(ServiceEvaluationTemplates.SkmReportFileName(review.PeriodKey),
                    ServiceEvaluationTemplates.RenderSkmReport(await ReportAsync(review, ct)));
            }
            await AddAsync(IkmCsvName, await IkmCsvAsync(year, ct));
            await AddAsync(RegisterCsvName, await RegisterCsvAsync(year, ct));
            await AddAsync(ComplaintsCsvName, await ComplaintsCsvAsync(year, ct));
        }
        return buffer.ToArray();
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);
}
