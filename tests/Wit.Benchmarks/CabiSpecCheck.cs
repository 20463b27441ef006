using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;

namespace Wit.Benchmarks;

/// <summary>
/// <c>cabi-spec [--seed N] [--count N]</c>: random value types (records, variants, enums past 256 cases, flags up to
/// 32, options, results, tuples, lists fixed and not, maps, strings, characters, handles, futures, streams, error contexts,
/// nested) laid out by <see cref="CanonicalAbi"/> and by the Canonical ABI specification's own Python definitions,
/// read at run time from <c>component-model-spec/CanonicalABI.md</c> in the corpus (<c>despecialize</c>,
/// <c>alignment</c>, <c>elem_size</c>, <c>flatten_type</c> and what they call) and run by <c>python3</c> over type
/// classes written here (the spec's <c>definitions.py</c> is not in the corpus). Compared for memory32 and memory64:
/// size, alignment, record field and fixed-size list element offsets, a variant's discriminant size and payload offset, flat core types. Needs
/// python3 (3.10 or later), so it is run by hand, not in CI; exit code 1 when any type disagrees.
/// </summary>
internal static class CabiSpecCheck
{
    /// <summary>The spec's functions used, and the ones they call.</summary>
    private static readonly HashSet<string> SpecFunctions = new(StringComparer.Ordinal)
    {
        "ptr_size", "despecialize", "alignment", "alignment_list", "alignment_record", "alignment_variant", "discriminant_type",
        "max_case_alignment", "alignment_flags", "elem_size", "elem_size_list", "elem_size_record", "align_to",
        "elem_size_variant", "elem_size_flags", "flatten_type", "flatten_list", "flatten_record", "flatten_variant", "join",
        "flatten_functype", "flatten_types",
    };

    /// <summary>The type classes the spec's functions match on, as its <c>definitions.py</c> declares them (fields in order).</summary>
    private const string Prelude = """
        import json, math, sys
        from dataclasses import dataclass
        from typing import Optional

        class Type: pass
        class ValType(Type): pass
        class PrimValType(ValType): pass
        @dataclass
        class BoolType(PrimValType): pass
        @dataclass
        class S8Type(PrimValType): pass
        @dataclass
        class U8Type(PrimValType): pass
        @dataclass
        class S16Type(PrimValType): pass
        @dataclass
        class U16Type(PrimValType): pass
        @dataclass
        class S32Type(PrimValType): pass
        @dataclass
        class U32Type(PrimValType): pass
        @dataclass
        class S64Type(PrimValType): pass
        @dataclass
        class U64Type(PrimValType): pass
        @dataclass
        class F32Type(PrimValType): pass
        @dataclass
        class F64Type(PrimValType): pass
        @dataclass
        class CharType(PrimValType): pass
        @dataclass
        class StringType(PrimValType): pass
        @dataclass
        class ErrorContextType(ValType): pass
        @dataclass
        class ListType(ValType):
          t: ValType
          l: Optional[int] = None
        @dataclass
        class FieldType:
          label: str
          t: ValType
        @dataclass
        class RecordType(ValType):
          fields: list
        @dataclass
        class TupleType(ValType):
          ts: list
        @dataclass
        class CaseType:
          label: str
          t: Optional[ValType]
        @dataclass
        class VariantType(ValType):
          cases: list
        @dataclass
        class EnumType(ValType):
          labels: list
        @dataclass
        class OptionType(ValType):
          t: ValType
        @dataclass
        class ResultType(ValType):
          ok: Optional[ValType]
          error: Optional[ValType]
        @dataclass
        class FlagsType(ValType):
          labels: list
        @dataclass
        class MapType(ValType):
          k: ValType
          v: ValType
        @dataclass
        class OwnType(ValType):
          rt: object = None
        @dataclass
        class BorrowType(ValType):
          rt: object = None
        @dataclass
        class StreamType(ValType):
          t: Optional[ValType]
        @dataclass
        class FutureType(ValType):
          t: Optional[ValType]

        @dataclass
        class FuncType:
          params: list
          result: Optional[ValType]
          def param_types(self): return self.params
          def result_type(self): return [] if self.result is None else [self.result]
        @dataclass
        class CoreFuncType:
          params: list
          results: list

        class Memory:
          def __init__(self, ptr_type): self.addrtype = ptr_type
          def ptr_type(self): return self.addrtype
        class Options:
          def __init__(self, ptr_type, async_=False, callback=False):
            self.memory = Memory(ptr_type)
            self.async_ = async_
            self.callback = callback

        """;

    /// <summary>Reads one type expression a line and prints what the spec's functions make of it, as JSON.</summary>
    private const string Driver = """

        def layout(t, ptr):
          d = despecialize(t)
          out = { 'size': elem_size(t, ptr), 'align': alignment(t, ptr), 'flat': flatten_type(t, Options(ptr)),
                  'offsets': [], 'discriminant': 0, 'payload': 0 }
          if isinstance(d, RecordType):
            s = 0
            for f in d.fields:
              s = align_to(s, alignment(f.t, ptr))
              out['offsets'].append(s)
              s += elem_size(f.t, ptr)
          if isinstance(d, ListType) and d.l is not None:
            # store_list_into_valid_range: element i at i * elem_size.
            out['offsets'] = [i * elem_size(d.t, ptr) for i in range(d.l)]
          if isinstance(d, VariantType):
            out['discriminant'] = elem_size(discriminant_type(d.cases), ptr)
            out['payload'] = align_to(out['discriminant'], max_case_alignment(d.cases, ptr))
          return out

        # The five ways a function is lifted or lowered, named as the layout oracle names them.
        variants = { 'sync-lift': (False, False, 'lift'), 'sync-lower': (False, False, 'lower'),
                     'async-lift-callback': (True, True, 'lift'), 'async-lift-stackful': (True, False, 'lift'),
                     'async-lower': (True, False, 'lower') }

        def signatures(ft, ptr):
          out = {}
          for name, (async_, callback, context) in variants.items():
            core = flatten_functype(Options(ptr, async_, callback), ft, context)
            out[name] = ' '.join(core.params) + ' -> ' + ' '.join(core.results)
          return out

        for line in sys.stdin:
          t = eval(line)
          if isinstance(t, FuncType):
            print(json.dumps({ 'ptr32': signatures(t, 'i32'), 'ptr64': signatures(t, 'i64') }), flush=True)
          else:
            print(json.dumps({ 'ptr32': layout(t, 'i32'), 'ptr64': layout(t, 'i64') }), flush=True)
        """;

    public static int Run(string[] args)
    {
        int seed = 1, count = 500;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--seed") seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--count") count = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        string script = Path.Combine(Path.GetTempPath(), $"cabi-spec-{Environment.ProcessId}.py");
        File.WriteAllText(script, Prelude.Replace("\r\n", "\n") + SpecDefinitions(File.ReadAllText(Corpus.PathOf("component-model-spec", "CanonicalABI.md"))) + Driver.Replace("\r\n", "\n"));
        var random = new Random(seed);
        var types = new List<(string Wit, string Python)>();
        var declarations = new List<string> { "resource res;" };
        for (int i = 0; i < count; i++) types.Add(RandomType(random, declarations, 3));

        // As many functions, of up to 20 parameters (past the 16 flat ones; a borrow among them now and then) and a result or none.
        var functions = new List<(string Wit, string Python)>();
        for (int i = 0; i < count; i++)
        {
            var parameters = Enumerable.Range(0, random.Next(random.Next(4) == 0 ? 21 : 6))
                .Select(_ => random.Next(10) == 0 ? ("borrow<res>", "BorrowType()") : RandomType(random, declarations, 2)).ToList();
            var result = random.Next(3) == 0 ? ((string, string)?)null : RandomType(random, declarations, 2);
            functions.Add((
                $"func({string.Join(", ", parameters.Select((p, j) => $"p{j}: {p.Item1}"))}){(result is { } r ? " -> " + r.Item1 : string.Empty)}",
                $"FuncType([{string.Join(", ", parameters.Select(p => p.Item2))}], {result?.Item2 ?? "None"})"));
        }

        var text = new StringBuilder("package spec:abi;\ninterface i {\n");
        foreach (string declaration in declarations) text.Append("  ").Append(declaration).Append('\n');
        for (int i = 0; i < types.Count; i++) text.Append($"  type t{i} = {types[i].Wit};\n");
        for (int i = 0; i < functions.Count; i++) text.Append($"  fun{i}: {functions[i].Wit};\n");
        text.Append("}\n");
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/spec.wit", text.ToString()), "/spec.wit");
        if (model.Diagnostics.FirstOrDefault() is { } problem)
        {
            Console.Error.WriteLine($"the generated package does not resolve: {problem.Message}");
            return 2;
        }

        var @interface = model.Interfaces.Single(x => x.Name == "i");
        var info = new ProcessStartInfo("python3", script) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var python = Process.Start(info)!;
        var differences = new List<string>();
        var abis = new[] { ("ptr32", new CanonicalAbi(memory64: false)), ("ptr64", new CanonicalAbi(memory64: true)) };
        for (int i = 0; i < types.Count; i++)
        {
            python.StandardInput.WriteLine(types[i].Python);
            python.StandardInput.Flush();
            string? line = python.StandardOutput.ReadLine();
            if (line is null)
            {
                Console.Error.WriteLine($"python3 stopped at type {i}: {types[i].Python}");
                return 2;
            }

            using var spec = JsonDocument.Parse(line);
            @interface.Types.TryGetValue($"t{i}", out var definition);
            foreach (var (key, abi) in abis)
            {
                var expected = spec.RootElement.GetProperty(key);
                var layout = abi.Layout(definition!);
                var flat = abi.Flatten(WitType.Of(definition!));
                string ours = Describe(layout?.Size, layout?.Alignment, layout?.FieldOffsets, layout?.DiscriminantSize, layout?.PayloadOffset, flat?.Values?.Select(CoreValueTypes.Name));
                string theirs = Describe(
                    expected.GetProperty("size").GetInt64(), expected.GetProperty("align").GetInt32(),
                    expected.GetProperty("offsets").EnumerateArray().Select(o => o.GetInt64()).ToList(),
                    expected.GetProperty("discriminant").GetInt32(), expected.GetProperty("payload").GetInt64(),
                    expected.GetProperty("flat").EnumerateArray().Select(v => v.GetString()!));
                if (ours != theirs) differences.Add($"{key} {types[i].Wit}: spec {theirs}, ours {ours}");
            }
        }

        int functionDifferences = 0;
        for (int i = 0; i < functions.Count; i++)
        {
            python.StandardInput.WriteLine(functions[i].Python);
            python.StandardInput.Flush();
            using var spec = JsonDocument.Parse(python.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"python3 stopped at function {i}"));
            @interface.Functions.TryGetValue($"fun{i}", out var function);
            bool differs = false;
            foreach (var (key, abi) in abis)
            {
                foreach (var (name, variant) in SignatureVariants)
                {
                    var signature = abi.Signature(function!, variant);
                    string ours = $"{string.Join(" ", signature?.Parameters.Select(CoreValueTypes.Name) ?? new[] { "<none>" })} -> {string.Join(" ", signature?.Results.Select(CoreValueTypes.Name) ?? new[] { "<none>" })}";
                    string theirs = spec.RootElement.GetProperty(key).GetProperty(name).GetString()!;
                    if (ours == theirs) continue;
                    differences.Add($"{key} fun{i} {name} {functions[i].Wit}: spec {theirs}, ours {ours}");
                    differs = true;
                }
            }

            if (differs) functionDifferences++;
        }

        python.StandardInput.Close();
        python.WaitForExit();
        File.Delete(script);
        int typeDifferences = differences.Where(d => !Regex.IsMatch(d, @"^ptr\d\d fun\d+ ")).Select(d => d.Split(' ')[1]).Distinct().Count();
        Console.WriteLine($"seed {seed}: {types.Count - typeDifferences} of {types.Count} random types laid out as the specification's Python lays them out (memory32 and memory64: size, alignment, field and element offsets, discriminant, payload offset, flat types); {functions.Count - functionDifferences} of {functions.Count} random functions with the same five core signatures (sync and async, lifted and lowered).");
        foreach (string difference in differences.Take(20)) Console.WriteLine("  " + difference);
        return differences.Count == 0 ? 0 : 1;
    }

    private static readonly (string Name, AbiVariant Variant)[] SignatureVariants =
    {
        ("sync-lift", AbiVariant.SyncLift), ("sync-lower", AbiVariant.SyncLower), ("async-lift-callback", AbiVariant.AsyncLiftCallback),
        ("async-lift-stackful", AbiVariant.AsyncLiftStackful), ("async-lower", AbiVariant.AsyncLower),
    };

    private static string Describe(long? size, int? alignment, IReadOnlyList<long>? offsets, int? discriminant, long? payload, IEnumerable<string>? flat) =>
        $"size {size} align {alignment} offsets [{string.Join(",", offsets ?? Array.Empty<long>())}] discriminant {discriminant} payload {payload} flat [{string.Join(" ", flat ?? Array.Empty<string>())}]";

    /// <summary>The top-level definitions named in <see cref="SpecFunctions"/>, from the document's Python blocks.</summary>
    internal static string SpecDefinitions(string markdown)
    {
        var result = new StringBuilder();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match block in Regex.Matches(markdown, @"```python\n(.*?)```", RegexOptions.Singleline))
        {
            // A block's top-level statements: each starts at column 0; its indented lines and blank lines follow it.
            var lines = block.Groups[1].Value.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (Regex.IsMatch(lines[i], @"^MAX_FLAT_\w+ = \d+$"))
                {
                    result.Append(lines[i]).Append('\n');
                    continue;
                }

                var def = Regex.Match(lines[i], @"^def (\w+)\(");
                if (!def.Success || !SpecFunctions.Contains(def.Groups[1].Value)) continue;
                int end = i + 1;
                while (end < lines.Length && (lines[end].Length == 0 || char.IsWhiteSpace(lines[end][0]))) end++;
                result.Append(string.Join("\n", lines[i..end])).Append("\n\n");
                found.Add(def.Groups[1].Value);
            }
        }

        if (found.Count != SpecFunctions.Count)
        {
            throw new InvalidOperationException("CanonicalABI.md lacks " + string.Join(", ", SpecFunctions.Except(found)));
        }

        return result.ToString();
    }

    private static readonly (string Wit, string Python)[] Primitives =
    {
        ("bool", "BoolType()"), ("s8", "S8Type()"), ("u8", "U8Type()"), ("s16", "S16Type()"), ("u16", "U16Type()"),
        ("s32", "S32Type()"), ("u32", "U32Type()"), ("s64", "S64Type()"), ("u64", "U64Type()"), ("f32", "F32Type()"),
        ("f64", "F64Type()"), ("char", "CharType()"), ("string", "StringType()"), ("error-context", "ErrorContextType()"),
        ("own<res>", "OwnType()"), ("borrow<res>", "BorrowType()"),
    };

    private static readonly (string Wit, string Python)[] MapKeys = Primitives.Where(p => p.Wit is not ("f32" or "f64" or "error-context" or "own<res>" or "borrow<res>")).ToArray();

    /// <summary>A random type as WIT (records, variants, enums and flags declared by name) and as the spec's classes.</summary>
    private static (string Wit, string Python) RandomType(Random random, List<string> declarations, int depth)
    {
        switch (random.Next(depth <= 0 ? 2 : 14))
        {
            case 0:
            case 1:
                var primitive = Primitives[random.Next(Primitives.Length)];
                // A borrow is a parameter's type only: here it stands for a handle, as own does.
                return primitive.Wit == "borrow<res>" ? ("own<res>", "OwnType()") : primitive;
            case 2:
            {
                var element = RandomType(random, declarations, depth - 1);
                if (random.Next(3) > 0) return ($"list<{element.Wit}>", $"ListType({element.Python})");
                int length = 1 + random.Next(random.Next(4) == 0 ? 40 : 5);
                return ($"list<{element.Wit}, {length}>", $"ListType({element.Python}, {length})");
            }

            case 3:
            {
                var inner = RandomType(random, declarations, depth - 1);
                return ($"option<{inner.Wit}>", $"OptionType({inner.Python})");
            }

            case 4:
            {
                var ok = random.Next(3) == 0 ? ((string, string)?)null : RandomType(random, declarations, depth - 1);
                var error = random.Next(3) == 0 ? ((string, string)?)null : RandomType(random, declarations, depth - 1);
                string wit = (ok, error) switch
                {
                    (null, null) => "result",
                    ({ } o, null) => $"result<{o.Item1}>",
                    (null, { } e) => $"result<_, {e.Item1}>",
                    ({ } o, { } e) => $"result<{o.Item1}, {e.Item1}>",
                };
                return (wit, $"ResultType({ok?.Item2 ?? "None"}, {error?.Item2 ?? "None"})");
            }

            case 5:
            {
                var items = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => RandomType(random, declarations, depth - 1)).ToList();
                return ($"tuple<{string.Join(", ", items.Select(t => t.Wit))}>", $"TupleType([{string.Join(", ", items.Select(t => t.Python))}])");
            }

            case 6:
            {
                var fields = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => RandomType(random, declarations, depth - 1)).ToList();
                string name = $"g{declarations.Count}";
                declarations.Add($"record {name} {{ {string.Join(", ", fields.Select((f, i) => $"x{i}: {f.Wit}"))} }}");
                return (name, $"RecordType([{string.Join(", ", fields.Select((f, i) => $"FieldType('x{i}', {f.Python})"))}])");
            }

            case 7:
            {
                int n = random.Next(10) == 0 ? 250 + random.Next(20) : 1 + random.Next(5);
                var cases = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 || n > 20 ? ((string, string)?)null : RandomType(random, declarations, depth - 1)).ToList();
                string name = $"g{declarations.Count}";
                declarations.Add($"variant {name} {{ {string.Join(", ", cases.Select((c, i) => c is { } t ? $"c{i}({t.Item1})" : $"c{i}"))} }}");
                return (name, $"VariantType([{string.Join(", ", cases.Select((c, i) => $"CaseType('c{i}', {c?.Item2 ?? "None"})"))}])");
            }

            case 8:
            {
                int n = random.Next(6) == 0 ? 250 + random.Next(20) : 1 + random.Next(6);
                string name = $"g{declarations.Count}";
                declarations.Add($"enum {name} {{ {string.Join(", ", Enumerable.Range(0, n).Select(i => $"c{i}"))} }}");
                return (name, $"EnumType([{string.Join(", ", Enumerable.Range(0, n).Select(i => $"'c{i}'"))}])");
            }

            case 9:
            {
                int n = 1 + random.Next(32);
                string name = $"g{declarations.Count}";
                declarations.Add($"flags {name} {{ {string.Join(", ", Enumerable.Range(0, n).Select(i => $"b{i}"))} }}");
                return (name, $"FlagsType([{string.Join(", ", Enumerable.Range(0, n).Select(i => $"'b{i}'"))}])");
            }

            case 10:
            {
                if (random.Next(3) == 0) return ("future", "FutureType(None)");
                var inner = RandomType(random, declarations, depth - 1);
                return ($"future<{inner.Wit}>", $"FutureType({inner.Python})");
            }

            case 12:
            {
                // Map keys: bool, integers, char, string.
                var key = MapKeys[random.Next(MapKeys.Length)];
                var value = RandomType(random, declarations, depth - 1);
                return ($"map<{key.Wit}, {value.Wit}>", $"MapType({key.Python}, {value.Python})");
            }

            case 11:
            {
                if (random.Next(3) == 0) return ("stream", "StreamType(None)");
                var inner = RandomType(random, declarations, depth - 1);
                return ($"stream<{inner.Wit}>", $"StreamType({inner.Python})");
            }

            default:
                return Primitives[random.Next(Primitives.Length - 1)];
        }
    }
}
