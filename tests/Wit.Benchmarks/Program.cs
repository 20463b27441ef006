using System;
using System.Runtime.InteropServices;

namespace Wit.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Wit.Benchmarks -- throughput|incremental|scaling|resolve|all</c>: prints
/// Markdown tables of medians measured with a Stopwatch after warm-up. <c>resolve</c> (warm WASI resolution, then cold
/// <c>wit check</c> processes against upstream's) is left out of <c>all</c>: it runs processes for a minute or two.
/// <c>keystroke-breakdown</c> splits the server benchmark's keystroke into its stages. <c>hosting</c> times the
/// bindings generator and the engine contract's calls (<see cref="HostingBenchmark"/>). <c>server-start [--runs N] [-- command args...]</c> times language server start to the <c>initialize</c> answer
/// (after <c>scripts/publish-server.sh</c>); <c>server-keystrokes [-- command args...]</c> times keystrokes against that
/// published server over stdio. <c>native [--runs N]</c> measures the shipping budgets against the builds of
/// <c>npm run publish</c>. <c>runtime [--samples N]</c> runs the runtime's benchmark kernels on the embedded interpreter
/// (without and with debug hooks), wabt's <c>wasm-interp</c> and Wasmtime (see <see cref="RuntimeBenchmark"/>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "all";

        // Not a timing: a pass/fail comparison with upstream (it needs node), so it has an exit code of its own.
        if (mode == "abi-oracle") return AbiOracleCheck.Run();
        if (mode == "abi-fuzz") return AbiOracleCheck.Fuzz(args[1..]);
        if (mode == "cabi-spec") return CabiSpecCheck.Run(args[1..]);

        // Process start-up of the published server builds, with options of its own (see ServerStartBenchmark).
        if (mode == "server-start") return ServerStartBenchmark.Run(args[1..]);
        if (mode == "server-keystrokes") return ServerProcessKeystrokes.Run(args[1..]);
        if (mode == "native") return NativeBenchmark.Run(args[1..]);
        if (mode == "process-start") return ProcessTiming.Compare(args[1..]);
        if (mode == "runtime") return RuntimeBenchmark.Run(args[1..]);

        Func<string>[]? benchmarks = mode switch
        {
            "throughput" => new Func<string>[] { ThroughputBenchmark.Run },
            "incremental" => new Func<string>[] { IncrementalBenchmark.Run },
            "scaling" => new Func<string>[] { ScalingBenchmark.Run },
            "resolve" => new Func<string>[] { ResolveBenchmark.Run },
            "server" => new Func<string>[] { ServerBenchmark.Run },
            "server-memory" => new Func<string>[] { ServerMemoryBenchmark.Run },
            "keystroke-breakdown" => new Func<string>[] { KeystrokeBreakdown.Run },
            "large" => new Func<string>[] { () => LargeInputBenchmark.Run(args[1..]) },
            "large-phases" => new Func<string>[] { () => LargeInputPhases.Run(args[1..]) },
            "document-memory" => new Func<string>[] { DocumentMemoryBenchmark.Run },
            "hosting" => new Func<string>[] { HostingBenchmark.Run },
            "all" => new Func<string>[] { ThroughputBenchmark.Run, IncrementalBenchmark.Run, ScalingBenchmark.Run },
            _ => null,
        };
        if (benchmarks is null)
        {
            Console.Error.WriteLine("usage: Wit.Benchmarks [throughput|incremental|scaling|resolve|all|abi-oracle|abi-fuzz [--seed N] [--count N]|cabi-spec [--seed N] [--count N]|server|server-memory|keystroke-breakdown|large [--max-lines N]|large-phases [--lines N] [--runs R]|document-memory|hosting|server-start [--runs N] [-- command args...]|server-keystrokes [-- command args...]|native [--runs N]]");
            return 2;
        }

#if DEBUG
        Console.WriteLine("> Warning: a Debug build; run with -c Release for meaningful numbers.\n");
#endif
        Console.WriteLine($"> {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores\n");
        foreach (var benchmark in benchmarks) Console.WriteLine(benchmark());
        return 0;
    }
}
