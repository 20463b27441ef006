using System.Collections.Generic;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime.Wasi;

namespace Wit.DebugAdapter.Session;

/// <summary>A WASI command module (<c>wasi_snapshot_preview1</c>, from <c>_start</c>) under the debugger.</summary>
internal sealed class CoreDebuggee : WasmDebuggee
{
    private readonly WasiPreview1 _wasi;

    public CoreDebuggee(ProgramImage image, IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> env,
        IReadOnlyList<(string Guest, string Host)> preopens, BreakpointTable breakpoints, IDebuggeeEvents events)
        : base(image, breakpoints, events)
    {
        _wasi = new WasiPreview1(argv, env, Stdout, Stderr);
        foreach (var (guest, host) in preopens)
        {
            _wasi.Preopen(guest, host);
        }
    }

    protected override int Execute()
    {
        ImageInstance = _wasi.InstantiateCommand(Store, Image.Module);
        return WasiPreview1.RunStart(Store, ImageInstance);
    }

    protected override void Cleanup() => _wasi.CloseFiles();
}
