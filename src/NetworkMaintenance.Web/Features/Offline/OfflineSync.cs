using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Web.Features.Attachments;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.Web.Features.Offline;

/// <summary>
/// One step recorded on the technician's phone and queued in its outbox (docs/offline.md, "The sync contract"):
/// which report and step, the step form's fields, the report version the phone saw, when the work was done there,
/// and the phone's idempotency key for this queued step.
/// </summary>
public sealed class OfflineStepRequest
{
    public int ReportId { get; set; }
    public string Step { get; set; } = "";
    public Guid Version { get; set; }

    /// <summary>When the technician recorded the step on the phone (the phone's clock, with its offset).</summary>
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>16–64 letters, digits, '-' or '_', made on the phone when the step was queued.</summary>
    public string IdempotencyKey { get; set; } = "";

    /// <summary>The newest timeline entry the phone knew: the conflict answer lists what came after it.</summary>
    public long? LastEventId { get; set; }

    /// <summary>The step form's fields, as the web form names them (times in WIB, <c>yyyy-MM-ddTHH:mm</c>).</summary>
    public StepInputForm Fields { get; set; } = new();

    /// <summary>Photos taken on site, resized on the phone: <c>data:image/jpeg;base64,…</c>.</summary>
    public List<string> Photos { get; set; } = [];
}

/// <summary>What became of a synced step, as a type: the controller maps each to its HTTP answer.</summary>
public abstract record SyncOutcome
{
    private SyncOutcome() { }

    /// <summary>Recorded now; <paramref name="Version"/> is the report's version after it (for the next queued step).</summary>
    public sealed record Applied(string Message, Guid Version) : SyncOutcome;

    /// <summary>The same idempotency key was applied before: nothing is applied again; the first outcome is repeated.</summary>
    public sealed record AlreadyApplied(string Message, Guid Version) : SyncOutcome;

    /// <summary>The report changed since the phone saw it: nothing recorded; what changed is described.</summary>
    public sealed record Conflict(SyncConflict What) : SyncOutcome;

    /// <summary>The step's input (or its time) was refused: nothing recorded; the validator's reasons.</summary>
    public sealed record Invalid(IReadOnlyList<StepRefusal> Reasons) : SyncOutcome;

    /// <summary>No such report, or not one this technician may see.</summary>
    public sealed record NotFound : SyncOutcome;
}

/// <summary>The 409 answer: what changed on the report since the phone saw it, in Indonesian.</summary>
public sealed record SyncConflict(
    string Message,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ReportStatus>))] ReportStatus Status,
    string StatusLabel,
    bool StillAssigned,
    Guid Version,
    IReadOnlyList<SyncChange> Changes);

/// <summary>One timeline entry the phone did not know.</summary>
public sealed record SyncChange(long Id, string Action, DateTime AtUtc, string AtText, string ActorName, string? Note);

/// <summary>
/// Applies the steps queued on a technician's phone through the workflow's one path (<see cref="StepService.TakeAsync"/>:
/// the same authorization, version check, validator and domain method as the web form), with the time the work was
/// done, under an idempotency key that is unique in the database and saved in the step's transaction.
/// </summary>
public sealed class OfflineSyncService(AppDbContext db, StepService steps, AttachmentStore attachments)
{
    /// <summary>The steps a technician takes on site, which the phone may record without a network.</summary>
    public static readonly IReadOnlySet<WorkflowAction> OnSiteSteps = new HashSet<WorkflowAction>
    {
        WorkflowAction.StartDiagnosis, WorkflowAction.DiagnoseInDataCenter, WorkflowAction.DiagnoseOutsideDataCenter,
        WorkflowAction.InspectRepair, WorkflowAction.InspectReplace, WorkflowAction.CompleteWork,
        WorkflowAction.AcknowledgeOnSite,
    };

    public const int MaxPhotos = 6;
    public const int MaxPhotoDataUrlLength = 4_000_000;
    public const string PhotoPrefix = "data:image/jpeg;base64,";

    public async Task<SyncOutcome> SyncAsync(ClaimsPrincipal user, WorkflowActor actor, OfflineStepRequest request,
        CancellationToken ct = default)
    {
        var refusals = Check(request, out var action);
        if (refusals.Count > 0) return new SyncOutcome.Invalid(refusals);
        if (await RepeatAsync(request.IdempotencyKey, actor, ct) is { } repeat) return repeat;

        var photos = new List<CheckedUpload>();
        for (var i = 0; i < request.Photos.Count; i++)
        {
            var file = ToFile(request.Photos[i], i + 1);
            var (upload, error) = file is null ? (null, null) : await attachments.CheckAsync(file, ct);
            if (upload is null)
                return new SyncOutcome.Invalid([new StepRefusal(nameof(request.Photos), error ?? $"Foto {i + 1} tidak terbaca. Ambil foto lagi.")]);
            photos.Add(upload);
        }

        var doneAtUtc = request.DoneAt!.Value.UtcDateTime;
        var versionAfter = Guid.Empty;
        var offline = new OfflineStep(doneAtUtc, async (report, ev, syncedAtUtc, token) =>
        {
            foreach (var photo in photos) await attachments.SaveAsync(photo, report.Id, null, actor.UserId, token);
            versionAfter = report.Version;
            db.OfflineStepReceipts.Add(new OfflineStepReceipt(request.IdempotencyKey, actor.UserId, report.Id, action,
                ev.AtUtc, syncedAtUtc, versionAfter,
                $"{Workflow.ActionLabel(action)} (dikerjakan {Display(ev.AtUtc)}) tercatat pada laporan {report.Number}."));
        });
        request.Fields.Version = request.Version;
        var outcome = await steps.TakeOfflineAsync(user, actor, request.ReportId, action, request.Fields, offline, ct);
        switch (outcome)
        {
            case StepOutcome.Done done:
                return new SyncOutcome.Applied(done.Message, versionAfter);
            case StepOutcome.Refused refused:
                return new SyncOutcome.Invalid(refused.Reasons);
            case StepOutcome.Conflict conflict:
                // The same queued step sent twice at once: the other request applied it (its receipt holds the key).
                return await RepeatAsync(request.IdempotencyKey, actor, ct)
                    ?? new SyncOutcome.Conflict(await DescribeAsync(request, actor, conflict.Message, ct));
            default:
                return new SyncOutcome.NotFound();
        }
    }

    private static List<StepRefusal> Check(OfflineStepRequest request, out WorkflowAction action)
    {
        var refusals = new List<StepRefusal>();
        if (!Enum.TryParse(request.Step, ignoreCase: false, out action) || !OnSiteSteps.Contains(action))
            refusals.Add(new(nameof(request.Step), "Langkah ini tidak dapat dicatat dari aplikasi teknisi tanpa jaringan."));
        if (request.IdempotencyKey.Length is < 16 or > OfflineStepReceipt.KeyMaxLength
            || !request.IdempotencyKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            refusals.Add(new(nameof(request.IdempotencyKey), "Kunci idempotensi langkah tidak valid (16–64 huruf, angka, '-' atau '_')."));
        if (request.DoneAt is null)
            refusals.Add(new(nameof(request.DoneAt), "Waktu langkah dikerjakan wajib dikirim."));
        if (request.Photos.Count > MaxPhotos)
            refusals.Add(new(nameof(request.Photos), $"Paling banyak {MaxPhotos} foto per langkah."));
        if (request.Photos.Any(p => !p.StartsWith(PhotoPrefix, StringComparison.Ordinal) || p.Length > MaxPhotoDataUrlLength))
            refusals.Add(new(nameof(request.Photos), "Foto harus berupa gambar JPEG yang diperkecil di ponsel (paling besar sekitar 3 MB)."));
        return refusals;
    }

    private async Task<SyncOutcome?> RepeatAsync(string key, WorkflowActor actor, CancellationToken ct)
    {
        var first = await db.OfflineStepReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == key, ct);
        if (first is null) return null;
        return first.UserId == actor.UserId
            ? new SyncOutcome.AlreadyApplied(first.Message, first.VersionAfter)
            : new SyncOutcome.Invalid([new StepRefusal(nameof(OfflineStepRequest.IdempotencyKey), "Kunci idempotensi ini sudah dipakai. Catat langkah ini lagi.")]);
    }

    private async Task<SyncConflict> DescribeAsync(OfflineStepRequest request, WorkflowActor actor, string why, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == request.ReportId)
            .Select(r => new { r.Number, r.Status, r.Version, Assigned = r.Technicians.Any(t => t.UserId == actor.UserId) })
            .SingleAsync(ct);
        var after = request.LastEventId ?? 0;
        var changes = (await db.ReportEvents.AsNoTracking()
                .Where(e => e.ReportId == request.ReportId && e.Id > after)
                .OrderBy(e => e.Id).Select(e => new { e.Id, e.Action, e.AtUtc, e.ActorName, e.Note }).ToListAsync(ct))
            .Select(e => new SyncChange(e.Id, Workflow.ActionLabel(e.Action), e.AtUtc, Display(e.AtUtc), e.ActorName, e.Note))
            .ToList();
        var message = $"Laporan {report.Number} sudah berubah sejak dimuat di ponsel ini: sekarang berstatus \"{Labels.Of(report.Status)}\"."
            + (report.Assigned ? "" : " Anda tidak lagi ditugaskan pada laporan ini.")
            + (changes.Count > 0 ? " Perubahan: " + string.Join("; ", changes.Select(c => $"{c.Action} oleh {c.ActorName} ({c.AtText})")) + "." : "")
            + " Langkah Anda belum disimpan. " + why;
        return new SyncConflict(message, report.Status, Labels.Of(report.Status), report.Assigned, report.Version, changes);
    }

    private static FormFile? ToFile(string dataUrl, int number)
    {
        try
        {
            var bytes = Convert.FromBase64String(dataUrl[PhotoPrefix.Length..]);
            return new FormFile(new MemoryStream(bytes), 0, bytes.Length, "photo", $"foto-lokasi-{number}.jpg")
            {
                Headers = new HeaderDictionary(),
                ContentType = "image/jpeg",
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Display(DateTime utc) =>
        Wib.FromUtc(utc).ToString("d MMMM yyyy HH.mm", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + " WIB";
}
