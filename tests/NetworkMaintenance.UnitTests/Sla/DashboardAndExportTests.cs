using System.Text;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Features.Dashboard;
using NetworkMaintenance.Web.Features.Reports;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.UnitTests.Sla;

public class KpiComputation
{
    [Fact]
    public void MedianNinetiethPercentileAndComplianceAreComputedFromClockSeconds()
    {
        var kpis = DashboardService.ComputeKpis(5, [3600 * 30, 3600 * 2, 3600 * 10, 3600 * 24], TimeSpan.FromHours(24));
        Assert.Equal(new Kpis(5, 4, MedianHours: 17, P90Hours: 30, CompliancePercent: 75), kpis);
    }

    [Fact]
    public void WithoutCompletedWorkThereAreNoTimes() =>
        Assert.Equal(new Kpis(2, 0, null, null, null), DashboardService.ComputeKpis(2, [], TimeSpan.FromHours(24)));

    [Fact]
    public void AnOpenReportAlreadyPastTheTargetCountsAsAMiss()
    {
        // Two completed on time and one open report already overdue: 2 of 3 decided, not 100 %.
        var kpis = DashboardService.ComputeKpis(4, [3600 * 2, 3600 * 10], TimeSpan.FromHours(24), openOverdue: 1);
        Assert.Equal(66.7, kpis.CompliancePercent);
        Assert.Equal(1, kpis.OpenOverdue);
    }

    [Fact]
    public void OnlyOverdueOpenReportsAndNothingCompletedIsZeroPercent()
    {
        var kpis = DashboardService.ComputeKpis(3, [], TimeSpan.FromHours(24), openOverdue: 2);
        Assert.Equal(new Kpis(3, 0, null, null, 0, 2), kpis);
    }
}

public class CsvExport
{
    [Fact]
    public void FieldsAreQuotedSeparatedBySemicolonsAndFormulasNeutralised()
    {
        var csv = Encoding.UTF8.GetString(SpreadsheetCsv.Write(["Nomor", "A", "B", "C"],
            [["GJ-2026-000001", "a; \"b\"", "=SUM(A1)", "baris\nbaru"]]));
        Assert.StartsWith("\uFEFF\"Nomor\";\"A\";", csv, StringComparison.Ordinal);
        Assert.EndsWith("\"GJ-2026-000001\";\"a; \"\"b\"\"\";\"'=SUM(A1)\";\"baris\nbaru\"\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReportListIsWrittenByTheSharedWriter()
    {
        var csv = Encoding.UTF8.GetString(ReportExport.Csv([new(["GJ-2026-000001", "", "BKD", "=1", "", "", "", "Gedung;-1", "", ""], DateTime.MinValue)]));
        Assert.EndsWith("\"GJ-2026-000001\";\"\";\"BKD\";\"'=1\";\"\";\"\";\"\";\"Gedung;'-1\";\"\";\"\"\r\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+62812", "'+62812")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t'=1+1")]
    [InlineData("Gedung;=1+1;", "Gedung;'=1+1;")]
    [InlineData("Gedung,+1,@A1", "Gedung,'+1,'@A1")]
    [InlineData("Gedung\t-1", "Gedung\t'-1")]
    [InlineData("Gedung\n=1", "Gedung\n'=1")]
    [InlineData("Rp 10.000 - 20.000", "Rp 10.000 - 20.000")]
    public void EveryFormulaTriggerIsNeutralisedAlsoAfterASeparatorInsideTheCell(string value, string expected)
    {
        var csv = Encoding.UTF8.GetString(SpreadsheetCsv.Write(["Kolom"], [[value]]));
        Assert.EndsWith("\r\n\"" + expected + "\"\r\n", csv, StringComparison.Ordinal);
    }
}

public class CsvIdentifiers
{
    [Theory]
    [InlineData("3276012345678901", "=\"3276012345678901\"")]
    [InlineData("0812611122", "=\"0812611122\"")]
    [InlineData("KTA-12345", "KTA-12345")]
    [InlineData("+6281261112233", "'+6281261112233")]
    [InlineData("-1234", "'-1234")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("", "")]
    public void OnlyAllDigitIdentifiersAreWrappedAndEverythingElseIsNeutralised(string value, string expected)
    {
        Assert.Equal(expected, SpreadsheetCsv.AsText(value));
        var csv = Encoding.UTF8.GetString(SpreadsheetCsv.Write(["Nama", "NIK"], [["=Budi", value]], identifierColumns: ["NIK"]));
        // The name column is not an identifier: neutralised as before.
        Assert.EndsWith("\r\n\"'=Budi\";\"" + expected.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingBackGivesTheDigits() => Assert.Equal("0276012345678901", SpreadsheetCsv.FromText("=\"0276012345678901\""));

    [Fact]
    public void AnUnknownIdentifierColumnIsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => SpreadsheetCsv.Write(["Nama"], [], identifierColumns: ["NIK"]));
}

public class OutboxBackoff
{
    [Fact]
    public void FailuresAreRetriedLaterAndLaterThenGivenUp()
    {
        var start = new DateTime(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);
        var mail = new OutboxEmail("kasi@example.go.id", "Subjek", "Isi", null, start);
        mail.MarkFailed("connection refused", start);
        Assert.Equal(start.AddMinutes(1), mail.NextAttemptAtUtc);
        mail.MarkFailed("connection refused", start);
        Assert.Equal(start.AddMinutes(2), mail.NextAttemptAtUtc);
        for (var i = 2; i < OutboxEmail.MaxAttempts - 1; i++) mail.MarkFailed("x", start);
        Assert.Equal(start.AddMinutes(60), mail.NextAttemptAtUtc);
        mail.MarkFailed("x", start);
        Assert.Null(mail.NextAttemptAtUtc);
        Assert.Null(mail.SentAtUtc);
    }
}
