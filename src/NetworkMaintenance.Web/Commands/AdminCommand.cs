using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Commands;

/// <summary><c>admin create</c>: creates the first administrator of a production installation.</summary>
internal static class AdminCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create")
        {
            Console.Error.WriteLine("Usage: admin create --username NAME --name \"FULL NAME\" [--email EMAIL]");
            Console.Error.WriteLine("The password is read from NM_ADMIN_PASSWORD or asked for on the terminal.");
            return 2;
        }

        var userName = CommandLine.Option(args, "--username");
        var fullName = CommandLine.Option(args, "--name") ?? "Administrator Sistem";
        var email = CommandLine.Option(args, "--email");
        if (string.IsNullOrWhiteSpace(userName))
        {
            Console.Error.WriteLine("--username is required.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("NM_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = ReadHidden();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<UserProvisioning>();
        try
        {
            var created = await provisioning.CreateAdministratorAsync(userName, fullName, email, password);
            Console.WriteLine(created ? $"Administrator '{userName}' created." : $"User '{userName}' already exists; nothing changed.");
            return created ? 0 : 1;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static string ReadHidden()
    {
        if (Console.IsInputRedirected) return Console.ReadLine() ?? "";
        var chars = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (chars.Length > 0) chars.Length--; continue; }
            chars.Append(key.KeyChar);
        }
        Console.WriteLine();
        return chars.ToString();
    }
}
