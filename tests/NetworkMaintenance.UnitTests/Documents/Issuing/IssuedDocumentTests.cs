using System.Security.Cryptography;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.UnitTests.Workflow;

namespace NetworkMaintenance.UnitTests.Documents.Issuing;

public class IssuedDocumentTests
{
    private static readonly DateTime At = new(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] Pdf = "%PDF-1.7 isi"u8.ToArray();

    private static IssuedDocument Issue(string number, IssuedDocument? previous = null) =>
        IssuedDocument.Issue(5, DocumentType.WorkBa, number, At, "tech", VerificationCode.New(), Pdf, "{}",
            [new DocumentParty("PIHAK PERTAMA", "Bayu Pratama", "Teknisi Jaringan")], previous);

    [Fact]
    public void AFirstIssueIsVersionOneWithTheHashOfItsBytes()
    {
        var document = Issue("000.8.3.3/1/BA-PK/Diskominfo/2026");

        Assert.Equal(1, document.Version);
        Assert.False(document.IsSuperseded);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), document.Sha256);
        Assert.Equal("berita-acara-pekerjaan-000.8.3.3-1-BA-PK-Diskominfo-2026.pdf", document.FileName());
        Assert.Equal("berita-acara-pekerjaan-000.8.3.3-1-BA-PK-Diskominfo-2026-basah.pdf", document.FileName(wetSignature: true));
        Assert.Equal(new DocumentParty("PIHAK PERTAMA", "Bayu Pratama", "Teknisi Jaringan"), Assert.Single(document.Parties));
    }

    [Fact]
    public void ACorrectionIsTheNextVersionAndSupersedesTheOldOneWhichIsKept()
    {
        var first = Issue("000.8.3.3/1/BA-PK/Diskominfo/2026");
        var second = Issue("000.8.3.3/2/BA-PK/Diskominfo/2026", first);

        Assert.Equal(2, second.Version);
        Assert.True(first.IsSuperseded);
        Assert.Same(second, first.SupersededBy);
        Assert.Equal(At, first.SupersededAtUtc);
        Assert.False(second.IsSuperseded);
        Assert.EndsWith("-v2.pdf", second.FileName(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheCurrentDocumentOfTheSameReportAndTypeCanBeSuperseded()
    {
        var first = Issue("1/2026");
        _ = Issue("2/2026", first);

        Assert.Throws<InvalidOperationException>(() => Issue("3/2026", first));
        var other = IssuedDocument.Issue(6, DocumentType.WorkBa, "4/2026", At, null, VerificationCode.New(), Pdf, "{}", [], null);
        Assert.Throws<InvalidOperationException>(() => Issue("5/2026", other));
    }

    [Fact]
    public void AFileNameNeverCarriesPathOrHeaderCharacters()
    {
        var document = IssuedDocument.Issue(5, DocumentType.Receipt, "GJ/2026\"; x=../..\\y", At, null, VerificationCode.New(), Pdf, "{}", [], null);
        Assert.Matches("^tanda-terima-[A-Za-z0-9.-]+\\.pdf$", document.FileName());
    }

    [Fact]
    public void AVerificationCodeMustBeInStoredForm() =>
        Assert.Throws<ArgumentException>(() => IssuedDocument.Issue(5, DocumentType.Receipt, "GJ-2026-000001", At, null,
            "ABCD-EFGH-JKLM-NPQR", Pdf, "{}", [], null));
}

public class DocumentTriggersTests
{
    [Theory]
    [InlineData(ReportStatus.Submitted, WorkflowAction.Submit, new[] { DocumentType.Receipt })]
    [InlineData(ReportStatus.Assigned, WorkflowAction.Assign, new[] { DocumentType.DispositionSheet })]
    [InlineData(ReportStatus.Replacing, WorkflowAction.SubmitReplacementRequest, new[] { DocumentType.ReplacementRequestBa })]
    [InlineData(ReportStatus.AwaitingAcknowledgement, WorkflowAction.CompleteWork, new[] { DocumentType.WorkBa, DocumentType.WorkReport })]
    [InlineData(ReportStatus.KasiReview, WorkflowAction.Acknowledge, new[] { DocumentType.WorkBa })]
    [InlineData(ReportStatus.Closed, WorkflowAction.Approve, new[] { DocumentType.WorkReport })]
    [InlineData(ReportStatus.KabidReview, WorkflowAction.Approve, new[] { DocumentType.WorkBa })]
    [InlineData(ReportStatus.KadisReview, WorkflowAction.Approve, new DocumentType[0])]
    [InlineData(ReportStatus.DisposedToKabid, WorkflowAction.Dispose, new DocumentType[0])]
    [InlineData(ReportStatus.Diagnosing, WorkflowAction.StartDiagnosis, new DocumentType[0])]
    public void EachStepIssuesTheDocumentsOfTheStandard(ReportStatus reached, WorkflowAction action, DocumentType[] expected)
    {
        var report = WorkflowFixture.InState(reached);
        var step = report.Events.Last();
        Assert.Equal(action, step.Action);
        Assert.Equal(expected, DocumentTriggers.After(step));
    }

    [Fact]
    public void OnSiteAcknowledgementAlsoReissuesTheWorkBeritaAcara()
    {
        var report = WorkflowFixture.InState(ReportStatus.AwaitingAcknowledgement);
        var step = report.AcknowledgeOnSite(WorkflowFixture.Technician,
            new OnSiteSignature("Pelapor", WorkflowFixture.SignaturePng), WorkflowFixture.Start.AddHours(5));
        Assert.Equal([DocumentType.WorkBa], DocumentTriggers.After(step));
    }
}

public class DocumentSettingsTests
{
    private static readonly DateTime At = new(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void TheDefaultsAreTheAgencyOfTheSeedWithValidPatterns()
    {
        var settings = DocumentSettings.CreateDefault();
        var letterhead = settings.ToLetterhead();

        Assert.Equal("PEMERINTAH KOTA TEBING TINGGI", letterhead.Government);
        Assert.Equal("Dinas Komunikasi dan Informatika", letterhead.AgencyName);
        Assert.Equal("diskominfo@tebingtinggikota.go.id", letterhead.Email);
        Assert.Equal("Tebing Tinggi", letterhead.City);
        Assert.Null(letterhead.Logo);
        Assert.All(DocumentTypes.LetterNumbered, t => Assert.Empty(DocumentNumberPattern.Validate(settings.NumberPattern(t))));
    }

    [Fact]
    public void APatternWithoutTheRunningNumberIsRefused()
    {
        var settings = DocumentSettings.CreateDefault();
        var ex = Assert.Throws<DomainException>(() => settings.SetNumberPattern(DocumentType.WorkBa, "BA/{year}", "admin", At));
        Assert.Contains("{seq}", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => settings.SetNumberPattern(DocumentType.Receipt, "TT/{seq}/{year}", "admin", At));

        settings.SetNumberPattern(DocumentType.WorkBa, " BA/{seq}/{year} ", "admin", At);
        Assert.Equal("BA/{seq}/{year}", settings.NumberPattern(DocumentType.WorkBa));
        Assert.Equal(("admin", (DateTime?)At), (settings.UpdatedByUserId, settings.UpdatedAtUtc));
    }

    [Fact]
    public void TheLogoIsAPngOrJpegOfAtMostOneMegabyte()
    {
        var settings = DocumentSettings.CreateDefault();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];

        settings.ReplaceLogo(jpeg, "admin", At);
        Assert.Equal(LogoImage.Jpeg, settings.LogoContentType);
        settings.ReplaceLogo(png, "admin", At);
        Assert.Equal(LogoImage.Png, settings.LogoContentType);
        Assert.Equal(png, settings.ToLetterhead().Logo!.Value.ToArray());

        Assert.Throws<DomainException>(() => settings.ReplaceLogo("GIF89a......"u8.ToArray(), "admin", At));
        Assert.Throws<DomainException>(() => settings.ReplaceLogo([.. png, .. new byte[LogoImage.MaxBytes]], "admin", At));
        Assert.Throws<DomainException>(() => settings.ReplaceLogo([], "admin", At));
        Assert.Equal(png, settings.Logo);

        settings.RemoveLogo("admin", At);
        Assert.Null(settings.ToLetterhead().Logo);
    }

    [Fact]
    public void TheLetterheadNeedsAGovernmentAnAgencyAnAddressAndACity()
    {
        var settings = DocumentSettings.CreateDefault();
        Assert.Throws<DomainException>(() => settings.UpdateLetterhead("", "Dinas", "Alamat", null, null, null, "Kota", "admin", At));
        Assert.Throws<DomainException>(() => settings.UpdateLetterhead("Pemda", "Dinas", "Alamat", null, null, null, " ", "admin", At));

        settings.UpdateLetterhead(" PEMERINTAH KOTA TEBING TINGGI ", "Dinas Kominfo", "Jl. Sutomo", " ", "a@b.id", null, "Tebing Tinggi", "admin", At);
        Assert.Equal("PEMERINTAH KOTA TEBING TINGGI", settings.Government);
        Assert.Null(settings.Phone);
    }
}
