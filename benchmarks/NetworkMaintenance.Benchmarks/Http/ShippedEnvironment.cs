namespace NetworkMaintenance.Benchmarks.Http;

/// <summary>
/// The runtime's environment variables the app ships with: the <c>DOTNET_*</c> assignments of the Dockerfile's
/// <c>ENV</c> instructions (the garbage collector's generation-0 budget, which no <c>runtimeconfig.json</c> setting can
/// give). The runner starts the app with them, so that it measures the configuration that ships; a variable already
/// set in the runner's own environment wins (for a comparison of settings), and is named as such.
/// </summary>
public static class ShippedEnvironment
{
    public static IReadOnlyDictionary<string, string> Read(string repositoryRoot)
    {
        var assignments = new Dictionary<string, string>(StringComparer.Ordinal);
        var dockerfile = Path.Combine(repositoryRoot, "Dockerfile");
        if (!File.Exists(dockerfile)) return assignments;
        // Join continuation lines, then read each ENV instruction's KEY=VALUE words.
        var instructions = File.ReadAllText(dockerfile).Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal)
            .Split('\n');
        foreach (var line in instructions)
        {
            var words = line.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || !words[0].Equals("ENV", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var word in words.Skip(1))
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && word.StartsWith("DOTNET_", StringComparison.Ordinal)) assignments[word[..equals]] = word[(equals + 1)..];
            }
        }
        return assignments;
    }

    /// <summary>Adds the shipped variables to <paramref name="env"/> unless the runner's environment sets them; prints both.</summary>
    public static void Apply(string repositoryRoot, IDictionary<string, string> env)
    {
        foreach (var (name, value) in Read(repositoryRoot))
        {
            if (Environment.GetEnvironmentVariable(name) is { } given)
            {
                Console.WriteLine($"Runtime environment: {name}={given} from the runner's environment (the Dockerfile ships {value}).");
                continue;
            }
            env[name] = value;
            Console.WriteLine($"Runtime environment as shipped (Dockerfile): {name}={value}.");
        }
    }
}
