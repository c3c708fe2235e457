using Mono.Cecil;

namespace NetworkMaintenance.UnitTests.Architecture;

/// <summary>
/// Issue #17 point 5, libraries for what libraries do: every CSV export is written by CsvHelper through
/// <c>Infrastructure/SpreadsheetCsv</c>, every .xlsx through <c>Infrastructure/SpreadsheetXlsx</c> (streamed by the app's
/// own writer since issue #18, as neither MiniExcel nor the Open XML SDK can stream to a response; read back in
/// <c>Sla/XlsxExport</c> by the Open XML SDK, uploads read with MiniExcel). No other class names those libraries.
/// </summary>
public sealed class OneWriterPerFormat
{
    private static readonly Lazy<ModuleDefinition> Web = new(() => ModuleDefinition.ReadModule(typeof(Program).Assembly.Location));

    [Theory]
    [InlineData("CsvHelper", "NetworkMaintenance.Web.Infrastructure.SpreadsheetCsv")]
    [InlineData("MiniExcelLibs", "NetworkMaintenance.Web.Infrastructure.SpreadsheetXlsx")]
    public void OnlyTheWriterNamesItsLibrary(string library, string writer)
    {
        var users = Web.Value.GetTypes()
            .Where(t => Named(t).Any(n => n == library || n.StartsWith(library + ".", StringComparison.Ordinal)))
            .Select(t => Outermost(t).FullName)
            .Distinct()
            .ToList();

        Assert.Equal([writer], users);
    }

    /// <summary>The namespaces of the types a class names in its method bodies, fields and signatures.</summary>
    private static IEnumerable<string> Named(TypeDefinition type)
    {
        foreach (var field in type.Fields) yield return field.FieldType.Namespace;
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType.Namespace;
            foreach (var parameter in method.Parameters) yield return parameter.ParameterType.Namespace;
            if (!method.HasBody) continue;
            foreach (var variable in method.Body.Variables) yield return variable.VariableType.Namespace;
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case MethodReference m: yield return m.DeclaringType.Namespace; break;
                    case TypeReference t: yield return t.Namespace; break;
                    case FieldReference f: yield return f.DeclaringType.Namespace; break;
                }
            }
        }
    }

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is null ? type : Outermost(type.DeclaringType);
}
