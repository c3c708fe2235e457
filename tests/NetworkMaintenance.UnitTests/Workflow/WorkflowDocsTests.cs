using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.UnitTests.Workflow;

/// <summary>docs/workflow.md is generated from the transition table and must not go stale.</summary>
public class WorkflowDocs
{
    [Fact]
    public void DocsWorkflowMarkdownMatchesTheTransitionTable()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "workflow.md");
        var expected = WorkflowDiagram.Markdown();
        if (Environment.GetEnvironmentVariable("NM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/workflow.md is missing; run NM_UPDATE_DOCS=1 dotnet test --filter WorkflowDocs");
        Assert.True(expected == File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal),
            "docs/workflow.md is stale; run NM_UPDATE_DOCS=1 dotnet test tests/NetworkMaintenance.UnitTests --filter WorkflowDocs");
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetworkMaintenance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
