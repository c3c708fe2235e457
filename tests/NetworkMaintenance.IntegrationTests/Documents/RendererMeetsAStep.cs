using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Domain.Workflow;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.Documents;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>
/// The background renderer stores the PDF of a document (its hash is the document's concurrency token) while a step
/// that supersedes that document is being saved. On PostgreSQL and SQL Server the two writers run side by side, and the
/// step read the document before the renderer's commit: found by CI, where the Kasi's approval right after the
/// reporter's acknowledgement was refused as "processed by someone else". The step is recorded, the renderer's file is
/// kept, and every version ends up rendered. On SQLite the write gate lets one writer in at a time, so the renderer
/// runs after the step; the same end state is checked.
/// </summary>
public sealed class RendererMeetsAStep : IDisposable
{
    private readonly RenderBeforeSupersedingSave _interleave = new();
    private readonly AppFactory _factory;
    private readonly WorkflowDriver _w;

    public RendererMeetsAStep()
    {
        _factory = new AppFactory
        {
            TestServices = services =>
            {
                // The documents stay pending until the step's save renders them (no background pass in between).
                foreach (var renderer in services.Where(d => d.ImplementationType == typeof(PendingDocumentsService)).ToList())
                {
                    services.Remove(renderer);
                }
                services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(_interleave));
            },
        };
        _w = new WorkflowDriver(_factory);
    }

    [Fact]
    public async Task TheKasisApprovalIsRecordedWhenTheRendererStoresTheSupersededBeritaAcaraMeanwhile()
    {
        var id = await _w.SubmitAsync();
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        // Acknowledged without the driver's status check, which would render the pending documents first.
        using (var response = await _w.StepAsync("pelapor", id, WorkflowAction.Acknowledge, ("Note", "Sudah normal, terima kasih")))
        {
            await HttpAssert.RedirectsToAsync(response, $"/laporan/{id}");
        }
        var acknowledged = await CurrentWorkBaAsync(id);
        Assert.Equal(2, acknowledged.Version);
        Assert.True(acknowledged.IsPendingRendering);

        _interleave.Arm(_factory.Services.GetRequiredService<PendingDocuments>(), onSqlite: AppFactory.PostgresServer is null);
        await _w.StepOkAsync("kasi", id, WorkflowAction.Approve, ReportStatus.KabidReview);
        await _interleave.FinishedAsync();
        if (!_interleave.OnSqlite)
        {
            // The race really happened: the superseded version was rendered and committed before the step's save.
            Assert.True(_interleave.RenderedBeforeTheSave > 0, "the renderer stored nothing before the step's save");
            Assert.Contains("met the document renderer; taking it again", await _factory.ReadLogsAsync(), StringComparison.Ordinal);
        }

        await PendingRenders.DrainAsync(_factory.Services);
        var versions = await _factory.QueryAsync(db => db.IssuedDocuments.AsNoTracking()
            .Where(d => d.ReportId == id && d.Type == DocumentType.WorkBa).OrderBy(d => d.Version).ToListAsync());
        Assert.Equal([1, 2, 3], versions.Select(d => d.Version));
        var superseded = versions.Single(d => d.Id == acknowledged.Id);
        Assert.True(superseded.IsSuperseded);
        Assert.Equal(versions[2].Id, superseded.SupersededById);
        Assert.All(versions, d =>
        {
            Assert.False(d.IsPendingRendering);
            Assert.Equal(IssuedDocument.HashOf(d.Pdf), d.Sha256);
        });
        Assert.Equal(1, await _factory.QueryAsync(db => db.ReportEvents.CountAsync(e => e.ReportId == id && e.Action == WorkflowAction.Approve)));
    }

    // Read as it is (not through AppFactory.QueryAsync, which renders the pending documents first).
    private Task<IssuedDocument> CurrentWorkBaAsync(int id) => _factory.WithScopeAsync(sp => sp.GetRequiredService<AppDbContext>()
        .IssuedDocuments.AsNoTracking().SingleAsync(d => d.ReportId == id && d.Type == DocumentType.WorkBa && !d.IsSuperseded));

    public void Dispose()
    {
        _w.Dispose();
        _factory.Dispose();
    }

    /// <summary>
    /// Once armed: when a save is about to supersede an issued document, the renderer stores every pending PDF first, on
    /// its own connection and transaction (awaited where writers run side by side; on SQLite it waits for the gate the
    /// step holds, and is awaited after the step).
    /// </summary>
    private sealed class RenderBeforeSupersedingSave : DbCommandInterceptor
    {
        private PendingDocuments? _renderer;
        private Task<int>? _rendering;
        private int _armed;

        public bool OnSqlite { get; private set; }

        public int RenderedBeforeTheSave { get; private set; }

        public void Arm(PendingDocuments renderer, bool onSqlite)
        {
            _renderer = renderer;
            OnSqlite = onSqlite;
            Volatile.Write(ref _armed, 1);
        }

        public Task FinishedAsync() => _rendering ?? Task.CompletedTask;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"SupersededById\"", StringComparison.Ordinal)
                && command.CommandText.Contains("UPDATE \"IssuedDocuments\"", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                // Its own task, so that it runs outside this command's flow (and, on SQLite, waits for the step).
                _rendering = Task.Run(() => _renderer!.RenderOldestAsync(50), CancellationToken.None);
                if (!OnSqlite) RenderedBeforeTheSave = await _rendering;
            }
            return result;
        }
    }
}
