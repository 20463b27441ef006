using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Wasmtime;
using Wasmtime.Components;
using Wit.Analyzers;
using Wit.Hosting;
using Wit.Hosting.Wasmtime;

namespace Wit.Benchmarks;

/// <summary>
/// <c>hosting</c>: the build-time cost of the bindings generator for a world of 200 functions (a first run, as a build
/// pays it; a rerun after a C# edit, as the IDE pays it), and the per-call cost of Wit.Hosting's engine contract on
/// Wasmtime (what a typed binding adds: WitValue conversions and the contract's call) against calling Wasmtime's
/// <c>ComponentFunction</c> by hand, on <c>tests/Wit.Hosting.Tests/Components/echo.wat</c>.
/// </summary>
internal static class HostingBenchmark
{
    public static string Run() => Generator() + "\n" + Calls();

    private static string Generator()
    {
        var wit = new StringBuilder("package bench:app;\n\ninterface api {\n    record point { x: s32, y: s32 }\n    variant shape { circle(f64), polygon(list<point>), none }\n");
        string[] signatures = { "(a: u32, b: string) -> u64", "(p: point) -> option<string>", "(s: shape, l: list<u8>) -> result<u32, string>", "() -> tuple<bool, char>" };
        for (int i = 0; i < 200; i++) wit.Append($"    /// Function {i}.\n    fn{i}: func{signatures[i % signatures.Length]};\n");
        wit.Append("}\n\nworld host {\n    import api;\n}\n");

        var text = new Text("/bench/wit/app.wit", wit.ToString());
        var options = new Options("/bench/wit/", "bench:app/host");
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }", parse) });
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class A { int x; }", parse));
        GeneratorDriver Create() => CSharpGeneratorDriver.Create(new[] { new WitBindingsGenerator().AsSourceGenerator() }, new AdditionalText[] { text }, parse, options);

        var check = Create().RunGenerators(compilation).GetRunResult();
        if (check.Diagnostics.Length > 0 || check.GeneratedTrees.Length == 0)
        {
            throw new InvalidOperationException("the benchmark's world does not generate cleanly: " + string.Join("; ", check.Diagnostics));
        }

        int files = check.GeneratedTrees.Length;
        var first = Measure.Median(() => Create().RunGenerators(compilation), samples: 15, warmups: 3);
        var warm = Create().RunGenerators(compilation);
        bool toggle = false;
        var rerun = Measure.Median(() => warm = warm.RunGenerators((toggle = !toggle) ? edited : compilation), samples: 15, warmups: 3);

        var table = new MarkdownTable("generator, world of 200 functions", "median ms", "allocated KB");
        table.Add($"first run ({files} files)", Format.Number(first.Milliseconds), Format.Number(first.AllocatedBytes / 1024.0, "0"));
        table.Add("rerun after a C# edit (WIT cached)", Format.Number(rerun.Milliseconds, "0.000"), Format.Number(rerun.AllocatedBytes / 1024.0, "0"));
        return table.ToString();
    }

    private static string Calls()
    {
        using var engine = new Engine();
        using var component = Component.FromText(engine, File.ReadAllText(RepoPaths.Combine("tests", "Wit.Hosting.Tests", "Components", "echo.wat")));

        // By hand: Wasmtime's API directly.
        using var store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        ComponentFunctionCallback add = (args, results) => results[0] = ComponentValue.U32(args[0].AsU32() + args[1].AsU32());
        ComponentFunctionCallback shout = (args, results) => results[0] = ComponentValue.String(args[0].AsString());
        ComponentFunctionCallback fail = (_, _) => { };
        ComponentFunctionCallback seed = (_, results) => results[0] = ComponentValue.S64(0);
        using (var root = linker.Root())
        {
            using (var host = root.AddInstance("example:echo/host"))
            {
                host.DefineFunction("add", add);
                host.DefineFunction("shout", shout);
                host.DefineFunction("fail", fail);
            }

            root.DefineFunction("seed", seed);
        }

        var instance = linker.Instantiate(store, component);
        var run = instance.GetFunction("run")!;
        var echo = instance.GetFunction("echo")!;
        var byHandInt = Measure.Median(() => run.Call(ComponentValue.U32(20))!.AsU32());
        var byHandString = Measure.Median(() => echo.Call(ComponentValue.String("hello, world"))!.AsString());

        // Through the contract, as the generated EchoExports does.
        using var witLinker = new WasmtimeLinker(engine, component);
        witLinker.DefineFunction("example:echo/host", "add", a => WitValue.U32(a[0].AsU32() + a[1].AsU32()));
        witLinker.DefineFunction("example:echo/host", "shout", a => WitValue.String(a[0].AsString()));
        witLinker.DefineFunction("example:echo/host", "fail", _ => null);
        witLinker.DefineFunction(null, "seed", _ => WitValue.S64(0));
        using var wit = witLinker.Instantiate();
        var contractInt = Measure.Median(() => wit.Call(null, "run", new[] { WitValue.U32(20) })!.Value.AsU32());
        var contractString = Measure.Median(() => wit.Call(null, "echo", new[] { WitValue.String("hello, world") })!.Value.AsString());
        GC.KeepAlive(new object[] { add, shout, fail, seed });

        var table = new MarkdownTable("call (export calls one host import)", "by hand µs", "contract µs", "ratio");
        table.Add("run: u32 -> u32", Format.Number(byHandInt.Milliseconds * 1000), Format.Number(contractInt.Milliseconds * 1000), Format.Number(contractInt.Milliseconds / byHandInt.Milliseconds));
        table.Add("echo: string -> string", Format.Number(byHandString.Milliseconds * 1000), Format.Number(contractString.Milliseconds * 1000), Format.Number(contractString.Milliseconds / byHandString.Milliseconds));
        return table.ToString();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(string root, string world) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new FileOptions(null, null);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new FileOptions(null, null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new FileOptions(root, world);
    }

    private sealed class FileOptions(string? root, string? world) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = key switch
            {
                "build_metadata.AdditionalFiles.WitRoot" => root!,
                "build_metadata.AdditionalFiles.WitWorld" => world!,
                _ => null!,
            };
            return value is not null;
        }
    }
}
