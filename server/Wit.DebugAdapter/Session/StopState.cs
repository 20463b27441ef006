using System;
using System.Collections.Generic;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.DebugAdapter.Session;

/// <summary>One frame of a stop, innermost first: its function, pc and (except at a trap, where they are gone) its locals and operands.</summary>
internal sealed record StopFrame(int FunctionIndex, int Pc, WasmValue[]? Locals, ulong[]? Operands)
{
    /// <summary>Set for a component boundary frame (a WIT call, not core code): then the other members are -1 and null.</summary>
    public WitBoundary? Boundary { get; init; }
}

/// <summary>
/// Why and where the debuggee stopped. Immutable; valid until the debuggee resumes (frame and variable references
/// of the protocol refer to the current one).
/// </summary>
internal sealed record StopState(string Reason, string? Description, IReadOnlyList<int> HitBreakpointIds,
    IReadOnlyList<StopFrame> Frames, Instance Instance, WasmTrapException? Trap);

/// <summary>What <see cref="IValueScope"/> an expression reads at a frame: its locals by name-section name or index, globals by index.</summary>
internal sealed class FrameScope : IValueScope
{
    private readonly StopFrame _frame;
    private readonly Instance _instance;
    private readonly ProgramImage? _image;

    /// <summary>With <paramref name="image"/>, names are C paths over its DWARF variables first.</summary>
    public FrameScope(StopFrame frame, Instance instance, ProgramImage? image = null)
    {
        _frame = frame;
        _instance = instance;
        _image = image;
    }

    public byte[]? Memory => _instance.Memories.Length > 0 ? _instance.Memories[0].Bytes : null;

    public ExprValue? Lookup(string name) => LookupWasm(name) is { } v ? ExprValue.Of(v) : null;

    private WasmValue? LookupWasm(string name)
    {
        if (_image != null && !name.StartsWith('$')
            && CExpression.Evaluate(name, _image, _frame.Pc, new WasmFrameState(_frame, _instance)) is { } c)
        {
            return CVariables.AsWasm(c, Memory)
                ?? throw new FormatException(c.Location.Unavailable is { } why ? $"'{name}' is unavailable: {why}" : $"'{name}' is a {c.Type.Name}, not a number");
        }
        var locals = _frame.Locals;
        if (locals != null)
        {
            if (Index(name, "local") is int li && li < locals.Length)
            {
                return locals[li];
            }
            string bare = name.TrimStart('$');
            if (_instance.Module.Names?.LocalNames.TryGetValue(_frame.FunctionIndex, out var names) == true)
            {
                foreach (var (index, localName) in names)
                {
                    if (localName == bare && index < locals.Length)
                    {
                        return locals[index];
                    }
                }
            }
        }
        if (Index(name, "global") is int gi && gi < _instance.Globals.Length)
        {
            return _instance.Globals[gi].Value;
        }
        return null;
    }

    private static int? Index(string name, string prefix)
    {
        string bare = name.TrimStart('$');
        return bare.StartsWith(prefix, System.StringComparison.Ordinal) && int.TryParse(bare.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) && i >= 0 ? i : null;
    }

    /// <summary>Display names of a function's locals: the name section's, else <c>localN</c>.</summary>
    public static string LocalName(WasmModule module, int function, int index) =>
        module.Names?.LocalNames.TryGetValue(function, out var names) == true && names.TryGetValue(index, out var n) ? "$" + n : "local" + index;
}
