using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Hosting;
using Wit.Hosting.Embedded;
using Wit.Hosting.Wasmtime;
using Wit.Runtime.Component;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests.Components;

/// <summary>
/// The component model's sync scripts (<see cref="ComponentScriptTests"/>'s directives and binaries) replayed on both
/// engines through Wit.Hosting's contract: each component that instantiates on our engine is instantiated on ours
/// (<see cref="EmbeddedLinker"/>) and on Wasmtime (<see cref="WasmtimeLinker"/>, the NuGet binding), and every
/// <c>assert_return</c>, <c>assert_trap</c> and <c>invoke</c> calls the export on both with the same arguments. The
/// outcomes must be equal: the same value (handles of the component's resources compared as handles), or a trap on
/// both; an <c>assert_invalid</c> component that jco's parser made a binary must be refused by both (or accepted by
/// both). The expectation of the script is <see cref="ComponentScriptTests"/>'s business; this one is engine against
/// engine. Counts and every disagreement go to the test output and <c>artifacts/component-differential.txt</c>.
/// </summary>
public sealed class ComponentScriptDifferentialTests
{
    private readonly ITestOutputHelper _output;

    public ComponentScriptDifferentialTests(ITestOutputHelper output) => _output = output;

    private sealed class Tally
    {
        public int Instances;
        public int Calls;
        public int Traps;
        public int Invalid;
        public readonly List<string> Disagreements = new();
        public readonly List<string> WasmtimeCannot = new();
        public readonly List<string> Skipped = new();
    }

    /// <summary>One side of the pair: its instance, and the decoded component for the export types.</summary>
    private sealed record Pair(IWitInstance Ours, IWitInstance Theirs, WasmComponent Decoded, IDisposable[] Owned) : IDisposable
    {
        public void Dispose()
        {
            Ours.Dispose();
            Theirs.Dispose();
            foreach (var o in Owned) o.Dispose();
        }
    }

    [Fact]
    public void Both_engines_agree_on_every_call_of_the_sync_scripts()
    {
        var (scripts, binaries) = ComponentScriptTests.Scripts;
        var tally = new Tally();
        using var engine = new Wasmtime.Engine(new Wasmtime.Config().WithComponentModelMap());
        foreach (var (_, directives) in scripts)
        {
            var definitions = new Dictionary<string, ScriptDirective>(StringComparer.Ordinal);
            Pair? current = null;
            try
            {
                foreach (var d in directives)
                {
                    switch (d.Kind)
                    {
                        case "definition":
                            if (d.Id != null) definitions[d.Id] = d;
                            break;
                        case "component":
                        case "instance":
                            current?.Dispose();
                            current = null;
                            var def = d.Kind == "component" ? d : d.DefinitionId is { } id && definitions.TryGetValue(id, out var found) ? found : null;
                            if (def?.Component is { IsAsync: false } && binaries[def].Wasm is { } wasm) current = Instantiate(engine, d, wasm, tally);
                            break;
                        case "assert_invalid":
                            if (d.Component is { IsAsync: false } && binaries[d].Wasm is { } invalid) Validity(engine, d, invalid, tally);
                            break;
                        case "assert_return":
                        case "assert_trap":
                        case "invoke":
                            if (d.Component is null && current != null) Call(current, d, tally);
                            break;
                    }
                }
            }
            finally
            {
                current?.Dispose();
            }
        }

        var report = new StringBuilder();
        report.AppendLine($"instances on both engines: {tally.Instances}; calls compared: {tally.Calls} ({tally.Traps} trapped on both); invalid components compared: {tally.Invalid}; disagreements: {tally.Disagreements.Count}");
        report.AppendLine($"components Wasmtime cannot run (ours does): {tally.WasmtimeCannot.Count}");
        foreach (var w in tally.WasmtimeCannot) report.AppendLine("  " + w);
        report.AppendLine($"calls not compared: {tally.Skipped.Count}");
        foreach (var s in tally.Skipped) report.AppendLine("  " + s);
        foreach (var d in tally.Disagreements) report.AppendLine("- " + d);
        _output.WriteLine(report.ToString());
        System.IO.File.WriteAllText(RepoPaths.Artifact("component-differential.txt"), report.ToString());

        Assert.True(tally.Disagreements.Count == 0, report.ToString());
        // A floor, so that a runner that compares nothing fails: the calls compared when this was measured.
        Assert.True(tally.Calls >= MinCalls, $"{tally.Calls} calls compared (at least {MinCalls} expected):\n{report}");
    }

    private const int MinCalls = 312;

    private static Pair? Instantiate(Wasmtime.Engine engine, ScriptDirective d, byte[] wasm, Tally tally)
    {
        WasmComponent decoded;
        IWitInstance ours;
        try
        {
            decoded = ComponentDecoder.Decode(wasm);
            ours = new EmbeddedLinker(wasm).Instantiate();
        }
        catch (Exception e) when (e is WasmException or WitTrapException)
        {
            return null; // Only the components our engine runs are compared (ComponentScriptTests counts the rest).
        }

        Wasmtime.Components.Component? component = null;
        try
        {
            component = Wasmtime.Components.Component.FromBytes(engine, wasm);
            var linker = new WasmtimeLinker(engine, component);
            var theirs = linker.Instantiate();
            tally.Instances++;
            return new Pair(ours, theirs, decoded, new IDisposable[] { linker, component });
        }
        catch (Exception e) when (e is Wasmtime.WasmtimeException or WitTrapException or InvalidOperationException)
        {
            ours.Dispose();
            component?.Dispose();
            tally.WasmtimeCannot.Add($"{d}: {e.Message.Split('\n')[0]}");
            return null;
        }
    }

    /// <summary>An <c>assert_invalid</c> component (one the text parser accepted): both engines must refuse it, or both accept it.</summary>
    private static void Validity(Wasmtime.Engine engine, ScriptDirective d, byte[] wasm, Tally tally)
    {
        string ours;
        try
        {
            ComponentDecoder.Decode(wasm);
            ours = "accepted";
        }
        catch (WasmException e) when (e.Kind == WasmErrorKind.Unsupported)
        {
            tally.Skipped.Add($"{d}: not yet supported here: {e.Message}");
            return;
        }
        catch (WasmException)
        {
            ours = "refused";
        }

        string theirs;
        try
        {
            using var component = Wasmtime.Components.Component.FromBytes(engine, wasm);
            theirs = "accepted";
        }
        catch (Wasmtime.WasmtimeException)
        {
            theirs = "refused";
        }

        tally.Invalid++;
        if (ours != theirs) tally.Disagreements.Add($"{d}: ours {ours}, Wasmtime {theirs}");
    }

    private static void Call(Pair pair, ScriptDirective d, Tally tally)
    {
        var form = d.Form!;
        var invoke = d.Kind == "invoke" ? form : form.Items[1];
        if (d.Source.Contains("stream", StringComparison.Ordinal) || d.Source.Contains("future", StringComparison.Ordinal)) return;
        string name = Encoding.UTF8.GetString(invoke.Items[1].Bytes!);
        int hash = name.LastIndexOf('#');
        string? instance = hash < 0 ? null : name[..hash];
        string function = hash < 0 ? name : name[(hash + 1)..];
        if (FunctionType(pair.Decoded, instance, function) is not { } type)
        {
            tally.Skipped.Add($"{d}: no export `{name}`");
            return;
        }

        WitValue[] args;
        try
        {
            var values = new EmbeddedValues(pair.Decoded);
            args = invoke.Items.Skip(2).Select((a, i) => values.ToWit(ComponentScript.Value(a, type.Params[i].Type), type.Params[i].Type)).ToArray();
        }
        catch (Exception e) when (e is WasmException or InvalidOperationException or ArgumentException)
        {
            tally.Skipped.Add($"{d}: arguments: {e.Message}");
            return;
        }

        string ours = Outcome(() => pair.Ours.Call(instance, function, args));
        string theirs = Outcome(() => pair.Theirs.Call(instance, function, args));
        tally.Calls++;
        if (ours == "trap" && theirs == "trap") tally.Traps++;
        if (ours != theirs) tally.Disagreements.Add($"{d} `{name}`: ours {ours}, Wasmtime {theirs}");
    }

    private static FuncTypeDef? FunctionType(WasmComponent component, string? instance, string function)
    {
        IEnumerable<NamedExtern> exports = component.Exports;
        if (instance != null)
        {
            exports = component.Exports.FirstOrDefault(e => e.Name == instance)?.Desc.Type is InstanceTypeDef it ? it.Exports : Array.Empty<NamedExtern>();
        }

        return exports.FirstOrDefault(e => e.Name == function)?.Desc.Type as FuncTypeDef;
    }

    /// <summary>A call's outcome as text: the value (a component's handle as <c>handle</c>), <c>nothing</c>, or <c>trap</c>.</summary>
    private static string Outcome(Func<WitValue?> call)
    {
        try
        {
            return call() is { } v ? Render(v) : "nothing";
        }
        catch (WitTrapException)
        {
            return "trap";
        }
    }

    /// <summary>The value as text, with every handle as <c>own&lt;handle&gt;</c>/<c>borrow&lt;handle&gt;</c> (engines name the component's resources differently).</summary>
    private static string Render(WitValue v) => System.Text.RegularExpressions.Regex.Replace(v.ToString(), @"\b(own|borrow)<[^<>]*>", "$1<handle>");
}
