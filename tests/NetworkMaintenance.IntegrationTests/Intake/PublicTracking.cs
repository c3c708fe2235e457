using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;
using NetworkMaintenance.Web.Features.PublicPages;

namespace NetworkMaintenance.IntegrationTests.Intake;

/// <summary>/lacak without signing in: the public part of the timeline for the right code, nothing for a wrong one.</summary>
public sealed class PublicTracking(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TheRightCodeShowsStateAndPublicStepsButNoNamesOrNotes()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        await driver.DisposeAsync(id);
        var (number, code) = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => new { r.Number, r.TrackingCode })
            .SingleAsync()).ContinueWith(t => (t.Result.Number, t.Result.TrackingCode));

        using var anonymous = WebSession.Create(factory);
        using var response = await anonymous.PostFormAsync("/lacak", [new("Nomor", number.ToLowerInvariant()), new("Kode", code)]);
        var html = await HttpAssert.OkPageAsync(response);
        var text = WebPageHelpers.Text(html);
        Assert.Contains("data-testid=\"tracked-report\"", html);
        Assert.Contains("Disposisi ke Kabid", text);
        Assert.Contains("janji layanan 24 jam", text);
        Assert.DoesNotContain("Mohon segera ditangani", text);
        Assert.DoesNotContain("Muhammad Fauzi", text);
        Assert.DoesNotContain("Hendra Gunawan", text);
    }

    [Fact]
    public async Task AWrongCodeAndAWrongNumberGetTheSameAnswer()
    {
        using var driver = new WorkflowDriver(factory);
        var id = await driver.SubmitAsync();
        var number = await factory.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());

        using var anonymous = WebSession.Create(factory);
        using var wrongCode = await anonymous.PostFormAsync("/lacak", [new("Nomor", number), new("Kode", "ZZZZZZZZ")]);
        using var wrongNumber = await anonymous.PostFormAsync("/lacak", [new("Nomor", "GJ-2099-999999"), new("Kode", "ZZZZZZZZ")]);
        var a = await HttpAssert.OkPageAsync(wrongCode);
        var b = await HttpAssert.OkPageAsync(wrongNumber);
        Assert.Contains(PublicController.NotFoundMessage, WebPageHelpers.Text(a));
        Assert.Contains(PublicController.NotFoundMessage, WebPageHelpers.Text(b));
        Assert.DoesNotContain("tracked-report", a);
        Assert.DoesNotContain("Disposisi", WebPageHelpers.Text(a));
        Assert.DoesNotContain("Diajukan", WebPageHelpers.Text(a));
    }

    [Fact]
    public async Task ThePublicPagesOpenWithoutSigningIn()
    {
        using var anonymous = WebSession.Create(factory);
        var standard = WebPageHelpers.Text(await anonymous.GetPageAsync("/standar-pelayanan"));
        Assert.Contains("Persyaratan", standard);
        Assert.Contains("Kepala Dinas melakukan review", standard);
        Assert.Contains("Tidak dipungut biaya", standard);
        Assert.Contains("diskominfo@tebingtinggikota.go.id", standard);
        Assert.Contains("1 hari (24 jam)", standard);
        await anonymous.GetPageAsync("/lacak");
        await anonymous.GetPageAsync("/pengaduan");
        Assert.Contains("/standar-pelayanan", await anonymous.GetPageAsync("/masuk"));
    }

    [Fact]
    public async Task TheAdministratorEditsTheServiceStandard()
    {
        using var admin = await WebSession.SignedInAsync(factory, "admin");
        var html = await admin.GetPageAsync("/admin/standar-pelayanan");
        var fields = new Form();
        foreach (var key in new[] { "persyaratan", "prosedur", "jangka-waktu", "biaya", "produk", "pengaduan" })
        {
            fields.Set($"body[{key}]", System.Net.WebUtility.HtmlDecode(WebPageHelpers.TextAreaValue(html, $"body[{key}]") ?? ""));
        }
        fields.Set("body[biaya]", "Tidak dipungut biaya (gratis).");
        using var response = await admin.PostFormAsync("/admin/standar-pelayanan", fields);
        await HttpAssert.RedirectsToAsync(response, "/admin/standar-pelayanan");
        using var anonymous = WebSession.Create(factory);
        Assert.Contains("Tidak dipungut biaya (gratis).", WebPageHelpers.Text(await anonymous.GetPageAsync("/standar-pelayanan")));
    }
}
