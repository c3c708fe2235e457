using System.Globalization;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using WorkflowTable = NetworkMaintenance.Core.Domain.Workflow.Workflow;

namespace NetworkMaintenance.Core.Documents;

/// <summary>Someone a document names, as the users table knows them (the timeline keeps names, not every position).</summary>
public sealed record PersonInfo(string Name, string? Nip, string? Position);

/// <summary>What a document carries besides the report's data: its number, issue time, verification and letterhead.</summary>
/// <param name="VerificationCode">The stored form (16 characters); printed in groups of four.</param>
/// <param name="OpdName">The reporting OPD's full name.</param>
/// <param name="Supersedes">The number of the version this one replaces, printed under the title.</param>
public sealed record DocumentIssue(
    LetterheadSettings Letterhead,
    string Number,
    DateTime IssuedAtUtc,
    string VerificationCode,
    string VerificationUrl,
    string OpdName,
    string? Supersedes = null)
{
    /// <summary>Numbers of the report's current documents of other types (the results report names them as its basis).</summary>
    public IReadOnlyDictionary<DocumentType, string> Related { get; init; } = new Dictionary<DocumentType, string>();

    /// <summary>The public tracking page ({PublicBaseUrl}/lacak), printed on the receipt.</summary>
    public string? TrackingUrl { get; init; }

    /// <summary>People the steps point at (dispositions' targets), by user id.</summary>
    public IReadOnlyDictionary<string, PersonInfo> People { get; init; } = new Dictionary<string, PersonInfo>();
}

/// <summary>
/// Builds the official document models from a report's recorded data. Signers are the people who took the steps, as
/// the timeline recorded them (name, NIP, position; a Plh. prints "Plh." before the official's position) and, where
/// the step was taken in the application, their electronic approval at the time of the step.
/// </summary>
public static class ReportDocumentMapper
{
    public const string ReporterPositionFallback = "Staf OPD pelapor";

    public static OfficialDocument Map(DocumentType type, Report report, DocumentIssue issue) => type switch
    {
        DocumentType.Receipt => Receipt(report, issue),
        DocumentType.DispositionSheet => DispositionSheet(report, issue),
        DocumentType.ReplacementRequestBa => ReplacementRequest(report, issue),
        DocumentType.WorkBa => WorkBeritaAcara(report, issue),
        DocumentType.WorkReport => WorkReport(report, issue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The model type a document type is rendered from (to read a stored snapshot back).</summary>
    public static Type ModelType(DocumentType type) => type switch
    {
        DocumentType.Receipt => typeof(ReportReceiptDocument),
        DocumentType.DispositionSheet => typeof(DispositionSheetDocument),
        DocumentType.ReplacementRequestBa => typeof(DeviceReplacementBeritaAcaraDocument),
        DocumentType.WorkBa => typeof(WorkBeritaAcaraDocument),
        DocumentType.WorkReport => typeof(WorkReportDocument),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static ReportReceiptDocument Receipt(Report report, DocumentIssue issue)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(issue);
        var submitted = report.Events.FirstOrDefault(e => e.Action == WorkflowAction.Submit);
        // A report from the web needs no officer's signature; one recorded by the front desk is signed by the officer.
        var officer = submitted is { ActorRole: Roles.PetugasLayanan } ? SignerOf(submitted, submitted.AtUtc) : null;
        return new ReportReceiptDocument
        {
            Letterhead = issue.Letterhead,
            Number = issue.Number,
            IssuedAtUtc = issue.IssuedAtUtc,
            VerificationCode = VerificationCode.Display(issue.VerificationCode),
            VerificationUrl = issue.VerificationUrl,
            Supersedes = issue.Supersedes,
            ReportNumber = report.Number,
            TrackingCode = report.TrackingCode,
            OpdName = issue.OpdName,
            ReporterName = report.ReporterName,
            ReporterNip = report.ReporterNip,
            ReporterPhone = report.ReporterPhone,
            Channel = Labels.Of(report.Channel) + (report.LetterNumber is null ? "" : $" (surat Nomor {report.LetterNumber}" +
                (report.LetterDate is { } letterDate ? $" tanggal {IndonesianDate.Format(letterDate)})" : ")")),
            ReceivedAtUtc = report.ReceivedAtUtc,
            Location = report.Location,
            Category = Labels.Of(report.Category),
            Description = report.Description,
            TrackingUrl = issue.TrackingUrl,
            ReceivedBy = officer,
        };
    }

    public static DispositionSheetDocument DispositionSheet(Report report, DocumentIssue issue)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(issue);
        var chain = Ordered(report).Where(e => e.Action is WorkflowAction.Dispose or WorkflowAction.Verify or WorkflowAction.Assign).ToList();
        var steps = chain.Select(e => new DispositionStep(
            SignerOf(e, e.AtUtc),
            e.Action == WorkflowAction.Assign ? Team(report) : Target(e, issue),
            e.AtUtc,
            Instructions(e.Instructions),
            e.Note)).ToList();
        var given = steps.Aggregate(DispositionInstructions.None, (all, s) => all | s.Instructions);
        var due = report.DueAtUtc ?? report.ReceivedAtUtc + ServiceTarget;
        return new DispositionSheetDocument
        {
            Letterhead = issue.Letterhead,
            Number = issue.Number,
            IssuedAtUtc = issue.IssuedAtUtc,
            VerificationCode = VerificationCode.Display(issue.VerificationCode),
            VerificationUrl = issue.VerificationUrl,
            Supersedes = issue.Supersedes,
            From = $"{issue.OpdName} ({report.ReporterName})",
            ReferenceNumber = report.LetterNumber ?? report.Number,
            ReferenceDate = report.LetterDate ?? Wib.DateOf(report.ReceivedAtUtc),
            // Without a letter there is no letter number or date to print: the report came through another channel.
            WithoutLetter = report.LetterNumber is null ? Labels.Of(report.Channel) : null,
            ReceivedAtUtc = report.ReceivedAtUtc,
            // The Sekretariat's nomor agenda of the incoming letter; without one (or without a letter) the report number,
            // under which every incoming report is registered.
            AgendaNumber = report.LetterAgendaNumber ?? report.Number,
            // Sifat follows the officials' instructions: "Segera selesaikan" anywhere in the chain makes it Segera.
            Urgency = given.HasFlag(DispositionInstructions.ResolvePromptly) ? DispositionUrgency.Urgent : DispositionUrgency.Normal,
            Classification = SecurityClassification.Ordinary,
            Subject = $"Laporan gangguan jaringan ({Labels.Of(report.Category)})",
            Steps = steps,
            Notes = "Waktu penyelesaian paling lama 24 jam sejak laporan diterima, tanpa dipungut biaya (standar pelayanan).",
            DueDate = Wib.DateOf(due),
        };
    }

    public static DeviceReplacementBeritaAcaraDocument ReplacementRequest(Report report, DocumentIssue issue)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(issue);
        var request = Last(report, WorkflowAction.SubmitReplacementRequest);
        var inspection = Last(report, WorkflowAction.InspectReplace);
        // Filed by the reporter in the application: electronically approved. Entered by the front desk from the
        // reporter's paper form: the paper carries the signature, so the space stays blank.
        var filedByReporter = request is { ActorRole: Roles.Pelapor };
        var reporter = new Signer(
            report.ReplacementRequestedByName ?? report.ReporterName,
            filedByReporter ? request!.ActorNip ?? report.ReporterNip : report.ReporterNip,
            report.ReporterPosition ?? ReporterPositionFallback,
            ApprovedAtUtc: filedByReporter ? request!.AtUtc : null,
            WetOnly: !filedByReporter);
        // The technician inspected, but no step of the application approves the request for them: their space is for
        // a handwritten signature, never the time of the inspection.
        var technician = (inspection is null ? TeamLead(report) : SignerOf(inspection, null)) with { WetOnly = true };
        return new DeviceReplacementBeritaAcaraDocument
        {
            Letterhead = issue.Letterhead,
            Number = issue.Number,
            IssuedAtUtc = issue.IssuedAtUtc,
            VerificationCode = VerificationCode.Display(issue.VerificationCode),
            VerificationUrl = issue.VerificationUrl,
            Supersedes = issue.Supersedes,
            ReportNumber = report.Number,
            Location = report.Location,
            Reporter = new BeritaAcaraParty(reporter, InstansiOf(issue.OpdName, issue.Letterhead)),
            Technician = new BeritaAcaraParty(technician, AgencyOf(issue.Letterhead)),
            Reason = Sentence(report.InspectionFindings ?? report.DiagnosisFindings ?? "perangkat rusak"),
            Devices = report.CurrentDevices(DevicePurpose.ReplacementRequest)
                .Select(d => new DeviceItem(d.Name, d.BrandType ?? "-", d.SerialNumber ?? "-", d.Condition, d.Notes))
                .ToList(),
            KnownBy = KnownByKasi(report),
        };
    }

    public static WorkBeritaAcaraDocument WorkBeritaAcara(Report report, DocumentIssue issue)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(issue);
        var completed = Last(report, WorkflowAction.CompleteWork);
        var started = Ordered(report).FirstOrDefault(e => e.Action == WorkflowAction.StartDiagnosis);
        var devices = report.CurrentDevices(DevicePurpose.Repaired)
            .Select(d => new WorkDeviceItem(d.Name, d.BrandType ?? "-", DeviceWorkAction.Repaired, d.SerialNumber ?? "-", null, d.Notes))
            .Concat(report.CurrentDevices(DevicePurpose.Replaced).Select(d => new WorkDeviceItem(
                d.Name, d.BrandType ?? "-", DeviceWorkAction.Replaced, d.SerialNumber ?? "-", d.NewSerialNumber,
                Remarks(d.Notes, d.NewBrandType is not null && d.NewBrandType != d.BrandType ? "Pengganti: " + d.NewBrandType : null))))
            .ToList();
        return new WorkBeritaAcaraDocument
        {
            Letterhead = issue.Letterhead,
            Number = issue.Number,
            IssuedAtUtc = issue.IssuedAtUtc,
            VerificationCode = VerificationCode.Display(issue.VerificationCode),
            VerificationUrl = issue.VerificationUrl,
            Supersedes = issue.Supersedes,
            ReportNumber = report.Number,
            Location = report.Location,
            // The times the technician stated (defaulting to the step times): the results report prints the same.
            WorkStartedAtUtc = report.WorkStartedAtUtc ?? started?.AtUtc ?? report.ReceivedAtUtc,
            WorkFinishedAtUtc = report.WorkFinishedAtUtc ?? report.WorkCompletedAtUtc ?? completed?.AtUtc ?? issue.IssuedAtUtc,
            SiteVisitStartedAtUtc = report.InspectedAtUtc,
            SiteVisitEndedAtUtc = report.InspectionEndedAtUtc,
            Technician = new BeritaAcaraParty(completed is null ? TeamLead(report) : SignerOf(completed, completed.AtUtc),
                AgencyOf(issue.Letterhead)),
            Reporter = new BeritaAcaraParty(Acknowledger(report), InstansiOf(issue.OpdName, issue.Letterhead)),
            WorkDone = Lines(report.ActionsTaken),
            Devices = devices,
            Result = "Gangguan jaringan telah ditangani dan jaringan di lokasi telah berfungsi kembali." +
                (report.RootCause is null ? "" : " Penyebab gangguan: " + Sentence(report.RootCause)),
            KnownBy = KnownByKasi(report),
        };
    }

    public static WorkReportDocument WorkReport(Report report, DocumentIssue issue)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(issue);
        var events = Ordered(report).ToList();
        var completed = events.LastOrDefault(e => e.Action == WorkflowAction.CompleteWork);
        var sinceCompletion = completed is null ? [] : events.SkipWhile(e => e != completed).Skip(1).ToList();

        // The review of the current work report: the last approval at each level since the work was (re)completed.
        var reviews = new[] { ReportStatus.KasiReview, ReportStatus.KabidReview, ReportStatus.KadisReview }
            .Select(level => sinceCompletion.LastOrDefault(e => e.Action == WorkflowAction.Approve && e.FromStatus == level))
            .OfType<ReportEvent>()
            .Select(e => new ReviewNote(SignerOf(e, e.AtUtc), e.Note ?? "Disetujui."))
            .ToList();

        // The devices are in the Berita Acara Pekerjaan's table; the results report refers to it (Laporan form).
        var actions = Lines(report.ActionsTaken).ToList();

        return new WorkReportDocument
        {
            Letterhead = issue.Letterhead,
            Number = issue.Number,
            IssuedAtUtc = issue.IssuedAtUtc,
            VerificationCode = VerificationCode.Display(issue.VerificationCode),
            VerificationUrl = issue.VerificationUrl,
            Supersedes = issue.Supersedes,
            ReportNumber = report.Number,
            OpdName = issue.OpdName,
            Location = report.Location,
            Category = Labels.Of(report.Category),
            FaultDescription = report.Description,
            ReceivedAtUtc = report.ReceivedAtUtc,
            CompletedAtUtc = report.WorkCompletedAtUtc ?? completed?.AtUtc ?? issue.IssuedAtUtc,
            WorkStartedAtUtc = report.WorkStartedAtUtc ?? Ordered(report).FirstOrDefault(e => e.Action == WorkflowAction.StartDiagnosis)?.AtUtc,
            WorkFinishedAtUtc = report.WorkFinishedAtUtc ?? report.WorkCompletedAtUtc,
            SiteVisitStartedAtUtc = report.InspectedAtUtc,
            SiteVisitEndedAtUtc = report.InspectionEndedAtUtc,
            Target = ServiceTarget,
            Diagnosis = Diagnosis(report),
            Actions = actions,
            Timeline = events.Select(e => new TimelineEntry(e.AtUtc, Activity(e) + Stated(report, events, e), ActorText(e))).ToList(),
            Technician = completed is null ? TeamLead(report) : SignerOf(completed, completed.AtUtc),
            Reviews = reviews,
            WorkBaNumber = issue.Related.GetValueOrDefault(DocumentType.WorkBa),
            Basis = Basis(report, issue),
        };
    }

    private static List<string> Basis(Report report, DocumentIssue issue)
    {
        var basis = new List<string>
        {
            $"Laporan gangguan jaringan Nomor {report.Number} tanggal {IndonesianDate.Format(Wib.DateOf(report.ReceivedAtUtc))}" +
            (report.LetterNumber is null ? "" : $" (surat Nomor {report.LetterNumber})") + ".",
            $"Lembar Disposisi Nomor Agenda {report.Number}.",
        };
        if (issue.Related.GetValueOrDefault(DocumentType.ReplacementRequestBa) is { } request)
            basis.Add($"Berita Acara Pengajuan Penggantian Perangkat Nomor {request}.");
        if (issue.Related.GetValueOrDefault(DocumentType.WorkBa) is { } work) basis.Add($"Berita Acara Pekerjaan Nomor {work}.");
        return basis;
    }

    /// <summary>Who the public verification page lists for a document, with what their signing space holds.</summary>
    public static IReadOnlyList<DocumentParty> Parties(OfficialDocument document) => document switch
    {
        ReportReceiptDocument d => [new("Pelapor", d.ReporterName, d.OpdName),
            .. d.ReceivedBy is { } officer ? [Party("Petugas penerima", officer)] : Array.Empty<DocumentParty>()],
        DispositionSheetDocument d => d.Steps.Select(s => Party("Disposisi oleh", s.From)).ToList(),
        DeviceReplacementBeritaAcaraDocument d => [Party("PIHAK PERTAMA", d.Reporter.Person), Party("PIHAK KEDUA", d.Technician.Person),
            Party("Mengetahui", d.KnownBy)],
        WorkBeritaAcaraDocument d => [Party("PIHAK PERTAMA", d.Technician.Person), Party("PIHAK KEDUA", d.Reporter.Person),
            .. d.KnownBy is { } known ? [Party("Mengetahui", known)] : Array.Empty<DocumentParty>()],
        WorkReportDocument d => [Party("Pelaksana", d.Technician), .. d.Reviews.Select(r => Party("Peninjau", r.Reviewer))],
        _ => [],
    };

    /// <summary>What a signer's space holds: approved, signed on the technician's phone, for a wet signature, or not yet.</summary>
    public static PartyStatus StatusOf(Signer signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.SignaturePng is { Length: > 0 }) return PartyStatus.SignedOnDevice;
        if (signer.ApprovedAtUtc is not null) return PartyStatus.Approved;
        return signer.WetOnly ? PartyStatus.WetSignature : PartyStatus.Pending;
    }

    /// <summary>
    /// The content of a document without its signatures, approvals, number, dates of issue and letterhead: two versions
    /// with the same substance differ only by who has signed, so the later one keeps the number. A different substance is
    /// a correction and takes a new number (ADR-005).
    /// </summary>
    public static string Substance(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var nobody = new Signer("", null, "");
        OfficialDocument core = document switch
        {
            ReportReceiptDocument d => d with { ReceivedBy = null },
            DispositionSheetDocument d => d with { Steps = d.Steps.Select(s => s with { From = s.From with { ApprovedAtUtc = null } }).ToList() },
            DeviceReplacementBeritaAcaraDocument d => d with
            {
                Reporter = d.Reporter with { Person = nobody }, Technician = d.Technician with { Person = nobody }, KnownBy = nobody,
            },
            WorkBeritaAcaraDocument d => d with
            {
                Reporter = d.Reporter with { Person = nobody }, Technician = d.Technician with { Person = nobody }, KnownBy = null,
            },
            // The timeline and the review notes grow with every review: they are the record of the approvals.
            WorkReportDocument d => d with { Technician = nobody, Reviews = [], Timeline = [] },
            _ => document,
        };
        core = core with
        {
            Letterhead = new LetterheadSettings { AgencyName = "", Address = "" },
            Number = "",
            IssuedAtUtc = default,
            VerificationCode = "",
            VerificationUrl = "",
            Supersedes = null,
            WetSignature = false,
        };
        return Core.Documents.DocumentSnapshot.SerializeForComparison(core);
    }

    /// <summary>The service standard's completion time.</summary>
    public static readonly TimeSpan ServiceTarget = TimeSpan.FromHours(24);

    /// <summary>A signer as the timeline recorded them; a Plh. carries the official's position and "Plh.".</summary>
    public static Signer SignerOf(ReportEvent step, DateTime? approvedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(step);
        var position = step.IsPlh
            ? step.OnBehalfOfPosition ?? Roles.Label(step.ActorRole)
            : step.ActorPosition ?? Roles.Label(step.ActorRole);
        return new Signer(step.ActorName, step.ActorNip, position, step.IsPlh, approvedAtUtc);
    }

    private static DocumentParty Party(string role, Signer signer) =>
        new(role, signer.Name, signer.PositionLine, StatusOf(signer), StatusOf(signer) is PartyStatus.Approved or PartyStatus.SignedOnDevice
            ? signer.ApprovedAtUtc
            : null);

    private static IEnumerable<ReportEvent> Ordered(Report report) => report.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id);

    private static ReportEvent? Last(Report report, WorkflowAction action) => Ordered(report).LastOrDefault(e => e.Action == action);

    /// <summary>
    /// "Mengetahui,": the Kepala Seksi (or Plh.) who approved the work since it was last completed, with that approval;
    /// before that approval, the Kasi who assigned the team with a space that is still to be filled ("belum").
    /// </summary>
    private static Signer KnownByKasi(Report report)
    {
        var events = Ordered(report).ToList();
        var completed = events.FindLastIndex(e => e.Action == WorkflowAction.CompleteWork);
        var approval = completed < 0
            ? null
            : events.Skip(completed + 1).LastOrDefault(e => e.Action == WorkflowAction.Approve && e.FromStatus == ReportStatus.KasiReview);
        if (approval is not null) return SignerOf(approval, approval.AtUtc);
        return Last(report, WorkflowAction.Assign) is { } assigned
            ? SignerOf(assigned, null)
            : new Signer(report.KasiName ?? "", null, Roles.Label(Roles.KepalaSeksi));
    }

    private static Signer TeamLead(Report report)
    {
        var lead = report.Technicians.FirstOrDefault(t => t.IsLead) ?? report.Technicians.FirstOrDefault();
        return new Signer(lead?.FullName ?? "", null, Roles.Label(Roles.Teknisi));
    }

    /// <summary>
    /// PIHAK KEDUA of the work Berita Acara: the reporter's acknowledgement in the application (electronic approval),
    /// their signature drawn on the technician's phone, or, not yet acknowledged, a blank space.
    /// </summary>
    private static Signer Acknowledger(Report report)
    {
        var position = report.ReporterPosition ?? ReporterPositionFallback;
        if (report.AcknowledgedAtUtc is not { } at) return new Signer(report.ReporterName, report.ReporterNip, position);

        var ack = Ordered(report).LastOrDefault(e => e.Action is WorkflowAction.Acknowledge or WorkflowAction.AcknowledgeOnSite);
        if (report.AcknowledgementSignaturePng is { Length: > 0 } png)
        {
            var name = report.AcknowledgedByName ?? report.ReporterName;
            var isReporter = string.Equals(name, report.ReporterName, StringComparison.OrdinalIgnoreCase);
            return new Signer(name, isReporter ? report.ReporterNip : null, isReporter ? position : "Wakil OPD pelapor",
                ApprovedAtUtc: at, SignaturePng: png);
        }

        return ack is { Action: WorkflowAction.Acknowledge }
            ? new Signer(ack.ActorName, ack.ActorNip, ack.ActorPosition ?? position, ApprovedAtUtc: at)
            : new Signer(report.AcknowledgedByName ?? report.ReporterName, report.ReporterNip, position, ApprovedAtUtc: at);
    }

    private static string Target(ReportEvent step, DocumentIssue issue)
    {
        var name = step.TargetName ?? "";
        return step.TargetUserId is not null && issue.People.TryGetValue(step.TargetUserId, out var person)
            && !string.IsNullOrWhiteSpace(person.Position)
            ? $"{person.Position}\n{name}"
            : name;
    }

    private static string Team(Report report) =>
        "Staf/Tim Data Center:\n" + string.Join("\n", report.Technicians.OrderByDescending(t => t.IsLead).ThenBy(t => t.Id)
            .Select(t => t.IsLead && report.Technicians.Count > 1 ? t.FullName + " (ketua tim)" : t.FullName));

    private static string Diagnosis(Report report)
    {
        var parts = new List<string>();
        if (report.FaultType is not null) parts.Add("Jenis gangguan: " + Sentence(report.FaultType));
        if (report.FaultLocation is not null)
        {
            parts.Add($"Lokasi gangguan: {report.FaultLocation} (" +
                (report.InDataCenterNetwork == true ? "di jaringan Data Center" : "di luar jaringan Data Center") + ").");
        }
        if (report.DiagnosisFindings is not null) parts.Add("Temuan: " + Sentence(report.DiagnosisFindings));
        if (report.InspectedAtUtc is { } visited && report.InspectionFindings is not null)
        {
            parts.Add($"Pemeriksaan di lokasi {Span(visited, report.InspectionEndedAtUtc)}" +
                (report.ReporterPresentAtInspection == true ? " bersama pelapor" : "") + ": " + Sentence(report.InspectionFindings));
        }
        if (report.RootCause is not null) parts.Add("Penyebab: " + Sentence(report.RootCause));
        return parts.Count == 0 ? "-" : string.Join(" ", parts);
    }

    /// <summary>
    /// The stated times of the last site visit and of the last completion, added to their rows of the kronologi in the
    /// same words as the Berita Acara Pekerjaan and section III (earlier visits or completions were superseded).
    /// </summary>
    private static string Stated(Report report, List<ReportEvent> events, ReportEvent e)
    {
        if (e.Action is WorkflowAction.InspectRepair or WorkflowAction.InspectReplace
            && e == events.LastOrDefault(x => x.Action is WorkflowAction.InspectRepair or WorkflowAction.InspectReplace)
            && report.InspectedAtUtc is { } visit)
        {
            return ". Kunjungan " + Span(visit, report.InspectionEndedAtUtc);
        }
        if (e.Action == WorkflowAction.CompleteWork && e == events.LastOrDefault(x => x.Action == WorkflowAction.CompleteWork)
            && report.WorkStartedAtUtc is { } start && report.WorkFinishedAtUtc is { } end)
        {
            return ". Pekerjaan " + Span(start, end);
        }
        return "";
    }

    private static string Span(DateTime startUtc, DateTime? endUtc) => IndonesianDate.SpanUtc(startUtc, endUtc);

    private static string Activity(ReportEvent e)
    {
        var text = WorkflowTable.ActionLabel(e.Action);
        if (e.TargetName is not null && e.Action is WorkflowAction.Dispose or WorkflowAction.Verify) text += ": " + e.TargetName;
        if (e.Note is not null && e.Action is WorkflowAction.Return or WorkflowAction.Dispute or WorkflowAction.Reject)
            text += ". Alasan: " + e.Note;
        return text;
    }

    private static string ActorText(ReportEvent e) => e.IsPlh ? $"{e.ActorName} ({e.CapacityTitle})" : e.ActorName;

    private static DispositionInstructions Instructions(StandardInstruction given)
    {
        (StandardInstruction From, DispositionInstructions To)[] pairs =
        [
            (StandardInstruction.UntukDiketahui, DispositionInstructions.ForInformation),
            (StandardInstruction.UntukDitindaklanjuti, DispositionInstructions.FollowUp),
            (StandardInstruction.SegeraSelesaikan, DispositionInstructions.ResolvePromptly),
            (StandardInstruction.Koordinasikan, DispositionInstructions.Coordinate),
            (StandardInstruction.PelajariDanBeriSaran, DispositionInstructions.StudyAndAdvise),
            (StandardInstruction.LaporkanHasilnya, DispositionInstructions.ReportBack),
            (StandardInstruction.Arsipkan, DispositionInstructions.Archive),
        ];
        return pairs.Where(p => given.HasFlag(p.From)).Aggregate(DispositionInstructions.None, (all, p) => all | p.To);
    }

    /// <summary>An OPD as a party's instansi: "Badan Kepegawaian Daerah Kota Tebing Tinggi" (the region added once).</summary>
    public static string InstansiOf(string opdName, LetterheadSettings letterhead)
    {
        ArgumentNullException.ThrowIfNull(opdName);
        ArgumentNullException.ThrowIfNull(letterhead);
        var region = RegionOf(letterhead);
        return region.Length == 0 || opdName.Contains(region, StringComparison.OrdinalIgnoreCase) ? opdName : $"{opdName} {region}";
    }

    private static string RegionOf(LetterheadSettings letterhead)
    {
        var region = letterhead.Government.Trim();
        const string prefix = "PEMERINTAH ";
        if (region.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) region = region[prefix.Length..];
        return CultureInfo.GetCultureInfo("id-ID").TextInfo.ToTitleCase(region.ToLowerInvariant());
    }

    /// <summary>"Dinas Komunikasi dan Informatika Kota Tebing Tinggi" from the letterhead.</summary>
    public static string AgencyOf(LetterheadSettings letterhead)
    {
        ArgumentNullException.ThrowIfNull(letterhead);
        var region = letterhead.Government.Trim();
        const string prefix = "PEMERINTAH ";
        if (region.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) region = region[prefix.Length..];
        var title = CultureInfo.GetCultureInfo("id-ID").TextInfo.ToTitleCase(region.ToLowerInvariant());
        return $"{letterhead.AgencyName} {title}".Trim();
    }

    private static List<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? ["-"]
            : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.TrimStart('-', '•', '*', ' ')).Where(l => l.Length > 0).Select(Sentence).ToList();

    private static string Sentence(string text)
    {
        var t = text.Trim();
        return t.Length == 0 || t[^1] is '.' or '!' or '?' ? t : t + ".";
    }


    private static string? Remarks(string? a, string? b) =>
        (a, b) switch
        {
            (null, null) => null,
            (_, null) => a,
            (null, _) => b,
            _ => $"{a}; {b}",
        };
}
