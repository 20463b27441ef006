using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using RtStore = Wit.Runtime.Execution.Store;

namespace Wit.Benchmarks;

/// <summary>
/// <c>runtime [--samples N]</c>: the freestanding kernels of <c>tests/Wit.Runtime.Tests/Programs/kernels</c> (clang,
/// an exported no-argument <c>bench</c>) on four engines, medians of N runs (default 5) of one <c>bench</c> call each:
/// the embedded interpreter without hooks, the same with <see cref="DebugHooks"/> attached and no breakpoint hit,
/// wabt's <c>wasm-interp --run-all-exports</c> (a process per run, so its start-up is included: a few milliseconds), and
/// Wasmtime (compiled once, then one call per run). The results of every engine must agree, or the run fails.
/// </summary>
internal static class RuntimeBenchmark
{
    public static int Run(string[] args)
    {
        int samples = args.Length >= 2 && args[0] == "--samples" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        string dir = RepoPaths.Combine("tests", "Wit.Runtime.Tests", "Programs", "kernels");
        var table = new MarkdownTable("kernel", "interpreter (ms)", "with hooks (ms)", "hooks / plain", "wasm-interp (ms)", "wasm-interp / ours", "Wasmtime (ms)", "ours / Wasmtime");
        int status = 0;
        foreach (var path in Directory.GetFiles(dir, "*.wasm").OrderBy(p => p, StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            byte[] bytes = File.ReadAllBytes(path);

            ulong ours = 0;
            double plain = Median(samples, () => ours = RunOurs(bytes, hooks: false));
            ulong oursHooked = 0;
            double hooked = Median(samples, () => oursHooked = RunOurs(bytes, hooks: true));
            string interpOutput = "";
            double interp = Median(samples, () => interpOutput = RunWasmInterp(path));
            ulong theirs = 0;
            double wasmtime = MedianWasmtime(bytes, samples, out theirs);

            string expected = $"bench() => i64:{ours}";
            if (oursHooked != ours || theirs != ours || !interpOutput.Contains(expected, StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"{name}: results differ: ours {ours}, with hooks {oursHooked}, Wasmtime {theirs}, wasm-interp '{interpOutput.Trim()}'");
                status = 1;
            }
            table.Add(name, Format.Number(plain, "0"), Format.Number(hooked, "0"), Format.Number(hooked / plain), Format.Number(interp, "0"),
                Format.Number(interp / plain), Format.Number(wasmtime, "0.0"), Format.Number(plain / wasmtime, "0"));
        }
        Console.WriteLine(table);
        return status;
    }

    private static double Median(int samples, Action action)
    {
        action(); // warm-up (JIT)
        var times = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static ulong RunOurs(byte[] bytes, bool hooks)
    {
        var store = new RtStore();
        if (hooks)
        {
            store.Debug = new DebugHooks { OnPause = _ => throw new InvalidOperationException("no breakpoint is set") };
        }
        var instance = store.Instantiate(ModuleDecoder.Decode(bytes), _ => null);
        return store.Invoke(instance.ExportedFunction("bench")!)[0].Bits;
    }

    private static string RunWasmInterp(string path)
    {
        var psi = new ProcessStartInfo("wasm-interp", $"--run-all-exports \"{path}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    private static double MedianWasmtime(byte[] bytes, int samples, out ulong result)
    {
        using var engine = new Wasmtime.Engine();
        using var module = Wasmtime.Module.FromBytes(engine, "kernel", bytes);
        using var linker = new Wasmtime.Linker(engine);
        ulong last = 0;
        double median = Median(samples, () =>
        {
            using var store = new Wasmtime.Store(engine);
            var instance = linker.Instantiate(store, module);
            var bench = instance.GetFunction<long>("bench")!;
            last = (ulong)bench();
        });
        result = last;
        return median;
    }
}
