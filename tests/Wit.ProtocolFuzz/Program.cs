using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Wit.ProtocolFuzz;

/// <summary>
/// <c>dotnet run -c Release --project tests/Wit.ProtocolFuzz -- [--seed N] [--scale N] [--class NAME]... [--no-large] [--slow-length CHARS] [--server PATH] [--smaps DIR] [--settle SECONDS] [--hold SECONDS] [--memory-bound]</c>:
/// starts the built language server (<c>dotnet PATH</c>, by default the Release build next to this repository's
/// server project) and runs every class of abuse; exits 1 when a check fails. <c>--smaps DIR</c> keeps a copy of the
/// server's /proc/PID/smaps at the start and after each class, to attribute its resident memory; <c>--hold SECONDS</c>
/// keeps the server open that long after the last class, before shutdown (time for <c>dotnet-gcdump collect -p PID</c>);
/// <c>--memory-bound</c> makes resident memory back within 20% of the start after every class one of the checks (the
/// published native server; a JIT-compiled one grows by the code it compiles).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int seed = 1, scale = 1, slowLength = 300_000;
        double settle = 10, hold = 0;
        bool large = true, memoryBound = false;
        string? server = null, smaps = null;
        var only = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed": seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--scale": scale = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--class": only.Add(args[++i]); break;
                case "--no-large": large = false; break;
                case "--memory-bound": memoryBound = true; break;
                case "--slow-length": slowLength = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--server": server = args[++i]; break;
                case "--smaps": smaps = args[++i]; break;
                case "--settle": settle = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--hold": hold = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'");
                    return 2;
            }
        }

        server ??= FindServer();
        Console.WriteLine($"server {server}, seed {seed}, scale {scale}");
        // A built server is a .dll run by dotnet; a published native one (npm run publish) runs by itself.
        var command = server.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new[] { "dotnet", server } : new[] { server };
        var fuzzer = new ProtocolFuzzer(command, seed, scale, Console.Out) { SlowDocumentLength = slowLength, MappingsDirectory = smaps, SettleTime = TimeSpan.FromSeconds(settle), HoldTime = TimeSpan.FromSeconds(hold) };
        try
        {
            bool ok = await fuzzer.RunAsync(only.Count == 0 ? null : only, large);
            var overBound = fuzzer.Results.Where(r => !r.WithinMemoryBound).Select(r => r.Name).ToList();
            Console.WriteLine(overBound.Count == 0
                ? "resident memory within 20% of the start after every class"
                : $"resident memory NOT within 20% of the start after: {string.Join(", ", overBound)}{(memoryBound ? "" : " (not a check without --memory-bound)")}");
            if (memoryBound) ok &= overBound.Count == 0;
            Console.WriteLine(ok ? "every check held" : "SOME CHECKS FAILED");
            return ok ? 0 : 1;
        }
        finally
        {
            fuzzer.Cleanup();
        }
    }

    private static string FindServer()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LanguageTools.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("run from inside the repository, or pass --server PATH");
        var candidates = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(directory.FullName, "server", "Wit.LanguageServer", "bin", c, "net10.0", "wit-language-server.dll"))
            .Where(File.Exists).ToList();
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException("build the server first (dotnet build -c Release server/Wit.LanguageServer)");
    }
}
