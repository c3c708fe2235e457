using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NetworkMaintenance.BrowserTests.Infrastructure;

/// <summary>Runs axe-core on the current page and fails on violations of impact "serious" or "critical".</summary>
public static class AxeScan
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        foreach (var minor in result.Violations.Where(v => !BlockingImpacts.Contains(v.Impact)))
        {
            output.WriteLine($"axe ({minor.Impact}) {minor.Id}: {minor.Help} [{Targets(minor)}]");
        }

        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"axe found serious or critical violations on {page.Url}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, blocking.Select(v =>
                $"- ({v.Impact}) {v.Id}: {v.Help} {v.HelpUrl}{Environment.NewLine}  at {Targets(v)}{Environment.NewLine}  {Explain(v)}")));
    }

    private static string Explain(Deque.AxeCore.Commons.AxeResultItem item) =>
        string.Join(Environment.NewLine + "  ", item.Nodes.Select(node =>
            node.Html + " — " + string.Join(" ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message))));

    private static string Targets(Deque.AxeCore.Commons.AxeResultItem item) =>
        string.Join("; ", item.Nodes.Select(n => n.Target?.ToString()));
}
