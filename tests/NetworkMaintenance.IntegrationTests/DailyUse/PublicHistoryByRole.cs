using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.DailyUse;

/// <summary>
/// Issue 16, point 6: the public history of a closed report says which role approved at each level ("Laporan disetujui
/// (Kepala Seksi)", Kepala Bidang, Kepala Dinas) instead of repeating "Laporan disetujui", and never names the person.
/// </summary>
public sealed class PublicHistoryByRole(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task EachApprovalOfAClosedReportNamesTheRoleNotThePerson()
    {
        var id = await _w.SubmitAsync(description: "Internet ruang arsip mati, uji riwayat publik per peran");
        await _w.ToDiagnosingAsync(id);
        await _w.DiagnoseAsync(id, inDataCenter: true);
        await _w.CompleteRepairAsync(id);
        await _w.AcknowledgeAsync(id);
        await _w.ReviewUpAsync(id);
        var r = await factory.QueryAsync(db => db.Reports.Where(x => x.Id == id).Select(x => new { x.Number, x.TrackingCode }).SingleAsync());

        using var anonymous = WebSession.Create(factory);
        using var response = await anonymous.PostFormAsync("/lacak", [new("Nomor", r.Number), new("Kode", r.TrackingCode)]);
        var text = WebPageHelpers.Text(await HttpAssert.OkPageAsync(response));

        foreach (var role in new[] { "Kepala Seksi", "Kepala Bidang", "Kepala Dinas" })
        {
            Assert.Contains($"Laporan disetujui ({role})", text, StringComparison.Ordinal);
        }
        foreach (var person in new[] { "Rudi Hartono", "Hendra Gunawan", "Muhammad Fauzi", "Bayu Pratama" })
        {
            Assert.DoesNotContain(person, text, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _w.Dispose();
}
