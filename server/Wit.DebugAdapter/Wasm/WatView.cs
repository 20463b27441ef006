using System;
using System.Collections.Generic;
using System.Text;
using Wit.Runtime.Binary;

namespace Wit.DebugAdapter.Wasm;

/// <summary>
/// The synthesized source of a module without DWARF: a WAT-like text, one instruction per line, each line ending with
/// its byte offset. The debugger shows it through a DAP <c>sourceReference</c>; lines (1-based) and offsets map both
/// ways, so line breakpoints and stack frames work in it like in a source file.
/// </summary>
internal sealed class WatView
{
    private readonly Dictionary<int, int> _lineOfOffset = new();
    private readonly List<int> _offsetOfLine = new() { -1 };

    public WatView(WasmModule module, Func<FunctionBody, IReadOnlyList<Instruction>> instructions)
    {
        var text = new StringBuilder();
        void Line(string s, int offset)
        {
            text.Append(s).Append('\n');
            _offsetOfLine.Add(offset);
            if (offset >= 0)
            {
                _lineOfOffset[offset] = _offsetOfLine.Count - 1;
            }
        }
        Line("(module" + (module.Names?.ModuleName is string m ? " $" + m : ""), -1);
        foreach (var body in module.Bodies)
        {
            var type = module.Types[body.TypeIndex];
            var header = new StringBuilder("  (func");
            if (module.FunctionName(body.Index) is string name)
            {
                header.Append(" $").Append(name);
            }
            header.Append(" (;").Append(body.Index).Append(";)");
            if (type.Params.Length > 0)
            {
                header.Append(" (param ").Append(string.Join(' ', Array.ConvertAll(type.Params, t => Disassembler.TypeName((byte)t)))).Append(')');
            }
            if (type.Results.Length > 0)
            {
                header.Append(" (result ").Append(string.Join(' ', Array.ConvertAll(type.Results, t => Disassembler.TypeName((byte)t)))).Append(')');
            }
            Line(header.ToString(), -1);
            if (body.Locals.Length > 0)
            {
                Line("    (local " + string.Join(' ', Array.ConvertAll(body.Locals, t => Disassembler.TypeName((byte)t))) + ")", -1);
            }
            var list = instructions(body);
            for (int i = 0; i < list.Count; i++)
            {
                var ins = list[i];
                // The body's final end closes the func: shown as the func's closing parenthesis would be.
                bool last = i == list.Count - 1;
                string indent = new(' ', 4 + 2 * ins.Depth);
                Line($"{indent}{(last && ins.Text == "end" ? ")" : ins.Text)}  ;; @{ins.Offset:x}", ins.Offset);
            }
        }
        Line(")", -1);
        Text = text.ToString();
    }

    public string Text { get; }

    public int LineCount => _offsetOfLine.Count - 1;

    /// <summary>The 1-based line of the instruction at <paramref name="offset"/>, or 0.</summary>
    public int LineOf(int offset) => _lineOfOffset.TryGetValue(offset, out var line) ? line : 0;

    /// <summary>The offset of the first instruction at or after <paramref name="line"/>, or -1.</summary>
    public int OffsetAtOrAfter(int line)
    {
        for (int l = Math.Max(line, 1); l < _offsetOfLine.Count; l++)
        {
            if (_offsetOfLine[l] >= 0)
            {
                return _offsetOfLine[l];
            }
        }
        return -1;
    }
}
