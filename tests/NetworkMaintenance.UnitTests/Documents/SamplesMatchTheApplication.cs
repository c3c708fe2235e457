using System.Text.RegularExpressions;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Models;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.UnitTests.Workflow;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.UnitTests.Documents;

/// <summary>
/// Issue #13 point 9: the samples (and so the previews in docs/images) are what the application issues: numbers, codes,
/// approvals and times come from the same formatters and mapper, and the committed previews match the code.
/// </summary>
public class SamplesMatchTheApplication
{
    [Fact]
    public void NumbersAndCodesFollowTheApplicationsFormatters()
    {
        var report = DocumentSamples.SampleReport();
        var receipt = DocumentSamples.ReportReceipt();

        // The report number has the shape of Report.FormatNumber, the tracking code the form of ReportService's.
        Assert.Equal(Shape(Report.FormatNumber(2026, 1)), Shape(receipt.ReportNumber));
        Assert.Equal(report.Number, receipt.Number);
        Assert.Equal(ReportService.TrackingCodeLength, receipt.TrackingCode.Length);
        Assert.All(receipt.TrackingCode, c => Assert.Contains(c, ReportService.TrackingAlphabet));
        // The lembar disposisi is identified by its nomor agenda (the report number), never a letter number.
        Assert.Equal(report.Number, DocumentSamples.DispositionSheet().Number);

        foreach (var type in DocumentTypes.LetterNumbered)
        {
            // The default pattern of the type, as DocumentIssuer formats it: {seq} a running number, {year} the year.
            var pattern = "^" + Regex.Escape(DocumentNumberPattern.Default(type))
                .Replace(Regex.Escape(DocumentNumberPattern.Sequence), @"[1-9]\d*", StringComparison.Ordinal)
                .Replace(Regex.Escape(DocumentNumberPattern.Year), "2026", StringComparison.Ordinal) + "$";
            Assert.Matches(pattern, DocumentSamples.Issued(type).Number);
        }

        foreach (var sample in DocumentSamples.All())
        {
            var code = VerificationCode.Normalize(sample.VerificationCode);
            Assert.NotNull(code);
            Assert.Equal(VerificationCode.Display(code), sample.VerificationCode);
            Assert.Equal(DocumentOptions.VerificationUrl(DocumentSamples.PublicBaseUrl, code), sample.VerificationUrl);
        }
        Assert.Equal(5, DocumentSamples.All().Select(s => s.VerificationCode).Distinct().Count());
    }

    [Fact]
    public void EveryApprovalAndTimeInTheSamplesIsOneTheWalkedReportRecorded()
    {
        var report = DocumentSamples.SampleReport();
        Assert.Equal(ReportStatus.Closed, report.Status);
        var events = report.Events.ToList();

        foreach (var sample in DocumentSamples.All())
        {
            foreach (var party in ReportDocumentMapper.Parties(sample).Where(p => p.Status is PartyStatus.Approved or PartyStatus.SignedOnDevice))
            {
                Assert.Contains(events, e => e.AtUtc == party.AtUtc && (e.ActorName == party.Name || e.Action == WorkflowAction.AcknowledgeOnSite));
            }
        }

        var ba = DocumentSamples.WorkBeritaAcara();
        var results = DocumentSamples.WorkReport();
        Assert.Equal(report.WorkStartedAtUtc, ba.WorkStartedAtUtc);
        Assert.Equal(report.WorkFinishedAtUtc, ba.WorkFinishedAtUtc);
        Assert.Equal(report.InspectedAtUtc, ba.SiteVisitStartedAtUtc);
        Assert.Equal(report.InspectionEndedAtUtc, ba.SiteVisitEndedAtUtc);
        Assert.Equal((ba.WorkStartedAtUtc, ba.WorkFinishedAtUtc), (results.WorkStartedAtUtc!.Value, results.WorkFinishedAtUtc!.Value));
        Assert.Equal(report.ReceivedAtUtc, DocumentSamples.ReportReceipt().ReceivedAtUtc);
        // The final versions: "Mengetahui," is the Plh. Kasi's approval, the results report carries all three reviews.
        Assert.True(ba.KnownBy!.IsPlh);
        Assert.NotNull(ba.KnownBy.ApprovedAtUtc);
        Assert.Equal(3, results.Reviews.Count);
        Assert.Contains(DocumentSamples.NumberOf(DocumentType.WorkBa), results.Basis[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommittedPreviewsAreTheOnesTheCodeProduces()
    {
        var images = Path.Combine(WorkflowDocs.RepositoryRoot(), "docs", "images");
        var committed = File.ReadAllText(Path.Combine(images, DocumentPreviews.ManifestName)).ReplaceLineEndings("\n");

        // The manifest records the SHA-256 of the PDF each PNG was made from; the PDFs are byte-identical on every machine.
        Assert.True(DocumentPreviews.Manifest() == committed,
            "docs/images no longer shows what the code issues. Refresh the previews: " +
            "dotnet run --project src/NetworkMaintenance.Web -- documents previews --out docs/images (needs pdftoppm, poppler-utils).");
        Assert.All(DocumentPreviews.All(), p => Assert.True(File.Exists(Path.Combine(images, p.ImageName)), p.ImageName));
        var documentsMd = File.ReadAllText(Path.Combine(WorkflowDocs.RepositoryRoot(), "docs", "documents.md"));
        Assert.All(DocumentPreviews.All(), p => Assert.Contains("images/" + p.ImageName, documentsMd, StringComparison.Ordinal));
    }

    private static string Shape(string text) => Regex.Replace(text, @"\d", "9");
}
