using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.IntegrationTests.Infrastructure;
using NetworkMaintenance.IntegrationTests.Workflow;

namespace NetworkMaintenance.IntegrationTests.Documents;

/// <summary>
/// Issue 16, point 7: the page header shows the kop surat's logo from the document settings through GET /logo (public,
/// cached under a versioned address), and an icon once the administrator removes the logo.
/// </summary>
public sealed partial class HeaderLogo(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private const string SettingsPage = "/admin/dokumen";
    private readonly WorkflowDriver _w = new(factory);

    [Fact]
    public async Task TheHeaderShowsTheKopLogo_ThenAnIconOnceItIsRemoved()
    {
        using var anonymous = WebSession.Create(factory);
        var login = await anonymous.GetPageAsync("/masuk");
        var src = LogoSrc().Match(login);
        Assert.True(src.Success, "The sign-in page's header has no logo.");

        using (var logo = await anonymous.GetAsync(src.Groups[1].Value))
        {
            Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
            var stored = await factory.QueryAsync(db => db.DocumentSettings.AsNoTracking().Select(s => s.Logo).SingleAsync());
            Assert.Equal(stored, await logo.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", logo.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.NotNull(logo.Headers.ETag);

            using var again = new HttpRequestMessage(HttpMethod.Get, "/logo");
            again.Headers.IfNoneMatch.Add(logo.Headers.ETag!);
            using var notModified = await anonymous.Client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        var admin = await _w.As("admin");
        using (var removed = await admin.SubmitMultipartAsync(SettingsPage, SettingsPage, Fields(await admin.GetPageAsync(SettingsPage), ("RemoveLogo", "true"))))
        {
            await HttpAssert.RedirectsToAsync(removed, SettingsPage);
        }

        var after = await anonymous.GetPageAsync("/masuk");
        Assert.DoesNotMatch(LogoSrc(), after);
        Assert.Contains("data-testid=\"brand-icon\"", after, StringComparison.Ordinal);
        using var gone = await anonymous.GetAsync("/logo");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Fields(string html, params (string Name, string Value)[] changes)
    {
        string[] names = ["Government", "AgencyName", "Address", "Phone", "Email", "Website", "City",
            "ReplacementRequestBaPattern", "WorkBaPattern", "WorkReportPattern",
            "MarginLeftMm", "MarginTopMm", "MarginRightMm", "MarginBottomMm", "BodySizePt"];
        var fields = names.ToDictionary(n => n, n => WebPageHelpers.InputValue(html, n) ?? "");
        foreach (var select in (string[])["Paper", "Font", "PageNumbers"])
        {
            fields[select] = WebPageHelpers.SelectedValues(html, select).Single();
        }
        foreach (var (name, value) in changes) fields[name] = value;
        return [.. fields];
    }

    [GeneratedRegex("<img src=\"(/logo\\?v=[0-9a-f]{16})\"")]
    private static partial Regex LogoSrc();

    public void Dispose() => _w.Dispose();
}
