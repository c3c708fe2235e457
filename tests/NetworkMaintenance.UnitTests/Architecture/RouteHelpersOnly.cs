using System.Text.RegularExpressions;
using NetworkMaintenance.UnitTests.Workflow;

namespace NetworkMaintenance.UnitTests.Architecture;

/// <summary>
/// Links, form targets and redirects are made by route helpers (<c>asp-controller</c>/<c>asp-action</c>,
/// <c>Url.Action</c>, <c>RedirectToAction</c>), never written as literal application paths, so a route changes in one
/// place (its attribute on the action). Static files keep their <c>~/</c> paths; external addresses are not paths.
/// </summary>
public sealed partial class RouteHelpersOnly
{
    /// <summary>Literal paths that are not an action's route, with why.</summary>
    private static readonly string[] Allowed =
    [
        // none today: add "/path" here only for an endpoint that is not a controller action (e.g. a mapped health check)
    ];

    // href="/…", action="/…", formaction="/…", src="/…" (not "~/…" static files, not "//host" nor "#anchor").
    [GeneratedRegex("""\b(?:href|action|formaction|src)\s*=\s*["'](/(?!/)[^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralAttribute();

    // A C# string in a view that starts with an application path: "/laporan", $"/admin/unit/{id}", "/" as an argument
    // (not a path compared with one, as in `item.Url != "/"`).
    [GeneratedRegex("""(?<![=!]=\s*)(?:\$?@?"(/[A-Za-z0-9][^"]*)"|\$?"(/)"(?=\s*[,)]))""")]
    private static partial Regex LiteralPathString();

    // Redirect("/…"), LocalRedirect("/…"), Redirect($"/…") in controllers and services.
    [GeneratedRegex(""""\b(?:Local)?Redirect(?:Permanent)?\(\s*\$?"(/[^"]*)"""")]
    private static partial Regex LiteralRedirect();

    [Fact]
    public void No_view_writes_an_application_path_in_a_link_or_form()
    {
        var views = Path.Combine(WorkflowDocs.RepositoryRoot(), "src", "NetworkMaintenance.Web", "Views");
        var files = Directory.GetFiles(views, "*.cshtml", SearchOption.AllDirectories);
        Assert.True(files.Length > 50, $"only {files.Length} views found under {views}");

        var found = files.SelectMany(file => Breaches(File.ReadAllText(file))
                .Select(b => $"{Path.GetRelativePath(views, file)}: {b}"))
            .ToList();

        Assert.True(found.Count == 0, "Use asp-controller/asp-action or Url.Action instead of literal paths:\n"
            + string.Join("\n", found));
    }

    [Fact]
    public void No_controller_redirects_to_a_literal_path()
    {
        var web = Path.Combine(WorkflowDocs.RepositoryRoot(), "src", "NetworkMaintenance.Web");
        var files = Directory.GetFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var found = files.SelectMany(file => LiteralRedirect().Matches(File.ReadAllText(file))
                .Where(m => !Allowed.Contains(m.Groups[1].Value))
                .Select(m => $"{Path.GetRelativePath(web, file)}: {m.Value}"))
            .ToList();

        Assert.True(found.Count == 0, "Use RedirectToAction or Url.Action instead of literal paths:\n" + string.Join("\n", found));
    }

    /// <summary>The scan itself: it reports each kind of literal path and lets route helpers and static files through.</summary>
    [Theory]
    [InlineData("""<a href="/admin/pengguna">Pengguna</a>""", "/admin/pengguna")]
    [InlineData("""<a class="x" href="/laporan/@r.Id">x</a>""", "/laporan/@r.Id")]
    [InlineData("""<form method="post" action="/keluar">""", "/keluar")]
    [InlineData("""<button formaction="/admin/dokumen/pratinjau">""", "/admin/dokumen/pratinjau")]
    [InlineData("""<img src="/logo?v=@v" />""", "/logo?v=@v")]
    [InlineData("""<a href="/">Beranda</a>""", "/")]
    [InlineData("""@(new EmptyState("bi-x", "t", "x", "Atur ulang", "/laporan"))""", "/laporan")]
    [InlineData("""var url = $"/laporan/{r.Id}/dokumen/{d.Id}";""", "/laporan/{r.Id}/dokumen/{d.Id}")]
    public void The_scan_finds_literal_paths(string razor, string path) =>
        Assert.Contains(Breaches(razor), b => b.Contains(path, StringComparison.Ordinal));

    [Theory]
    [InlineData("""<a asp-controller="Users" asp-action="Index">Pengguna</a>""")]
    [InlineData("""<a href="@Url.Action("Xlsx", "GuestBook")?@query">Excel</a>""")]
    [InlineData("""<link rel="stylesheet" href="~/css/site.css" asp-append-version="true" />""")]
    [InlineData("""<script src="~/lib/bootstrap/js/bootstrap.bundle.min.js"></script>""")]
    [InlineData("""<a href="https://www.tebingtinggikota.go.id/">situs</a>""")]
    [InlineData("""<a href="#main">Lewati</a>""")]
    [InlineData("""<p>Kirim ke /standar-pelayanan atau 1/2 halaman</p>""")]
    [InlineData("""@foreach (var item in nav.Where(i => i.Url != "/"))""")]
    public void The_scan_lets_route_helpers_and_static_files_through(string razor) => Assert.Empty(Breaches(razor));

    [Fact]
    public void The_redirect_scan_finds_literal_redirects()
    {
        Assert.Single(LiteralRedirect().Matches("""return Redirect("/admin/dokumen");"""));
        Assert.Single(LiteralRedirect().Matches("""return LocalRedirect($"/laporan/{id}");"""));
        Assert.Empty(LiteralRedirect().Matches("""return RedirectToAction(nameof(Index));"""));
        Assert.Empty(LiteralRedirect().Matches("""return Redirect(Url.Action(nameof(Index)) + Request.QueryString);"""));
    }

    private static IEnumerable<string> Breaches(string razor) =>
        LiteralAttribute().Matches(razor).Select(m => m.Groups[1].Value)
            .Concat(LiteralPathString().Matches(razor).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .Where(path => !Allowed.Contains(path))
            .Select(path => $"literal path \"{path}\"");
}
