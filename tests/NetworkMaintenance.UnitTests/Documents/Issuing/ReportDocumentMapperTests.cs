using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.UnitTests.Workflow;
using static NetworkMaintenance.UnitTests.Workflow.WorkflowFixture;
using DeviceCondition = NetworkMaintenance.Core.Domain.Reports.DeviceCondition;

namespace NetworkMaintenance.UnitTests.Documents.Issuing;

/// <summary>Report → document models: the data of the report's own steps, signers as the timeline recorded them.</summary>
public class ReportDocumentMapperTests
{
    private const string ReporterNip = "199003152015032001";
    private const string TechnicianNip = "199406062020121005";

    private static readonly HashSet<string> TechnicianRoles = [Roles.Teknisi];

    private static readonly WorkflowActor NamedReporter =
        new("pelapor", "Rina Marlina", "Pranata Komputer", ReporterNip, new HashSet<string> { Roles.Pelapor }, WorkflowFixture.Opd, []);

    private static readonly WorkflowActor NamedTechnician =
        new("tech", "Bayu Pratama, A.Md", "Teknisi Jaringan", TechnicianNip, TechnicianRoles, null, []);

    private static readonly WorkflowActor SecondTechnician = new("tech2", "Fajar Nugroho", null, null, TechnicianRoles, null, []);

    private static DocumentIssue Issue(DateTime at, string? supersedes = null) =>
        new(DocumentSamples.Letterhead, "000.8.3.3/7/BA-PK/Diskominfo/2026", at, "ABCDEFGHJKLMNPQR",
            "https://gangguan.example/verifikasi/ABCDEFGHJKLMNPQR", "Badan Kepegawaian Daerah", supersedes)
        {
            People = new Dictionary<string, PersonInfo>
            {
                ["kabid"] = new("Kabid", null, "Kepala Bidang Aplikasi Informatika"),
                ["kasi"] = new("Kasi", null, "Kepala Seksi Infrastruktur dan Jaringan"),
            },
        };

    /// <summary>A web report with the reporter's NIP, taken through the replacement path; the Kasi's Plh. assigns.</summary>
    private static (Report Report, Func<DateTime> Next) ReplacementReport()
    {
        var t = Start;
        DateTime Next() => t = t.AddMinutes(10);
        var r = Report.Receive(new NewReport(WorkflowFixture.Opd, NamedReporter.UserId, "Rina Marlina", ReporterNip, "Pranata Komputer",
            "+6281260000100", null, ReportChannel.Web, Start, "Gedung A lantai 2", FaultCategory.DeviceDamage, "Switch mati"),
            2026, 42, "ABCD2345", NamedReporter, Start);
        r.Dispose(Kadis, new Disposition(Person(Kabid), StandardInstruction.UntukDitindaklanjuti | StandardInstruction.SegeraSelesaikan,
            "Mohon segera", null), Next());
        r.Verify(Kabid, new Disposition(Person(Kasi), StandardInstruction.LaporkanHasilnya, null, null), Next());
        r.Assign(KasiPlh, new TechnicianAssignment([Person(NamedTechnician), Person(SecondTechnician)], NamedTechnician.UserId,
            StandardInstruction.Koordinasikan, "Cek switch"), Next());
        r.StartDiagnosis(NamedTechnician, null, Next());
        r.RecordDiagnosis(NamedTechnician, new DiagnosisInput("Putus koneksi", "Switch lantai 2", "Port uplink mati"), false, Next());
        r.RecordInspection(NamedTechnician, new InspectionInput(t, "Switch terbakar", true), replacementNeeded: true, Next());
        r.SubmitReplacementRequest(NamedReporter, new ReplacementRequestInput(
            [new DeviceLine("Switch 24 port", "TP-Link TL-SG1024", "SN-OLD-1", DeviceCondition.RusakBerat, "Terbakar")], null), Next());
        return (r, Next);
    }

    private static WorkReportInput Replaced => new("Mengganti switch\nMerapikan kabel", "Lonjakan listrik", [],
        [new DeviceLine("Switch 24 port", "TP-Link TL-SG1024", "SN-OLD-1", DeviceCondition.RusakBerat, null, "TP-Link TL-SG1024P", "SN-NEW-1")]);

    [Fact]
    public void Receipt_FromTheWebNeedsNoOfficer_FromTheFrontDeskIsSignedByTheOfficer()
    {
        var (web, _) = ReplacementReport();
        var receipt = ReportDocumentMapper.Receipt(web, Issue(Start) with { Number = web.Number });

        Assert.Equal(web.Number, receipt.Number);
        Assert.Equal(web.TrackingCode, receipt.TrackingCode);
        Assert.Equal(ReporterNip, receipt.ReporterNip);
        Assert.Equal("Aplikasi web", receipt.Channel);
        Assert.Equal("Kerusakan perangkat jaringan", receipt.Category);
        Assert.Equal("Badan Kepegawaian Daerah", receipt.OpdName);
        Assert.Equal("ABCD-EFGH-JKLM-NPQR", receipt.VerificationCode);
        Assert.Null(receipt.ReceivedBy);

        var frontDesk = FrontDesk with { FullName = "Dewi Lestari", Position = "Petugas Pelayanan", Nip = "199205102019032004" };
        var byLetter = Report.Receive(new NewReport(WorkflowFixture.Opd, null, "Rina Marlina", null, null, "+6281260000100", null, ReportChannel.Letter,
            Start, "Gedung A", FaultCategory.NoInternet, "Mati", "005/12/BKD/2026", new DateOnly(2026, 11, 29)), 2026, 43, "ABCD2346", frontDesk, Start);
        var officer = ReportDocumentMapper.Receipt(byLetter, Issue(Start)).ReceivedBy!;
        Assert.Equal(("Dewi Lestari", "199205102019032004", "Petugas Pelayanan", (DateTime?)Start),
            (officer.Name, officer.Nip, officer.Position, officer.ApprovedAtUtc));
        Assert.Contains("005/12/BKD/2026", ReportDocumentMapper.Receipt(byLetter, Issue(Start)).Channel, StringComparison.Ordinal);
    }

    [Fact]
    public void DispositionSheet_IsTheChainKadisKabidKasiWithInstructionsNotesAndPlh()
    {
        var (r, _) = ReplacementReport();
        var sheet = ReportDocumentMapper.DispositionSheet(r, Issue(Start.AddHours(1)));

        Assert.Equal(3, sheet.Steps.Count);
        var (kadis, kabid, kasi) = (sheet.Steps[0], sheet.Steps[1], sheet.Steps[2]);
        Assert.Equal(("Kadis", Kadis.Nip, "Kepala Dinas", false), (kadis.From.Name, kadis.From.Nip, kadis.From.Position, kadis.From.IsPlh));
        Assert.Equal("Kepala Bidang Aplikasi Informatika\nKabid", kadis.To);
        Assert.Equal(DispositionInstructions.FollowUp | DispositionInstructions.ResolvePromptly, kadis.Instructions);
        Assert.Equal("Mohon segera", kadis.Note);
        Assert.Equal(kadis.AtUtc, kadis.From.ApprovedAtUtc);
        Assert.Equal("Kepala Seksi Infrastruktur dan Jaringan\nKasi", kabid.To);
        Assert.Equal(DispositionInstructions.ReportBack, kabid.Instructions);

        // The Kasi's Plh. assigned: the acting person's name, the Kasi's position, "Plh.".
        Assert.True(kasi.From.IsPlh);
        Assert.Equal("Plh Kasi", kasi.From.Name);
        Assert.Equal("Plh. Kepala Seksi", kasi.From.PositionLine);
        Assert.Equal("Staf/Tim Data Center:\nBayu Pratama, A.Md (ketua tim)\nFajar Nugroho", kasi.To);
        Assert.Equal(DispositionInstructions.Coordinate, kasi.Instructions);

        Assert.Equal(DispositionUrgency.Urgent, sheet.Urgency);
        Assert.Equal(r.Number, sheet.AgendaNumber);
        Assert.Equal(r.Number, sheet.ReferenceNumber);
        Assert.Equal("Badan Kepegawaian Daerah (Rina Marlina)", sheet.From);
        // No due time given: the 24-hour target of the service standard.
        Assert.Equal(DateOnly.FromDateTime(Start.AddHours(7 + 24)), sheet.DueDate);
        Assert.Contains(ReportDocumentMapper.Parties(sheet), p => p.Position == "Plh. Kepala Seksi");
    }

    [Fact]
    public void ReplacementRequest_IsFiledByTheReporterWithTheInspectingTechnicianAndTheKasiWhoKnows()
    {
        var (r, _) = ReplacementReport();
        var request = r.Events.Last();
        var ba = ReportDocumentMapper.ReplacementRequest(r, Issue(request.AtUtc));

        Assert.Equal(("Rina Marlina", ReporterNip, "Pranata Komputer"), (ba.Reporter.Person.Name, ba.Reporter.Person.Nip, ba.Reporter.Person.Position));
        Assert.Equal(request.AtUtc, ba.Reporter.Person.ApprovedAtUtc);
        Assert.Equal("Badan Kepegawaian Daerah Kota Tebing Tinggi", ba.Reporter.Agency);
        Assert.Equal(("Bayu Pratama, A.Md", TechnicianNip), (ba.Technician.Person.Name, ba.Technician.Person.Nip));
        Assert.Equal("Dinas Komunikasi dan Informatika Kota Tebing Tinggi", ba.Technician.Agency);
        Assert.Equal("Switch terbakar.", ba.Reason);
        var device = Assert.Single(ba.Devices);
        Assert.Equal(new DeviceItem("Switch 24 port", "TP-Link TL-SG1024", "SN-OLD-1",
            DeviceCondition.RusakBerat, "Terbakar"), device);
        Assert.True(ba.KnownBy.IsPlh);
        Assert.Null(ba.KnownBy.ApprovedAtUtc);
    }

    [Fact]
    public void WorkBeritaAcara_BeforeAcknowledgementLeavesTheReporterBlank_AfterItCarriesTheSignature()
    {
        var (r, next) = ReplacementReport();
        r.CompleteWork(NamedTechnician, Replaced, next());
        var completed = ReportDocumentMapper.WorkBeritaAcara(r, Issue(r.WorkCompletedAtUtc!.Value));

        Assert.Equal(("Bayu Pratama, A.Md", TechnicianNip), (completed.Technician.Person.Name, completed.Technician.Person.Nip));
        Assert.Equal(r.WorkCompletedAtUtc, completed.Technician.Person.ApprovedAtUtc);
        Assert.Equal(("Rina Marlina", ReporterNip), (completed.Reporter.Person.Name, completed.Reporter.Person.Nip));
        Assert.Null(completed.Reporter.Person.ApprovedAtUtc);
        Assert.Null(completed.Reporter.Person.SignaturePng);
        Assert.Equal(["Mengganti switch.", "Merapikan kabel."], completed.WorkDone);
        var device = Assert.Single(completed.Devices);
        Assert.Equal(("SN-OLD-1", "SN-NEW-1", DeviceWorkAction.Replaced, "Pengganti: TP-Link TL-SG1024P"),
            (device.OldSerialNumber, device.NewSerialNumber, device.Action, device.Remarks));
        Assert.Contains("Penyebab gangguan: Lonjakan listrik.", completed.Result, StringComparison.Ordinal);
        Assert.Equal(r.Events.Single(e => e.Action == WorkflowAction.StartDiagnosis).AtUtc, completed.WorkStartedAtUtc);
        Assert.True(completed.KnownBy!.IsPlh);

        var signedAt = next();
        r.AcknowledgeOnSite(NamedTechnician, new OnSiteSignature("Rina Marlina", SignaturePng), signedAt);
        var signed = ReportDocumentMapper.WorkBeritaAcara(r, Issue(signedAt, supersedes: completed.Number));
        Assert.Equal(SignaturePng, signed.Reporter.Person.SignaturePng!.Value.ToArray());
        Assert.Equal(ReporterNip, signed.Reporter.Person.Nip);
        Assert.Equal(completed.Number, signed.Supersedes);
    }

    [Fact]
    public void WorkBeritaAcara_AcknowledgedInTheApplicationIsAnElectronicApprovalOfWhoeverAcknowledged()
    {
        var (r, next) = ReplacementReport();
        r.CompleteWork(NamedTechnician, Replaced, next());
        var at = next();
        r.Acknowledge(NamedReporter, "Sudah normal", at);

        var reporter = ReportDocumentMapper.WorkBeritaAcara(r, Issue(at)).Reporter.Person;

        Assert.Equal(("Rina Marlina", ReporterNip, "Pranata Komputer", (DateTime?)at), (reporter.Name, reporter.Nip, reporter.Position, reporter.ApprovedAtUtc));
        Assert.Null(reporter.SignaturePng);
    }

    [Fact]
    public void WorkReport_OnClosingCarriesTheLastReviewOfEachLevelSinceTheWorkWasCompleted()
    {
        var (r, next) = ReplacementReport();
        r.CompleteWork(NamedTechnician, Replaced, next());
        Assert.Empty(ReportDocumentMapper.WorkReport(r, Issue(next())).Reviews);

        r.Acknowledge(NamedReporter, null, next());
        r.Approve(Kasi, "Catatan lama", next());
        r.Return(Kabid, "Lengkapi foto", next());
        r.Return(Kasi, "Tambahkan foto perangkat", next());       // KasiReview → Revision
        r.CompleteWork(NamedTechnician, Replaced, next());
        r.Acknowledge(NamedReporter, null, next());
        r.Approve(KasiPlh, "Sesuai prosedur", next());
        r.Approve(Kabid, null, next());
        r.Return(Kadis, "Periksa lagi", next());                  // KadisReview → KabidReview
        r.Approve(Kabid, "Sudah diperiksa", next());
        var closedAt = next();
        r.Approve(Kadis, "Baik", closedAt);
        Assert.Equal(ReportStatus.Closed, r.Status);

        var report = ReportDocumentMapper.WorkReport(r, Issue(closedAt));

        Assert.Equal(["Sesuai prosedur", "Sudah diperiksa", "Baik"], report.Reviews.Select(v => v.Note));
        Assert.True(report.Reviews[0].Reviewer.IsPlh);
        Assert.Equal(closedAt, report.Reviews[2].Reviewer.ApprovedAtUtc);
        Assert.Equal(r.Events.Count, report.Timeline.Count);
        Assert.Contains(report.Timeline, e => e.Actor == "Plh Kasi (Plh. Kepala Seksi)");
        Assert.Contains(report.Timeline, e => e.Activity == "Laporan dikembalikan. Alasan: Periksa lagi");
        // The devices are in the Berita Acara Pekerjaan, which the results report refers to.
        Assert.DoesNotContain(report.Actions, a => a.Contains("SN-OLD-1", StringComparison.Ordinal));
        Assert.Contains("Jenis gangguan: Putus koneksi.", report.Diagnosis, StringComparison.Ordinal);
        Assert.Contains("di luar jaringan Data Center", report.Diagnosis, StringComparison.Ordinal);
        Assert.Contains("Switch terbakar", report.Diagnosis, StringComparison.Ordinal);
        Assert.Equal(r.WorkCompletedAtUtc, report.CompletedAtUtc);
        Assert.True(report.MetTarget);
        Assert.Equal(["Pelaksana", "Peninjau", "Peninjau", "Peninjau"], ReportDocumentMapper.Parties(report).Select(p => p.Role));
    }

    [Theory]
    [InlineData(DocumentType.Receipt)]
    [InlineData(DocumentType.DispositionSheet)]
    [InlineData(DocumentType.ReplacementRequestBa)]
    [InlineData(DocumentType.WorkBa)]
    [InlineData(DocumentType.WorkReport)]
    public void EveryMappedDocumentRendersAndReadsBackTheReportNumberAndTheVerificationCode(DocumentType type)
    {
        var (r, next) = ReplacementReport();
        r.CompleteWork(NamedTechnician, Replaced, next());
        var model = ReportDocumentMapper.Map(type, r, Issue(next()));

        Assert.IsType(ReportDocumentMapper.ModelType(type), model);
        var text = PdfText.Read(OfficialDocumentRenderer.Render(model)).All;
        Assert.Contains(r.Number, text, StringComparison.Ordinal);
        Assert.Contains("ABCD-EFGH-JKLM-NPQR", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AgencyOf_NamesTheAgencyWithItsRegion() =>
        Assert.Equal("Dinas Komunikasi dan Informatika Kota Tebing Tinggi", ReportDocumentMapper.AgencyOf(DocumentSamples.Letterhead));
}

public class DocumentSnapshotTests
{
    public static TheoryData<int> Samples => [0, 1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Samples))]
    public void ASnapshotReadBackRendersTheSameBytesAsTheOriginalModel(int index)
    {
        var sample = DocumentSamples.All()[index];
        var json = DocumentSnapshot.Serialize(sample);
        var back = DocumentSnapshot.Deserialize(json, sample.GetType());

        Assert.Equal(OfficialDocumentRenderer.Render(sample), OfficialDocumentRenderer.Render(back));
        Assert.Equal(OfficialDocumentRenderer.Render(sample with { WetSignature = true }),
            OfficialDocumentRenderer.Render(back with { WetSignature = true }));
    }

    [Fact]
    public void ASnapshotKeepsImagesAndTimesExactly()
    {
        var sample = DocumentSamples.WorkBeritaAcara();
        var back = (WorkBeritaAcaraDocument)DocumentSnapshot.Deserialize(DocumentSnapshot.Serialize(sample), typeof(WorkBeritaAcaraDocument));

        Assert.Equal(sample.Reporter.Person.SignaturePng!.Value.ToArray(), back.Reporter.Person.SignaturePng!.Value.ToArray());
        Assert.Equal(sample.Letterhead.Logo!.Value.ToArray(), back.Letterhead.Logo!.Value.ToArray());
        Assert.Equal(DateTimeKind.Utc, back.IssuedAtUtc.Kind);
        Assert.Equal(sample.IssuedAtUtc, back.IssuedAtUtc);
    }

    /// <summary>
    /// Snapshots stored while the document models had their own device-condition enum named the conditions in English:
    /// they still read, as the same conditions, and render the same labels.
    /// </summary>
    [Fact]
    public void ASnapshotStoredWithTheEnglishConditionNamesStillReads()
    {
        var sample = DocumentSamples.DeviceReplacementBeritaAcara() with
        {
            Devices = [new DeviceItem("Switch", "TP-Link", "SN1", DeviceCondition.Baik), new DeviceItem("AP", "UniFi", "SN2", DeviceCondition.RusakRingan),
                new DeviceItem("Router", "MikroTik", "SN3", DeviceCondition.RusakBerat)],
        };
        var current = DocumentSnapshot.Serialize(sample);
        var stored = current.Replace("\"Condition\":\"Baik\"", "\"Condition\":\"Good\"", StringComparison.Ordinal)
            .Replace("\"Condition\":\"RusakRingan\"", "\"Condition\":\"LightlyDamaged\"", StringComparison.Ordinal)
            .Replace("\"Condition\":\"RusakBerat\"", "\"Condition\":\"HeavilyDamaged\"", StringComparison.Ordinal);
        Assert.NotEqual(current, stored);

        var back = (DeviceReplacementBeritaAcaraDocument)DocumentSnapshot.Deserialize(stored, typeof(DeviceReplacementBeritaAcaraDocument));

        Assert.Equal([DeviceCondition.Baik, DeviceCondition.RusakRingan, DeviceCondition.RusakBerat], back.Devices.Select(d => d.Condition));
        Assert.Equal(OfficialDocumentRenderer.Render(sample), OfficialDocumentRenderer.Render(back));
    }

    [Fact]
    public void OnlyConcreteDocumentModelsCanBeRead() =>
        Assert.Throws<ArgumentException>(() => DocumentSnapshot.Deserialize("{}", typeof(OfficialDocument)));

    [Fact]
    public void ACorrectionSaysWhichDocumentItReplaces()
    {
        var text = PdfText.Read(OfficialDocumentRenderer.Render(DocumentSamples.WorkBeritaAcara() with
        {
            Supersedes = "000.8.3.3/104/Diskominfo/2026",
        })).Pages[0];
        Assert.Contains("Dokumen ini menggantikan dokumen Nomor 000.8.3.3/104/Diskominfo/2026.", text, StringComparison.Ordinal);
    }
}

public class ReportDocumentMapperTataNaskahTests
{
    private static DocumentIssue Issue() =>
        new(DocumentSamples.Letterhead, "000.8.3.3/7/BA-PP/Diskominfo/2026", Start, "ABCDEFGHJKLMNPQR",
            "https://gangguan.example/verifikasi/ABCDEFGHJKLMNPQR", "Badan Kepegawaian Daerah");

    [Fact]
    public void BothPartiesInstansiCarryTheCity()
    {
        var report = WorkflowFixture.InState(ReportStatus.Replacing);
        var request = ReportDocumentMapper.ReplacementRequest(report, Issue());

        Assert.Equal("Badan Kepegawaian Daerah Kota Tebing Tinggi", request.Reporter.Agency);
        Assert.Equal("Dinas Komunikasi dan Informatika Kota Tebing Tinggi", request.Technician.Agency);
        Assert.Equal(report.Location, request.Location);
        // Already named: not twice.
        Assert.Equal("Kecamatan Rambutan Kota Tebing Tinggi",
            ReportDocumentMapper.InstansiOf("Kecamatan Rambutan Kota Tebing Tinggi", DocumentSamples.Letterhead));
    }

    [Fact]
    public void NoLinePrintsNomorSeriDash()
    {
        var report = WorkflowFixture.InState(ReportStatus.Replacing);
        report.CompleteWork(WorkflowFixture.Technician, new WorkReportInput("Mengganti switch", null, [],
            [new DeviceLine("Switch 24 port", "TP-Link", null, DeviceCondition.RusakBerat, null, "TP-Link", "SN-NEW-1")]), Start.AddDays(1));

        var model = ReportDocumentMapper.WorkReport(report, Issue());

        Assert.DoesNotContain(model.Actions, a => a.Contains("nomor seri", StringComparison.Ordinal));
        var issued = ReportDocumentMapper.WorkReport(report, Issue() with
        {
            Related = new Dictionary<DocumentType, string> { [DocumentType.WorkBa] = "000.8.3.3/9/BA-PK/Diskominfo/2026" },
        });
        Assert.Equal("000.8.3.3/9/BA-PK/Diskominfo/2026", issued.WorkBaNumber);
        Assert.Contains("Berita Acara Pekerjaan Nomor 000.8.3.3/9/BA-PK/Diskominfo/2026.", issued.Basis);
    }
}
