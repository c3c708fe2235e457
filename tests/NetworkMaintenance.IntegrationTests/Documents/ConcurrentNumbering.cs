using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.Web.Features.Documents;
using NetworkMaintenance.Web.Features.Reports;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>Documents issued at the same moment, each in its own DI scope and transaction, never share a number.</summary>
public sealed class ConcurrentNumbering(AppFactory factory) : IClassFixture<AppFactory>
{
    private const int Parallel = 10;

    [Fact]
    public async Task TenReportsAndTenLetterNumberedDocumentsIssuedInParallelGetTenDistinctNumbersEach()
    {
        var reporterId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "pelapor").Select(u => u.Id).SingleAsync());
        var actor = (await factory.WithScopeAsync(sp => sp.GetRequiredService<ActorFactory>().ForUserAsync(reporterId)))!;

        // Ten reports received at once: each takes a report number and issues its receipt in its own transaction.
        var reports = await Task.WhenAll(Enumerable.Range(1, Parallel).Select(i => factory.WithScopeAsync(sp =>
            sp.GetRequiredService<ReportService>().ReceiveAsync(new NewReport(actor.OpdId!.Value, reporterId, "Rina Marlina", null,
                null, "+6281260000100", null, ReportChannel.Web, DateTime.UtcNow, $"Ruang {i}", FaultCategory.NoInternet,
                "Internet mati"), actor))));

        // Then ten results reports at once, through the issuer the workflow uses, each in its own scope and transaction.
        var numbers = await Task.WhenAll(reports.Select(r => factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // As the app does: the transaction is one unit of the execution strategy (a retrying one refuses it otherwise).
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync();
                var report = await sp.GetRequiredService<ReportService>().FindAsync(r.Id);
                var document = await sp.GetRequiredService<DocumentIssuer>().IssueAsync(report!, DocumentType.WorkReport, reporterId, DateTime.UtcNow);
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                return document.Number;
            });
        })));

        Assert.Equal(Parallel, reports.Select(r => r.Number).Distinct().Count());
        Assert.Equal(Parallel, numbers.Distinct().Count());
        // The counter hands out consecutive values: none lost, none given twice.
        var sequences = numbers.Select(n => long.Parse(n.Split('/')[1], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range((int)sequences[0], Parallel).Select(v => (long)v), sequences);

        var ids = reports.Select(r => r.Id).ToList();
        var receipts = await factory.QueryAsync(db => db.IssuedDocuments
            .Where(d => ids.Contains(d.ReportId) && d.Type == DocumentType.Receipt)
            .Select(d => new { d.ReportId, d.Number }).ToListAsync());
        Assert.Equal(Parallel, receipts.Count);
        Assert.All(receipts, d => Assert.Equal(reports.Single(r => r.Id == d.ReportId).Number, d.Number));
    }
}
