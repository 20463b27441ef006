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
internal sealed class ComponentDebuggee : WasmDebuggee
{
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
            var root = ComponentInstantiator.Instantiate(_component, linker, store: Store);
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
