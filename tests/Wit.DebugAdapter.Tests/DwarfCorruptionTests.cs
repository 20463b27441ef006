using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.DebugAdapter.Dwarf;
using Wit.DebugAdapter.Session;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime.Binary;
using Xunit;

namespace Wit.DebugAdapter.Tests;

/// <summary>
/// Malformed DWARF makes variables unavailable, never the adapter fail: the fixtures' DWARF sections with random bytes
/// changed, read at every C line's address with random wasm locals and memory, each variable formatted and expanded.
/// </summary>
public sealed class DwarfCorruptionTests
{
    private static readonly string[] Sections =
    {
        ".debug_info", ".debug_abbrev", ".debug_str", ".debug_str_offsets", ".debug_addr", ".debug_loclists", ".debug_rnglists",
        ".debug_loc", ".debug_ranges",
    };

    private sealed class RandomFrame : IWasmFrameState
    {
        private readonly ulong[] _locals;

        public RandomFrame(Random random, byte[] memory)
        {
            _locals = Enumerable.Range(0, 8).Select(_ => (ulong)random.Next(0, 70_000)).ToArray();
            Memory = memory;
        }

        public ulong? Local(int index) => index < _locals.Length ? _locals[index] : null;

        public ulong? Global(int index) => index == 0 ? 60_000UL : null;

        public ulong? Operand(int depthFromTop) => depthFromTop < 2 ? _locals[depthFromTop] : null;

        public byte[]? Memory { get; }
    }

    [Theory]
    [InlineData("debuggee.wasm", 1)]
    [InlineData("types-O0.wasm", 2)]
    [InlineData("types-O1.wasm", 3)]
    public void Mutated_DWARF_gives_unavailable_variables_not_exceptions(string program, int seed)
    {
        var original = File.ReadAllBytes(DapTestClient.Programs(program));
        var clean = new ProgramImage(ModuleDecoder.Decode(original), DapTestClient.Programs(program));
        var ranges = Sections.Select(clean.Section).Where(s => s is { Length: > 0 }).Select(s => s!.Value).ToList();
        // The C functions' line addresses: where the variables are looked up.
        var pcs = clean.Lines!.Ranges.Where(r => r.IsStmt && clean.ResolvedFiles[r.File] != null)
            .Select(r => clean.CodeContentStart + (int)r.Start).Distinct().ToList();
        Assert.NotEmpty(pcs);
        // Half the changes go to the C unit's own DIEs (the rest of .debug_info is wasi-libc's, which the pcs never reach).
        var info = clean.Section(".debug_info")!.Value;
        var unitRoot = clean.Dwarf!.ScopesAt((ulong)(pcs[0] - clean.CodeContentStart))[^1].Parent!;
        var unitRange = (Start: info.Start + unitRoot.Offset, Length: Math.Min(2000, info.Length - unitRoot.Offset));
        var random = new Random(seed);
        var memory = new byte[70_000];
        random.NextBytes(memory);
        int available = 0, unavailable = 0;
        for (int round = 0; round < 300; round++)
        {
            var bytes = (byte[])original.Clone();
            int changes = 1 + random.Next(8);
            for (int c = 0; c < changes; c++)
            {
                var (start, length) = random.Next(2) == 0 ? unitRange : ranges[random.Next(ranges.Count)];
                bytes[start + random.Next(length)] = (byte)random.Next(256);
            }
            var image = new ProgramImage(ModuleDecoder.Decode(bytes), DapTestClient.Programs(program));
            var frame = new RandomFrame(random, memory);
            foreach (int pc in pcs.Where((_, i) => i % 7 == round % 7))
            {
                var variables = CVariables.At(image, pc, frame);
                if (variables == null)
                {
                    unavailable++;
                    continue;
                }
                foreach (var (name, value) in variables)
                {
                    string text = CVariables.Format(value, memory);
                    if (!text.StartsWith('<'))
                    {
                        available++;
                    }
                    else
                    {
                        unavailable++;
                    }
                    foreach (var (childName, child) in CVariables.Children(value, name, memory, 0, 50))
                    {
                        Assert.NotNull(CVariables.Format(child, memory));
                        foreach (var (_, grandchild) in CVariables.Children(child, childName, memory, 0, 50))
                        {
                            Assert.NotNull(CVariables.Format(grandchild, memory));
                        }
                    }
                }
            }
        }
        // Most mutations leave most variables readable; some make variables, or a whole scope, unavailable: both paths ran.
        Assert.True(available > 0 && unavailable > 0, $"available {available}, unavailable {unavailable}");
    }
}
