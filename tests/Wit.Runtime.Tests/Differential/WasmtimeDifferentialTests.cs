using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Xunit;
using Xunit.Abstractions;
using RtStore = Wit.Runtime.Execution.Store;

namespace Wit.Runtime.Tests.Differential;

/// <summary>
/// Generated modules (<see cref="ModuleGenerator"/>) run on the runtime and on Wasmtime with the same arguments: every
/// call must give the same result or the same trap, and leave the same memory and global behind.
/// </summary>
public sealed class WasmtimeDifferentialTests
{
    private const int Modules = 2_000;
    private readonly ITestOutputHelper _output;

    public WasmtimeDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Generated_modules_agree_with_wasmtime()
    {
        using var engine = new Wasmtime.Engine();
        var disagreements = new List<string>();
        int calls = 0, traps = 0;
        for (int seed = 0; seed < Modules && disagreements.Count < 5; seed++)
        {
            var generator = new ModuleGenerator(seed);
            byte[] bytes = generator.Generate();

            var module = ModuleDecoder.Decode(bytes);
            var store = new RtStore();
            var ours = store.Instantiate(module, _ => null);

            using var theirModule = Wasmtime.Module.FromBytes(engine, "generated", bytes);
            using var theirStore = new Wasmtime.Store(engine);
            using var linker = new Wasmtime.Linker(engine);
            var theirs = linker.Instantiate(theirStore, theirModule);

            var random = new Random(seed);
            for (int f = 0; f < generator.FunctionCount; f++)
            {
                for (int call = 0; call < 3; call++)
                {
                    int a = random.Next(3) == 0 ? random.Next(-4, 4) : random.Next(int.MinValue, int.MaxValue);
                    long b = random.Next(3) == 0 ? random.Next(-4, 4) : random.NextInt64(long.MinValue, long.MaxValue);
                    string mine = RunOurs(store, ours, f, a, b);
                    string other = RunWasmtime(theirs, f, a, b);
                    calls++;
                    traps += mine.StartsWith("trap", StringComparison.Ordinal) ? 1 : 0;
                    string mineState = $"{mine}; global {ours.ExportedGlobal("g")!.Value.AsI32}; memory {Hash(ours.ExportedMemory("mem")!.Bytes)}";
                    var memory = theirs.GetMemory("mem")!;
                    string otherState = $"{other}; global {(int)theirs.GetGlobal("g")!.GetValue()!}; memory {Hash(memory.GetSpan(0, (int)memory.GetLength()))}";
                    if (mineState != otherState)
                    {
                        disagreements.Add($"seed {seed}, f{f}({a}, {b}): ours {mineState}, Wasmtime {otherState}\n{Convert.ToHexString(bytes)}");
                    }
                }
            }
        }
        _output.WriteLine($"{Modules} modules, {calls} calls ({traps} trapped), {disagreements.Count} disagreements");
        Assert.True(disagreements.Count == 0, string.Join("\n\n", disagreements));
        Assert.True(traps > 0 && traps < calls, $"{traps} of {calls} calls trapped: the generator should produce both outcomes");
    }

    private static string RunOurs(RtStore store, Instance instance, int f, int a, long b)
    {
        try
        {
            return "result " + store.Invoke(instance.ExportedFunction("f" + f)!, WasmValue.I32(a), WasmValue.I64(b))[0].AsI32;
        }
        catch (WasmTrapException e)
        {
            return "trap " + e.Reason switch
            {
                "integer divide by zero" => "IntegerDivisionByZero",
                "integer overflow" => "IntegerOverflow",
                "out of bounds memory access" => "MemoryOutOfBounds",
                "unreachable" => "Unreachable",
                "invalid conversion to integer" => "BadConversionToInteger",
                "call stack exhausted" => "StackOverflow",
                var other => other,
            };
        }
    }

    private static string RunWasmtime(Wasmtime.Instance instance, int f, int a, long b)
    {
        try
        {
            var result = instance.GetFunction("f" + f)!.Invoke(a, b);
            return "result " + (int)result!;
        }
        catch (Wasmtime.TrapException e)
        {
            return "trap " + e.Type;
        }
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
}
