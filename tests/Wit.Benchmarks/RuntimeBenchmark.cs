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
/// Wasmtime (compiled once, then one call per run). The results of every engine must agree, or the run fails. Times
/// are CPU times (<see cref="CpuTime"/>: the benchmark thread's, and wasm-interp's process's), so a loaded machine
/// slows them less than wall time; the engines are measured in turn, round by round, so load that drifts hits all.
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

            ulong ours = 0, oursHooked = 0, theirs = 0;
            string interpOutput = "";
            using var wasmtime = new WasmtimeKernel(bytes);
            var times = Rounds(samples,
                () => (CpuTime.ThreadMilliseconds, () => ours = RunOurs(bytes, hooks: false)),
                () => (CpuTime.ThreadMilliseconds, () => oursHooked = RunOurs(bytes, hooks: true)),
                () => (CpuTime.ChildrenMilliseconds, () => interpOutput = RunWasmInterp(path)),
                () => (CpuTime.ThreadMilliseconds, () => theirs = wasmtime.Run()));
            double plain = times[0], hooked = times[1], interp = times[2], wasmtimeMs = times[3];

            string expected = $"bench() => i64:{ours}";
            if (oursHooked != ours || theirs != ours || !interpOutput.Contains(expected, StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"{name}: results differ: ours {ours}, with hooks {oursHooked}, Wasmtime {theirs}, wasm-interp '{interpOutput.Trim()}'");
                status = 1;
            }
            table.Add(name, Format.Number(plain, "0"), Format.Number(hooked, "0"), Format.Number(hooked / plain), Format.Number(interp, "0"),
                Format.Number(interp / plain), Format.Number(wasmtimeMs, "0.0"), Format.Number(plain / wasmtimeMs, "0"));
        }
        Console.WriteLine(table);
        Console.WriteLine(CpuTime.IsCpuTime ? "(CPU times)" : "(wall times: CPU time is measured on Linux only)");
        return status;
    }

    /// <summary>
    /// Each engine once to warm up, then <paramref name="samples"/> rounds of every engine in turn; each engine's median
    /// time by its own clock.
    /// </summary>
    private static double[] Rounds(int samples, params Func<(Func<double> Clock, Action Run)>[] engines)
    {
        var runs = Array.ConvertAll(engines, e => e());
        var times = Array.ConvertAll(runs, _ => new List<double>());
        foreach (var (_, run) in runs)
        {
            run(); // warm-up (JIT)
        }
        for (int round = 0; round < samples; round++)
        {
            for (int e = 0; e < runs.Length; e++)
            {
                double start = runs[e].Clock();
                runs[e].Run();
                times[e].Add(runs[e].Clock() - start);
            }
        }
        return Array.ConvertAll(times, t =>
        {
            t.Sort();
            return t[t.Count / 2];
        });
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

    /// <summary>A kernel compiled once by Wasmtime; each run instantiates it in a new store and calls <c>bench</c>.</summary>
    private sealed class WasmtimeKernel : IDisposable
    {
        private readonly Wasmtime.Engine _engine = new();
        private readonly Wasmtime.Module _module;
        private readonly Wasmtime.Linker _linker;

        public WasmtimeKernel(byte[] bytes)
        {
            _module = Wasmtime.Module.FromBytes(_engine, "kernel", bytes);
            _linker = new Wasmtime.Linker(_engine);
        }

        public ulong Run()
        {
            using var store = new Wasmtime.Store(_engine);
            var instance = _linker.Instantiate(store, _module);
            return (ulong)instance.GetFunction<long>("bench")!();
        }

        public void Dispose()
        {
            _linker.Dispose();
            _module.Dispose();
            _engine.Dispose();
        }
    }
}
