using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>
/// Issues the official documents of a report inside the transaction of the workflow step that calls for them: takes
/// the next number of the type's yearly counter, builds the model from the report's recorded data, and adds the
/// <see cref="IssuedDocument"/> (superseding the previous version) with its snapshot and a
/// <see cref="PendingDocumentRender"/>. The caller saves and commits, so a step and its documents are recorded together
/// or not at all; the caller then has <see cref="PendingDocuments"/> render and seal the PDFs after the commit, outside
/// the write transaction (and the renderer's start-up pass picks up what a crash left).
/// </summary>
public sealed class DocumentIssuer(AppDbContext db, IOptions<DocumentOptions> options, IHostEnvironment environment,
    Infrastructure.ReferenceLists lists, ILogger<DocumentIssuer> logger)
{
    /// <summary>
    /// Why no document may be issued now (Indonesian, shown to whoever took the step), or null: a document issued with
    /// an incomplete kop surat or a verification address that is not the public one would stay wrong forever.
    /// </summary>
    public async Task<string?> RefusalAsync(CancellationToken ct = default)
    {
        var problems = Problems((await SettingsAsync(ct)).MissingForIssuing(), options.Value, environment.IsProduction());
        return problems.Count == 0
            ? null
            : "Dokumen resmi belum dapat diterbitkan karena " + string.Join(" dan ", problems) +
              ". Langkah ini belum disimpan. Mohon hubungi administrator untuk melengkapinya (Administrasi → Kop Surat & Penomoran).";
    }

    /// <summary>What stops issuing, in Indonesian: the kop surat's missing parts and, in Production, the public address.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> missing, DocumentOptions options, bool isProduction)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add("kop surat belum lengkap: " + string.Join(", ", missing) + " belum diisi");
        if (isProduction && DocumentOptions.Configured(options.PublicBaseUrl) is null)
            problems.Add("alamat publik aplikasi untuk kode QR verifikasi (pengaturan Documents:PublicBaseUrl) belum diatur");
        return problems;
    }

    private DocumentSettings? _settings;

    /// <summary>Issues the documents <paramref name="step"/> calls for (<see cref="DocumentTriggers"/>).</summary>
    public async Task<IReadOnlyList<IssuedDocument>> IssueForStepAsync(Report report, ReportEvent step, string? issuedByUserId,
        DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(step);
        var issued = new List<IssuedDocument>();
        foreach (var type in DocumentTriggers.After(step, report.Events))
        {
            issued.Add(await IssueAsync(report, type, issuedByUserId, nowUtc, step, ct));
        }
        return issued;
    }

    /// <summary>
    /// Issues one document of <paramref name="type"/> from the report as it is now (saved or not). Must run inside a
    /// transaction: the number is taken from the counter in it, so concurrent issues never share a number.
    /// A new version keeps the number of the current one unless its content differs (a correction, ADR-005): a
    /// signature, an acknowledgement, an approval or the closing only adds a version under the same number and keeps
    /// the document's date.
    /// </summary>
    public async Task<IssuedDocument> IssueAsync(Report report, DocumentType type, string? issuedByUserId, DateTime nowUtc,
        ReportEvent? step = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Documents are issued inside the transaction of the step that issues them.");
        if (report.Id == 0) throw new InvalidOperationException("Save the report before issuing its documents.");

        var settings = await SettingsAsync(ct);
        if (await RefusalAsync(ct) is { } refusal) throw new DomainException(refusal);
        // The submission is the report's first event, recorded in the transaction that inserted the report: it has no
        // documents yet, so there is nothing to read (two statements less inside a filing's write transaction).
        var firstEvent = step?.Action == WorkflowAction.Submit;
        var previous = firstEvent ? null : await CurrentAsync(report.Id, type, ct);
        // The report's other current documents (the results report names them as its basis).
        if (!firstEvent) await db.IssuedDocuments.Where(d => d.ReportId == report.Id && !d.IsSuperseded).LoadAsync(ct);
        var code = VerificationCode.New();
        // Only from configuration: never from the request's Host header.
        var baseUrl = DocumentOptions.ResolveBaseUrl(options.Value.PublicBaseUrl);
        var draft = new DocumentIssue(settings.ToLetterhead(), "", nowUtc, code,
            DocumentOptions.VerificationUrl(baseUrl, code), await OpdNameAsync(report, ct))
        {
            People = await PeopleAsync(report, ct),
            TrackingUrl = baseUrl + "/lacak",
            // Reading the tracker's local view runs a change-detection pass over every tracked entity: skipped when
            // there is nothing to find.
            Related = firstEvent ? new Dictionary<DocumentType, string>() : db.IssuedDocuments.Local
                .Where(d => d.ReportId == report.Id && !d.IsSuperseded && d.Type != type)
                .GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Version).Last().Number),
        };
        var model = ReportDocumentMapper.Map(type, report, draft);

        var earlier = previous is null ? null : ReadSnapshot(previous);
        var sameDocument = previous is not null && (type is DocumentType.Receipt or DocumentType.DispositionSheet
            || (earlier is not null && ReportDocumentMapper.Substance(earlier) == ReportDocumentMapper.Substance(model)));
        string number;
        if (sameDocument)
        {
            // The same document with more signatures: same number, same date as the version it follows.
            number = previous!.Number;
            model = model with { Number = number, IssuedAtUtc = earlier?.IssuedAtUtc ?? previous.IssuedAtUtc };
        }
        else
        {
            var issuedOn = Wib.DateOf(nowUtc);
            number = DocumentTypes.LetterNumbered.Contains(type)
                ? DocumentNumberPattern.Format(settings.NumberPattern(type), await db.NextAsync(type.SequenceName(issuedOn.Year), ct), issuedOn)
                : report.Number;
            model = model with { Number = number, Supersedes = previous?.Number };
        }

        var reason = step is null
            ? (previous is null ? "Diterbitkan" : "Versi baru")
            : DocumentTriggers.Reason(step, previous is null);
        if (previous is not null && !sameDocument) reason = "Koreksi: " + reason;
        // The number, the code and the snapshot are recorded in the transaction; the PDF is rendered from the snapshot
        // (and sealed) after the commit, by PendingDocuments, through the outbox row added with it.
        var document = IssuedDocument.IssuePending(report.Id, type, number, nowUtc, issuedByUserId, code,
            DocumentSnapshot.Serialize(model), ReportDocumentMapper.Parties(model), previous, reason);
        db.PendingDocumentRenders.Add(new PendingDocumentRender(document, nowUtc));
        db.IssuedDocuments.Add(document);
        logger.LogInformation("Issued {Type} {DocumentNumber} version {Version} for report {ReportNumber}", type, number,
            document.Version, report.Number);
        return document;
    }

    /// <summary>The model a stored version was rendered from; null when it cannot be read (generated test data).</summary>
    private OfficialDocument? ReadSnapshot(IssuedDocument document)
    {
        try
        {
            return DocumentSnapshot.Deserialize(document.SnapshotJson, ReportDocumentMapper.ModelType(document.Type));
        }
        catch (System.Text.Json.JsonException ex)
        {
            logger.LogWarning(ex, "The snapshot of document {DocumentId} cannot be read; the next version takes a new number", document.Id);
            return null;
        }
    }

    /// <summary>The administrator's settings, or the defaults until they are saved; read once per request.</summary>
    public async Task<DocumentSettings> SettingsAsync(CancellationToken ct = default) =>
        _settings ??= await db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? DocumentSettings.CreateDefault();

    /// <summary>The current (not superseded) document of a type, including one added earlier in this unit of work.</summary>
    private async Task<IssuedDocument?> CurrentAsync(int reportId, DocumentType type, CancellationToken ct)
    {
        await db.IssuedDocuments.Where(d => d.ReportId == reportId && d.Type == type && !d.IsSuperseded).LoadAsync(ct);
        return db.IssuedDocuments.Local.SingleOrDefault(d => d.ReportId == reportId && d.Type == type && !d.IsSuperseded);
    }

    /// <summary>
    /// The OPD's full name: from the report when loaded, else from the reference cache, else (an OPD another instance
    /// created in the last minutes) from its row.
    /// </summary>
    private async Task<string> OpdNameAsync(Report report, CancellationToken ct) =>
        report.Opd?.Name
        ?? ((await lists.OpdFullNamesAsync(ct)).TryGetValue(report.OpdId, out var cached) ? cached : null)
        ?? await db.Opds.Where(o => o.Id == report.OpdId).Select(o => o.Name).SingleAsync(ct);

    private async Task<Dictionary<string, PersonInfo>> PeopleAsync(Report report, CancellationToken ct)
    {
        var ids = report.Events.Select(e => e.TargetUserId).OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return [];
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.Nip, u.Position }).ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => new PersonInfo(p.FullName, p.Nip, p.Position));
    }
}
