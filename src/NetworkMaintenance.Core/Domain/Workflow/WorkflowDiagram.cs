using System.Globalization;
using System.Text;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Core.Domain.Workflow;

/// <summary>Writes docs/workflow.md from <see cref="Workflow.Transitions"/>; a test fails when the file is stale.</summary>
public static class WorkflowDiagram
{
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# The report workflow");
        md.AppendLine();
        md.AppendLine("Generated from `Workflow.Transitions` (src/NetworkMaintenance.Core/Domain/Workflow/Workflow.cs) by");
        md.AppendLine("`WorkflowDiagram.Markdown()`; the unit test `WorkflowDocs` fails when this file is stale. To regenerate:");
        md.AppendLine("`NM_UPDATE_DOCS=1 dotnet test tests/NetworkMaintenance.UnitTests --filter WorkflowDocs`.");
        md.AppendLine();
        md.AppendLine("```mermaid");
        md.AppendLine("stateDiagram-v2");
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"    {status} : {Labels.Of(status)}");
        }
        md.AppendLine("    [*] --> Submitted : Laporan diterima (langkah 1)");
        foreach (var t in Workflow.Transitions)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"    {t.From} --> {t.To} : {t.Action} ({ShortActor(t.Actor)})");
        }
        md.AppendLine("    Closed --> [*]");
        md.AppendLine("    Rejected --> [*]");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("## Transitions");
        md.AppendLine();
        md.AppendLine("| From | Action | To | Who may act (or their Plh.) | Required inputs | Seed steps | Button label |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var t in Workflow.Transitions)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {t.From} ({Labels.Of(t.From)}) | {t.Action} | {t.To} ({Labels.Of(t.To)}) | {Workflow.ActorLabel(t.Actor)} | {Inputs(t.Inputs)} | {t.SeedSteps} | {t.Label} |");
        }
        md.AppendLine();
        md.AppendLine("Every reject, return and dispute requires a reason. An action not listed for a state fails with a clear");
        md.AppendLine("message; a person not named in the rule is refused. Every transition appends a timeline event (who, in which");
        md.AppendLine("role or as Plh. for whom, when, from, to, note); events are never edited or deleted.");
        return md.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string ShortActor(ActorRule rule) => rule switch
    {
        ActorRule.KepalaDinas => "Kadis",
        ActorRule.DisposedKabid => "Kabid",
        ActorRule.DisposedKasi => "Kasi",
        ActorRule.AssignedTechnician => "Teknisi",
        ActorRule.Reporter => "Pelapor",
        ActorRule.ReporterOrFrontDesk => "Pelapor/Petugas",
        _ => rule.ToString(),
    };

    private static string Inputs(StepInput inputs) => inputs == StepInput.None
        ? "—"
        : string.Join(", ", Enum.GetValues<StepInput>().Where(i => i != StepInput.None && inputs.HasFlag(i)));
}
