using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Commands;

/// <summary>
/// <c>admin create</c>: creates the first administrator of a production installation (who enrolls an authenticator
/// app at the first sign-in). <c>admin reset-2fa</c>: turns off two-factor authentication of a user who lost both
/// the phone and the recovery codes (an administrator is then asked to enroll again at the next sign-in).
/// </summary>
internal static class AdminCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length > 0 && args[0] == "reset-2fa") return await ResetTwoFactorAsync(app, args);
        if (args.Length == 0 || args[0] != "create")
        {
            Console.Error.WriteLine("Usage: admin create --username NAME --name \"FULL NAME\" [--email EMAIL]");
            Console.Error.WriteLine("       admin reset-2fa --username NAME");
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
            Console.WriteLine(created
                ? $"Administrator '{userName}' created. At the first sign-in they enroll an authenticator app (two-factor authentication)."
                : $"User '{userName}' already exists; nothing changed.");
            return created ? 0 : 1;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static async Task<int> ResetTwoFactorAsync(WebApplication app, string[] args)
    {
        var userName = CommandLine.Option(args, "--username");
        if (string.IsNullOrWhiteSpace(userName))
        {
            Console.Error.WriteLine("--username is required.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var reset = await scope.ServiceProvider.GetRequiredService<UserProvisioning>().ResetTwoFactorAsync(userName);
        Console.WriteLine(reset
            ? $"Two-factor authentication of '{userName}' is off and their authenticator key replaced."
            : $"No user '{userName}'.");
        return reset ? 0 : 1;
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
