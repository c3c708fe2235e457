using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Commands;

/// <summary>
/// Administrative commands run with the app's own configuration instead of starting the server:
/// <c>dotnet run --project src/NetworkMaintenance.Web -- admin create --username NAME --name "FULL NAME" [--email E]</c>
/// (the password comes from the NM_ADMIN_PASSWORD environment variable, or is asked for), and
/// <c>dotnet run --project src/NetworkMaintenance.Web -- documents sample --out FOLDER</c> (one sample PDF per document type).
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<WebApplication, string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["admin"] = AdminCommand.RunAsync,
        ["database"] = DatabaseCommand.RunAsync,
        ["documents"] = DocumentsCommand.RunAsync,
        ["files"] = FilesCommand.RunAsync,
        ["personal-data"] = PersonalDataCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.Services.PrepareDatabaseAsync();
        return await Commands[args[0]](app, args[1..]);
    }

    /// <summary>The value after <paramref name="name"/>, e.g. <c>--out folder</c>.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static void Register(string name, Func<WebApplication, string[], Task<int>> command) => Commands[name] = command;
}
