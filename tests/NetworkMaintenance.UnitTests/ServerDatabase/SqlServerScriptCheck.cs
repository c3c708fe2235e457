using System.Text;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace NetworkMaintenance.UnitTests.ServerDatabase;

/// <summary>
/// Reads a SQL Server script the way sqlcmd and SSMS run it (batches separated by <c>GO</c>) and reports what would stop
/// it on a real server: a batch the newest T-SQL parser of ScriptDom cannot parse (also the SQL inside
/// <c>EXEC(N'…')</c>), and a batch that adds a column and uses it in a data statement. SQL Server compiles a whole batch
/// before running it, so such an UPDATE fails with "Invalid column name" on a database that did not have the column
/// yet; wrapped in <c>EXEC(N'…')</c> it binds at run time (docs/operations.md, "Migrations for SQL Server").
/// </summary>
public static partial class SqlServerScriptCheck
{
    /// <summary>The newest parser in the ScriptDom package (TSql180Parser in 180.154.0), found by name.</summary>
    public static Type NewestParserType { get; } = typeof(TSqlParser).Assembly.GetTypes()
        .Select(t => (Type: t, Match: ParserName().Match(t.Name)))
        .Where(x => x.Match.Success && typeof(TSqlParser).IsAssignableFrom(x.Type) && !x.Type.IsAbstract)
        .MaxBy(x => int.Parse(x.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Type;

    public static IReadOnlyList<string> Problems(string script)
    {
        var problems = new List<string>();
        foreach (var (batch, line) in Batches(script))
        {
            var fragment = Parse(batch, $"batch at line {line}", problems);
            if (fragment is null) continue;
            var visitor = new BatchVisitor();
            fragment.Accept(visitor);
            foreach (var (inner, index) in visitor.ExecutedStrings.Select((s, i) => (s, i)))
            {
                Parse(inner, $"EXEC string {index + 1} of the batch at line {line}", problems);
            }
            foreach (var (table, column) in visitor.AddedColumns)
            {
                if (visitor.UsedColumns.Contains(column))
                {
                    problems.Add($"The batch at line {line} adds the column [{table}].[{column}] and uses it in a data " +
                                 "statement: SQL Server compiles the batch first and stops with \"Invalid column name\". " +
                                 "Wrap the data-moving SQL in EXEC(N'…') (docs/operations.md).");
                }
            }
        }
        return problems;
    }

    /// <summary>The script's batches (split at lines holding only <c>GO</c>) with the line each starts on.</summary>
    public static IEnumerable<(string Batch, int Line)> Batches(string script)
    {
        var lines = script.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new StringBuilder();
        var start = 1;
        for (var i = 0; i < lines.Length; i++)
        {
            if (GoLine().IsMatch(lines[i]))
            {
                if (current.ToString().Trim().Length > 0) yield return (current.ToString(), start);
                current.Clear();
                start = i + 2;
                continue;
            }
            current.Append(lines[i]).Append('\n');
        }
        if (current.ToString().Trim().Length > 0) yield return (current.ToString(), start);
    }

    private static TSqlFragment? Parse(string sql, string where, List<string> problems)
    {
        var parser = (TSqlParser)Activator.CreateInstance(NewestParserType, [true])!;
        var fragment = parser.Parse(new StringReader(sql), out var errors);
        if (errors.Count == 0) return fragment;
        foreach (var error in errors)
        {
            problems.Add($"{NewestParserType.Name} cannot parse the {where}: line {error.Line}, column {error.Column}: {error.Message}");
        }
        return null;
    }

    private sealed class BatchVisitor : TSqlFragmentVisitor
    {
        private int _dataStatements;

        public List<(string Table, string Column)> AddedColumns { get; } = [];
        public HashSet<string> UsedColumns { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<string> ExecutedStrings { get; } = [];

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            foreach (var column in node.Definition?.ColumnDefinitions ?? [])
            {
                AddedColumns.Add((node.SchemaObjectName.BaseIdentifier.Value, column.ColumnIdentifier.Value));
            }
        }

        public override void ExplicitVisit(UpdateStatement node) => InData(() => base.ExplicitVisit(node));
        public override void ExplicitVisit(InsertStatement node) => InData(() => base.ExplicitVisit(node));
        public override void ExplicitVisit(DeleteStatement node) => InData(() => base.ExplicitVisit(node));
        public override void ExplicitVisit(MergeStatement node) => InData(() => base.ExplicitVisit(node));
        public override void ExplicitVisit(SelectStatement node) => InData(() => base.ExplicitVisit(node));

        public override void Visit(ColumnReferenceExpression node)
        {
            if (_dataStatements > 0 && node.MultiPartIdentifier is { Count: > 0 } name) UsedColumns.Add(name[^1].Value);
        }

        public override void Visit(ExecutableStringList node)
        {
            var text = new StringBuilder();
            foreach (var part in node.Strings)
            {
                if (part is StringLiteral literal) text.Append(literal.Value);
            }
            ExecutedStrings.Add(text.ToString());
        }

        private void InData(Action visit)
        {
            _dataStatements++;
            try
            {
                visit();
            }
            finally
            {
                _dataStatements--;
            }
        }
    }

    [GeneratedRegex(@"^TSql(\d+)Parser$")]
    private static partial Regex ParserName();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
