using System;
using System.Collections.Generic;
using System.IO;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime;
using Wit.Runtime.Binary;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;
using Wit.Runtime.Execution;
using Wit.Runtime.Wasi;
using Wit.Runtime.Wasi.Preview2;

namespace Wit.DebugAdapter.Session;

/// <summary>
/// A WASI 0.2 command component under the debugger: instantiated on the WASI 0.2 host in the debuggee's store, run from
/// its <c>wasi:cli/run@0.2.x</c> export. Its core module with DWARF (<see cref="ImageModule"/>) is the
/// <see cref="WasmDebuggee.Image"/>: breakpoints, frames and steps are in its code; the other modules (the preview1
/// adapter, glue) run through.
/// </summary>
internal sealed class ComponentDebuggee : WasmDebuggee, IComponentCallObserver
{
    /// <summary>For each running boundary call (innermost last): whether it stops at its return, and its arguments.</summary>
    private readonly Stack<(bool Stop, IReadOnlyList<ComponentValue> Arguments)> _stopAtReturn = new();
    private readonly Dictionary<ComponentFunction, string> _exportNames = new(ReferenceEqualityComparer.Instance);

    private readonly WasmComponent _component;
    private readonly WasiPreview2Options _options;
    private WasiPreview2? _wasi;
    private volatile ComponentInstance? _root;

    public ComponentDebuggee(WasmComponent component, ProgramImage image, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> env,
        IReadOnlyList<(string Guest, string Host)> preopens, BreakpointTable breakpoints, IDebuggeeEvents events)
        : base(image, breakpoints, events)
    {
        _component = component;
        var opens = new List<WasiPreopen>();
        foreach (var (guest, host) in preopens)
        {
            opens.Add(new WasiPreopen(host, guest));
        }
        _options = new WasiPreview2Options
        {
            Arguments = argv,
            Environment = new List<KeyValuePair<string, string>>(env),
            Stdin = new MemoryStream(System.Array.Empty<byte>(), writable: false),
            Stdout = Stdout,
            Stderr = Stderr,
            Preopens = opens,
        };
    }

    /// <summary>The running component instance (null before its instantiation): the live instance tree.</summary>
    public ComponentInstance? Root => _root;

    /// <summary>
    /// The core module the debugger shows: the first (in binary order, nested components included) with a
    /// <c>.debug_line</c> section, else the one with the most code; null when the component has no core module.
    /// </summary>
    public static WasmModule? ImageModule(WasmComponent component)
    {
        WasmModule? withLines = null, largest = null;
        Visit(component, 0);
        return withLines ?? largest;

        void Visit(WasmComponent c, int depth)
        {
            if (depth > ComponentInstantiator.MaxDepth)
            {
                return;
            }
            foreach (var item in c.Items)
            {
                if (item is CoreModuleItem { Module: var m })
                {
                    if (withLines == null && m.CustomSections.Exists(s => s.Name == ".debug_line"))
                    {
                        withLines = m;
                    }
                    if (largest == null || m.Bodies.Count > largest.Bodies.Count)
                    {
                        largest = m;
                    }
                }
                else if (item is NestedComponentItem nested)
                {
                    Visit(nested.Component, depth + 1);
                }
            }
        }
    }

    protected override int Execute()
    {
        var linker = new ComponentLinker();
        _wasi = WasiPreview2.AddTo(linker, _options);
        try
        {
            var root = ComponentInstantiator.Instantiate(_component, linker, store: Store, observer: this);
            NameExports(root, "", 0);
            _root = root;
            ImageInstance = FindInstance(root, Image.Module, 0);
            var result = WasiPreview2.RunExport(root).Invoke();
            return result is { Kind: ComponentValueKind.Case, Bits: 0 } ? 0 : 1;
        }
        catch (WasiExitException exit)
        {
            return exit.ExitCode;
        }
    }

    protected override void Cleanup() => _wasi?.Dispose();

    /// <summary>Function breakpoints by WIT name (set by the session, read by the program's thread).</summary>
    public volatile IReadOnlyList<WitBreakpoint> WitBreakpoints = Array.Empty<WitBreakpoint>();

    /// <summary>Whether <paramref name="name"/> (a breakpoint's) names the WIT function <paramref name="actual"/>: the same
    /// function of a semver-compatible interface (<c>wasi:cli/run@0.2.0#run</c> for <c>@0.2.3</c>), or the function's
    /// name alone (<c>[method]output-stream.blocking-write-and-flush</c>) in any interface.</summary>
    public static bool Names(string name, string actual)
    {
        int a = actual.LastIndexOf('#'), b = name.LastIndexOf('#');
        string actualFunc = actual[(a + 1)..], func = name[(b + 1)..];
        if (func != actualFunc)
        {
            return false;
        }
        return b < 0 || a >= 0 && (name[..b] == actual[..a] || ComponentLinker.Matches(name[..b], actual[..a]));
    }

    /// <summary>Whether a function breakpoint's name is a WIT one (rather than a core function's).</summary>
    public static bool IsWitName(string name) => name.Contains('#') || name.StartsWith('[') || name.Contains(':');

    /// <summary>The WIT name of a boundary function: the import's name of a host function, else the export's.</summary>
    private string NameOf(ComponentFunction function) =>
        function.Name ?? (_exportNames.TryGetValue(function, out var name) ? name : "(unnamed " + ComponentWit.Type(function.Type) + ")");

    private void NameExports(ComponentInstance instance, string prefix, int depth)
    {
        foreach (var (name, value) in instance.Exports)
        {
            if (value is ComponentFunction f)
            {
                _exportNames.TryAdd(f, prefix + name);
            }
            else if (value is ComponentInstance inner && depth < ComponentInstantiator.MaxDepth)
            {
                NameExports(inner, prefix.Length == 0 ? name + "#" : prefix, depth + 1);
            }
        }
    }

    void IComponentCallObserver.Entering(ComponentFunction function, IReadOnlyList<ComponentValue> arguments, bool lifted)
    {
        var breakpoints = WitBreakpoints;
        if (breakpoints.Count == 0)
        {
            _stopAtReturn.Push((false, arguments));
            return;
        }
        string name = NameOf(function);
        var hits = new List<int>();
        WitBoundary? boundary = null;
        BoundaryScope? scope = null;
        var failures = new List<ConditionFailure>();
        foreach (var bp in breakpoints)
        {
            if (!Names(bp.Name, name))
            {
                continue;
            }
            // The boundary is made for the calls a breakpoint names only: most calls through it are not.
            boundary ??= new WitBoundary(name, function.Type, arguments, lifted);
            scope ??= new BoundaryScope(boundary, ImageMemory);
            if (bp.Hit(scope, failures)) hits.Add(bp.Id);
        }
        string? description = Report(failures);
        if (hits.Count == 0 || boundary == null)
        {
            _stopAtReturn.Push((false, arguments));
            return;
        }
        var kind = StopAtBoundary("function breakpoint", hits, boundary, lifted ? null : Store.HostCallerFrames(), description);
        if (kind == ResumeKind.StepIn && lifted)
        {
            // Into the export's core code: its first instruction in the image.
            StopAtNextInstruction("step");
        }
        _stopAtReturn.Push((kind != ResumeKind.Continue && !(kind == ResumeKind.StepIn && lifted), arguments));
    }

    void IComponentCallObserver.Returned(ComponentFunction function, ComponentValue? result, bool lifted)
    {
        if (_stopAtReturn.Count == 0 || _stopAtReturn.Pop() is not (true, var arguments))
        {
            return;
        }
        var boundary = new WitBoundary(NameOf(function), function.Type, arguments, lifted) { Returned = true, Result = result };
        var kind = StopAtBoundary("step", System.Array.Empty<int>(), boundary, lifted ? null : Store.HostCallerFrames());
        if (kind != ResumeKind.Continue)
        {
            StopAtNextInstruction("step");
        }
    }

    /// <summary>The debugged core instance's memory 0 (memory reads in a boundary's conditions), or null.</summary>
    private byte[]? ImageMemory => ImageInstance is { Memories.Length: > 0 } i ? i.Memories[0].Bytes : null;

    private static Instance? FindInstance(ComponentInstance instance, WasmModule module, int depth)
    {
        foreach (var core in instance.CoreInstances)
        {
            if (ReferenceEquals(core.Module, module))
            {
                return core;
            }
        }
        if (depth < ComponentInstantiator.MaxDepth)
        {
            foreach (var child in instance.Children)
            {
                if (FindInstance(child, module, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }
        return null;
    }
}
