using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Tests.TestKit;

namespace Wit.Benchmarks;

/// <summary>
/// Cold <c>wit check</c> of each WASI workspace, a new process per run, side by side with upstream
/// (<c>../shared/tools/wit-oracle/wit-oracle check</c>, wasm-tools inside jco on Node): the median of five runs of
/// each, alternating, after one untimed run of each. <c>wit</c> is the Release build of <c>server/Wit.Cli</c>, or
/// the <c>wit.dll</c> named by <c>WIT_DLL</c>.
/// </summary>
internal static class ColdCheckBenchmark
{
    private const int Runs = 5;

    public static string Run(IReadOnlyList<WasiWorkspace> workspaces)
    {
        string witDll = Environment.GetEnvironmentVariable("WIT_DLL")
            ?? Path.Combine(RepoPaths.Root, "server", "Wit.Cli", "bin", "Release", "net10.0", "wit.dll");
        string oracle = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "wit-oracle", "wit-oracle"));
        const string title = "### Cold `wit check` versus upstream (`wit-oracle check`), median of 5 process runs\n\n";
        if (!File.Exists(witDll)) return title + $"> Skipped: no {witDll}; build it with `dotnet build -c Release server/Wit.Cli`.\n";
        if (!File.Exists(oracle)) return title + $"> Skipped: no oracle at {oracle}.\n";

        var table = new MarkdownTable("workspace", "wit check ms", "wit-oracle check ms", "oracle / wit", "exit codes (wit, oracle)");
        double witTotal = 0, oracleTotal = 0;
        foreach (var workspace in workspaces)
        {
            string[] witArguments = { witDll, "check", workspace.Path };
            string[] oracleArguments = { "check", workspace.Path };
            ProcessTiming.Run("dotnet", witArguments);
            ProcessTiming.Run(oracle, oracleArguments);
            var wit = new List<(double Milliseconds, int ExitCode)>();
            var upstream = new List<(double Milliseconds, int ExitCode)>();
            for (int run = 0; run < Runs; run++)
            {
                wit.Add(ProcessTiming.Run("dotnet", witArguments));
                upstream.Add(ProcessTiming.Run(oracle, oracleArguments));
            }

            double witMedian = Median(wit.Select(r => r.Milliseconds));
            double oracleMedian = Median(upstream.Select(r => r.Milliseconds));
            witTotal += witMedian;
            oracleTotal += oracleMedian;
            table.Add(
                workspace.Name,
                Format.Number(witMedian, "0"),
                Format.Number(oracleMedian, "0"),
                Format.Number(oracleMedian / witMedian, "0.00") + "×",
                $"{string.Join("", wit.Select(r => r.ExitCode).Distinct())}, {string.Join("", upstream.Select(r => r.ExitCode).Distinct())}");
        }

        table.Add("sum of medians", Format.Number(witTotal, "0"), Format.Number(oracleTotal, "0"), Format.Number(oracleTotal / witTotal, "0.00") + "×", "");
        return title + "> A ratio above 1 means `wit check` is faster.\n\n" + table;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
