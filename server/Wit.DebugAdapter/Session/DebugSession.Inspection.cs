using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using Wit.DebugAdapter.Protocol;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime.Component;
using Wit.Runtime.Execution;

namespace Wit.DebugAdapter.Session;

internal sealed partial class DebugSession
{
    /// <summary>Variable references encode the frame and the scope: frame index times this, plus the scope's kind.</summary>
    private const int ScopesPerFrame = 4;
    private const int LocalsScope = 1, OperandsScope = 2, GlobalsScope = 3, CLocalsScope = 4;

    /// <summary>References from here on name expandable C values of the current stop (structs, arrays, pointers).</summary>
    private const int FirstValueHandle = 1 << 24;

    private readonly List<(string Name, CValue Value)> _valueHandles = new();
    private StopState? _valueHandlesStop;

    /// <summary>A reference for a C value's children, valid until the program resumes.</summary>
    private int ValueHandle(StopState stop, string name, CValue value)
    {
        if (!CVariables.HasChildren(value))
        {
            return 0;
        }
        if (!ReferenceEquals(_valueHandlesStop, stop))
        {
            _valueHandles.Clear();
            _valueHandlesStop = stop;
        }
        if (_valueHandles.Count >= int.MaxValue - FirstValueHandle)
        {
            return 0;
        }
        _valueHandles.Add((name, value));
        return FirstValueHandle + _valueHandles.Count - 1;
    }

    private JsonObject CVariable(StopState stop, string name, CValue value, byte[]? memory)
    {
        var json = new JsonObject
        {
            ["name"] = name,
            ["value"] = CVariables.Format(value, memory),
            ["type"] = value.Type.Name,
            ["variablesReference"] = ValueHandle(stop, name, value),
        };
        if (value.Type.Kind == Dwarf.CTypeKind.Array && value.Location.Unavailable == null && value.Type.Count > 0)
        {
            json["indexedVariables"] = Math.Min(value.Type.Count, CVariables.MaxChildren);
        }
        if (value.Location is { InMemory: true, Unavailable: null } location)
        {
            json["memoryReference"] = Values.Hex((long)location.Value);
        }
        return json;
    }

    private static byte[]? Memory0(StopState stop) => stop.Instance.Memories.Length > 0 ? stop.Instance.Memories[0].Bytes : null;

    private JsonNode? Resume(JsonObject? args, ResumeKind kind)
    {
        var debuggee = Launched();
        bool byInstruction = Args.String(args, "granularity") == "instruction";
        if (debuggee.Stop is { Trap: not null } && kind != ResumeKind.Continue)
        {
            // After a trap there is nothing to step: any resume lets the program end.
            kind = ResumeKind.Continue;
        }
        if (debuggee.Stop == null)
        {
            throw new RequestException("the program is not stopped");
        }
        // Only this thread resumes the program, so it is still stopped when the response has gone.
        _afterResponse = () => debuggee.Resume(kind, byInstruction);
        return kind == ResumeKind.Continue ? new JsonObject { ["allThreadsContinued"] = true } : null;
    }

    private JsonNode? Pause()
    {
        _afterResponse = Launched().Pause;
        return null;
    }

    private JsonNode StackTrace(JsonObject? args)
    {
        var stop = Stopped();
        var image = Launched().Image;
        int start = Math.Max(Args.Int(args, "startFrame") ?? 0, 0);
        int levels = Args.Int(args, "levels") is int l && l > 0 ? l : int.MaxValue;
        var frames = new JsonArray();
        for (int i = start; i < stop.Frames.Count && frames.Count < levels; i++)
        {
            var f = stop.Frames[i];
            if (f.Boundary is { } boundary)
            {
                frames.Push(new JsonObject
                {
                    ["id"] = i + 1,
                    ["name"] = "[wit] " + boundary.Name + (boundary.Returned ? " (returned)" : ""),
                    // No source; a "label" hint would make the client skip it and select the core frame below.
                    ["line"] = 0,
                    ["column"] = 0,
                });
                continue;
            }
            var json = new JsonObject
            {
                ["id"] = i + 1,
                ["name"] = image.FunctionDisplayName(f.FunctionIndex),
                ["instructionPointerReference"] = Values.Hex(f.Pc),
            };
            if (image.SourceAt(f.Pc) is { } line)
            {
                json["source"] = new JsonObject { ["name"] = System.IO.Path.GetFileName(line.Path), ["path"] = line.Path };
                json["line"] = line.Line - 1 + _lineBase;
                json["column"] = Math.Max(line.Column, 1) - 1 + _columnBase;
            }
            else
            {
                int watLine = image.Wat.LineOf(f.Pc);
                json["source"] = WatSource(image);
                json["line"] = Math.Max(watLine, 1) - 1 + _lineBase;
                json["column"] = _columnBase;
                if (watLine == 0)
                {
                    json["presentationHint"] = "subtle";
                }
            }
            frames.Push(json);
        }
        return new JsonObject { ["stackFrames"] = frames, ["totalFrames"] = stop.Frames.Count };
    }

    private (StopState Stop, int Index) Frame(int? frameId)
    {
        var stop = Stopped();
        int index = (frameId ?? 1) - 1;
        if (index < 0 || index >= stop.Frames.Count)
        {
            throw new RequestException($"no frame {frameId} at this stop");
        }
        return (stop, index);
    }

    private JsonNode Scopes(JsonObject? args)
    {
        var (stop, index) = Frame(Args.Int(args, "frameId") ?? throw new RequestException("the argument 'frameId' is required"));
        var scopes = new JsonArray();
        int baseRef = index * ScopesPerFrame;
        if (stop.Frames[index].Boundary is { } boundary)
        {
            // A WIT call: its lifted arguments, and its result once it returned.
            scopes.Push(new JsonObject { ["name"] = "WIT Arguments", ["presentationHint"] = "arguments", ["variablesReference"] = baseRef + LocalsScope, ["namedVariables"] = boundary.Arguments.Count, ["expensive"] = false });
            if (boundary.Returned)
            {
                scopes.Push(new JsonObject { ["name"] = "WIT Result", ["presentationHint"] = "returnValue", ["variablesReference"] = baseRef + OperandsScope, ["namedVariables"] = boundary.Result == null ? 0 : 1, ["expensive"] = false });
            }
            return new JsonObject { ["scopes"] = scopes };
        }
        if (CVariables.At(Launched().Image, stop.Frames[index], stop.Instance) is { } cLocals)
        {
            scopes.Push(new JsonObject { ["name"] = "Locals", ["presentationHint"] = "locals", ["variablesReference"] = baseRef + CLocalsScope, ["namedVariables"] = cLocals.Count, ["expensive"] = false });
        }
        if (stop.Frames[index].Locals is { } locals)
        {
            scopes.Push(new JsonObject { ["name"] = "Wasm Locals", ["variablesReference"] = baseRef + LocalsScope, ["namedVariables"] = locals.Length, ["expensive"] = false });
            scopes.Push(new JsonObject { ["name"] = "Operand Stack", ["variablesReference"] = baseRef + OperandsScope, ["indexedVariables"] = stop.Frames[index].Operands?.Length ?? 0, ["expensive"] = false });
        }
        scopes.Push(new JsonObject { ["name"] = "Globals", ["variablesReference"] = baseRef + GlobalsScope, ["namedVariables"] = stop.Instance.Globals.Length, ["expensive"] = false });
        return new JsonObject { ["scopes"] = scopes };
    }

    private JsonNode Variables(JsonObject? args)
    {
        var stop = Stopped();
        int reference = Args.Int(args, "variablesReference") ?? throw new RequestException("the argument 'variablesReference' is required");
        if (reference >= FirstValueHandle)
        {
            return ValueChildren(stop, reference, args);
        }
        int index = (reference - 1) / ScopesPerFrame, kind = (reference - 1) % ScopesPerFrame + 1;
        if (reference <= 0 || index >= stop.Frames.Count)
        {
            throw new RequestException($"no variables with reference {reference} at this stop");
        }
        var frame = stop.Frames[index];
        var module = stop.Instance.Module;
        var variables = new JsonArray();
        if (frame.Boundary is { } boundary)
        {
            if (kind == LocalsScope)
            {
                for (int i = 0; i < boundary.Arguments.Count && i < boundary.Type.Params.Count; i++)
                {
                    var param = boundary.Type.Params[i];
                    variables.Push(new JsonObject { ["name"] = param.Name, ["value"] = WitValues.Format(boundary.Arguments[i], param.Type), ["type"] = ComponentWit.Type(param.Type), ["variablesReference"] = 0 });
                }
            }
            else if (kind == OperandsScope && boundary.Result is { } result && boundary.Type.Result is { } resultType)
            {
                variables.Push(new JsonObject { ["name"] = "result", ["value"] = WitValues.Format(result, resultType), ["type"] = ComponentWit.Type(resultType), ["variablesReference"] = 0 });
            }
            return new JsonObject { ["variables"] = variables };
        }
        switch (kind)
        {
            case LocalsScope:
                for (int i = 0; i < (frame.Locals?.Length ?? 0); i++)
                {
                    variables.Push(Variable(FrameScope.LocalName(module, frame.FunctionIndex, i), frame.Locals![i], stop.Instance));
                }
                break;
            case OperandsScope:
                var operands = frame.Operands ?? Array.Empty<ulong>();
                var types = OperandTypes(stop, frame);
                for (int i = 0; i < operands.Length; i++)
                {
                    // Bottom first, as the interpreter keeps them; the top of the stack is the last.
                    variables.Push(types is { } t && i < t.Length && t[i] != 0
                        ? Variable($"[{i}]", new WasmValue(t[i], operands[i]), stop.Instance)
                        : new JsonObject { ["name"] = $"[{i}]", ["value"] = Values.FormatOperand(operands[i]), ["type"] = "unknown", ["variablesReference"] = 0 });
                }
                break;
            case CLocalsScope:
                foreach (var (name, value) in CVariables.At(Launched().Image, frame, stop.Instance) ?? new List<(string, CValue)>())
                {
                    variables.Push(CVariable(stop, name, value, Memory0(stop)));
                }
                break;
            case GlobalsScope:
                var exportNames = new Dictionary<int, string>();
                foreach (var e in module.Exports)
                {
                    if (e.Kind == Wit.Runtime.Binary.ExternKind.Global)
                    {
                        exportNames.TryAdd(e.Index, e.Name);
                    }
                }
                for (int i = 0; i < stop.Instance.Globals.Length; i++)
                {
                    string name = exportNames.TryGetValue(i, out var n) ? $"global{i} ({n})" : $"global{i}";
                    variables.Push(Variable(name, stop.Instance.Globals[i].Value, stop.Instance));
                }
                break;
            default:
                throw new RequestException($"no variables with reference {reference} at this stop");
        }
        return new JsonObject { ["variables"] = variables };
    }

    private JsonNode ValueChildren(StopState stop, int reference, JsonObject? args)
    {
        int i = reference - FirstValueHandle;
        if (!ReferenceEquals(_valueHandlesStop, stop) || i >= _valueHandles.Count)
        {
            throw new RequestException($"no variables with reference {reference} at this stop");
        }
        var (name, value) = _valueHandles[i];
        int start = Math.Max(Args.Int(args, "start") ?? 0, 0);
        int count = Args.Int(args, "count") is int c && c > 0 ? c : int.MaxValue;
        var memory = Memory0(stop);
        var variables = new JsonArray();
        foreach (var (childName, child) in CVariables.Children(value, name, memory, start, count))
        {
            variables.Push(CVariable(stop, childName, child, memory));
        }
        return new JsonObject { ["variables"] = variables };
    }

    /// <summary>
    /// The types of a frame's operands, from the validator run up to its pc (the interpreter's slots are untyped). A
    /// caller's pc is its call, whose arguments the callee has taken: its operands are the bottom of the types there.
    /// </summary>
    private static Wit.Runtime.Binary.ValType[]? OperandTypes(StopState stop, StopFrame frame)
    {
        var module = stop.Instance.Module;
        if (frame.FunctionIndex < module.ImportedFunctionCount || frame.FunctionIndex - module.ImportedFunctionCount >= module.Bodies.Count)
        {
            return null;
        }
        var types = Wit.Runtime.Validation.ModuleValidator.OperandTypesAt(module, module.Bodies[frame.FunctionIndex - module.ImportedFunctionCount], frame.Pc);
        return types != null && types.Length >= (frame.Operands?.Length ?? 0) ? types : null;
    }

    private static JsonObject Variable(string name, WasmValue value, Instance instance)
    {
        var json = new JsonObject
        {
            ["name"] = name,
            ["value"] = Values.Format(value, instance),
            ["type"] = Values.TypeName(value.Type),
            ["variablesReference"] = 0,
        };
        if (value.Type == Wit.Runtime.Binary.ValType.I32 && instance.Memories.Length > 0 && (uint)value.AsI32 < (uint)instance.Memories[0].Bytes.Length)
        {
            // An i32 may be a pointer: the client offers to show memory there.
            json["memoryReference"] = Values.Hex((uint)value.AsI32);
        }
        return json;
    }

    private JsonNode Evaluate(JsonObject? args)
    {
        string text = Args.RequiredString(args, "expression");
        var (stop, index) = Frame(Args.Int(args, "frameId"));
        var frame = stop.Frames[index];
        if (frame.Boundary is { } boundary)
        {
            return EvaluateAtBoundary(text, boundary, stop);
        }
        var image = Launched().Image;
        WasmValue value;
        try
        {
            // A C path (a variable, its members and elements) shows as the Locals scope shows it, expandable.
            if (CExpression.IsPath(text) && CExpression.Evaluate(text, image, frame.Pc, new WasmFrameState(frame, stop.Instance)) is { } c)
            {
                var shown = CVariable(stop, text, c, Memory0(stop));
                var result = new JsonObject { ["result"] = shown["value"]!.GetValue<string>(), ["type"] = c.Type.Name, ["variablesReference"] = shown["variablesReference"]!.GetValue<int>() };
                if (shown["memoryReference"] is JsonNode m)
                {
                    result["memoryReference"] = m.GetValue<string>();
                }
                if (shown["indexedVariables"] is JsonNode n)
                {
                    result["indexedVariables"] = n.GetValue<long>();
                }
                return result;
            }
            var evaluated = Expression.Parse(text).Evaluate(new FrameScope(frame, stop.Instance, image));
            // A condition's outcome shows as C does, 1 or 0.
            value = evaluated.Kind switch
            {
                ExprKind.Wasm => evaluated.Wasm,
                ExprKind.Number when evaluated.IsFloat => WasmValue.F64(evaluated.Float),
                ExprKind.Bool => WasmValue.I32((int)evaluated.Integer),
                ExprKind.Number or ExprKind.Char => WasmValue.I64((long)evaluated.Integer),
                _ => throw new FormatException("a string is only compared, not shown alone"),
            };
        }
        catch (FormatException e)
        {
            throw new RequestException(e.Message);
        }
        return new JsonObject { ["result"] = Values.Format(value, stop.Instance), ["type"] = Values.TypeName(value.Type), ["variablesReference"] = 0 };
    }

    /// <summary>
    /// <c>evaluate</c> at a <c>[wit]</c> frame: a WIT path (<c>contents.len</c>, <c>r.name</c>) shows as the WIT
    /// Arguments scope shows values, with its WIT type; a condition shows <c>true</c> or <c>false</c>.
    /// </summary>
    private static JsonNode EvaluateAtBoundary(string text, WitBoundary boundary, StopState stop)
    {
        ExprValue value;
        try
        {
            value = Expression.Parse(text).Evaluate(new BoundaryScope(boundary, Memory0(stop)));
        }
        catch (FormatException e)
        {
            throw new RequestException(e.Message);
        }
        var (shown, type) = value.Kind switch
        {
            ExprKind.Wit => (WitValues.Format(value.Wit!, value.WitType!), ComponentWit.Type(value.WitType!)),
            ExprKind.Wasm => (Values.Format(value.Wasm, stop.Instance), Values.TypeName(value.Wasm.Type)),
            ExprKind.Bool => (value.FormatLiteral(), "bool"),
            ExprKind.String => (value.FormatLiteral(), "string"),
            ExprKind.Char => (value.FormatLiteral(), "char"),
            _ => (value.FormatLiteral(), value.IsFloat ? "f64" : "s64"),
        };
        return new JsonObject { ["result"] = shown, ["type"] = type, ["variablesReference"] = 0 };
    }

    private JsonNode Source(JsonObject? args)
    {
        var image = Launched().Image;
        int reference = Args.Int(args, "sourceReference") ?? Args.Int(Args.Object(args, "source"), "sourceReference") ?? 0;
        if (reference != WatReference)
        {
            throw new RequestException($"no source with reference {reference}");
        }
        return new JsonObject { ["content"] = image.Wat.Text, ["mimeType"] = "text/x-wasm-wat" };
    }

    private JsonNode ExceptionInfo()
    {
        var stop = Stopped();
        if (stop.Trap is not { } trap)
        {
            throw new RequestException("the program is not stopped at a trap");
        }
        var image = Launched().Image;
        var stack = new StringBuilder();
        foreach (var f in trap.WasmStack)
        {
            stack.Append("  at ").Append(image.FunctionDisplayName(f.FunctionIndex)).Append(" (@0x").Append(f.Pc.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append(')');
            if (image.SourceAt(f.Pc) is { } line)
            {
                stack.Append(' ').Append(line.Path).Append(':').Append(line.Line);
            }
            stack.Append('\n');
        }
        return new JsonObject
        {
            ["exceptionId"] = "trap",
            ["description"] = trap.Reason,
            ["breakMode"] = "always",
            ["details"] = new JsonObject
            {
                ["message"] = trap.Reason,
                ["typeName"] = "trap",
                ["stackTrace"] = stack.ToString(),
            },
        };
    }

    private byte[] Memory(StopState stop) =>
        stop.Instance.Memories.Length > 0 ? stop.Instance.Memories[0].Bytes : throw new RequestException("the instance has no memory");

    /// <summary><c>readMemory</c>: memory 0 of the stopped instance; bytes past its end are <c>unreadableBytes</c>.</summary>
    private JsonNode ReadMemory(JsonObject? args)
    {
        var memory = Memory(Stopped());
        long address = Args.Address(Args.RequiredString(args, "memoryReference")) + (Args.Long(args, "offset") ?? 0);
        long count = Args.Long(args, "count") ?? throw new RequestException("the argument 'count' is required");
        if (address < 0 || count < 0)
        {
            throw new RequestException("the address and the count must not be negative");
        }
        long readable = Math.Clamp(memory.Length - address, 0, Math.Min(count, 16 * 1024 * 1024));
        return new JsonObject
        {
            ["address"] = Values.Hex(address),
            ["data"] = Convert.ToBase64String(memory, (int)Math.Min(address, memory.Length), (int)readable),
            ["unreadableBytes"] = count - readable,
        };
    }

    /// <summary><c>writeMemory</c>: into memory 0 of the stopped instance; a write past its end fails unless <c>allowPartial</c>.</summary>
    private JsonNode WriteMemory(JsonObject? args)
    {
        var memory = Memory(Stopped());
        long address = Args.Address(Args.RequiredString(args, "memoryReference")) + (Args.Long(args, "offset") ?? 0);
        byte[] data;
        try
        {
            data = Convert.FromBase64String(Args.RequiredString(args, "data"));
        }
        catch (FormatException)
        {
            throw new RequestException("'data' is not base64");
        }
        long room = Math.Max(0, memory.Length - Math.Max(address, 0));
        if (address < 0 || (data.Length > room && !Args.Bool(args, "allowPartial")))
        {
            throw new RequestException($"{data.Length} bytes at {Values.Hex(address)} do not fit in memory ({memory.Length} bytes)");
        }
        int n = (int)Math.Min(data.Length, room);
        data.AsSpan(0, n).CopyTo(memory.AsSpan((int)address));
        return new JsonObject { ["bytesWritten"] = n };
    }

    /// <summary>
    /// <c>disassemble</c>: <c>instructionCount</c> instructions from the one at (or after) the address, moved by
    /// <c>instructionOffset</c>, across the module's function bodies; places outside the code are "invalid" entries,
    /// as the protocol wants exactly the count asked for.
    /// </summary>
    private JsonNode Disassemble(JsonObject? args)
    {
        var image = Launched().Image;
        long address = Args.Address(Args.RequiredString(args, "memoryReference")) + (Args.Long(args, "offset") ?? 0);
        long shift = Args.Long(args, "instructionOffset") ?? 0;
        long count = Args.Long(args, "instructionCount") ?? throw new RequestException("the argument 'instructionCount' is required");
        if (count < 0 || count > 100_000)
        {
            throw new RequestException("'instructionCount' must be between 0 and 100000");
        }
        var all = AllInstructions(image);
        int at = 0;
        while (at < all.Count && all[at].Instruction.Offset + all[at].Instruction.Length <= address)
        {
            at++;
        }
        var result = new JsonArray();
        string? lastPath = null;
        for (long i = at + shift; i < at + shift + count; i++)
        {
            if (i < 0 || i >= all.Count)
            {
                long placeholder = i < 0 ? Math.Max(0, (all.Count > 0 ? all[0].Instruction.Offset : 0) + i) : (all.Count > 0 ? all[^1].Instruction.Offset + all[^1].Instruction.Length : 0) + (i - all.Count);
                result.Push(new JsonObject { ["address"] = Values.Hex(placeholder), ["instruction"] = "??", ["presentationHint"] = "invalid" });
                continue;
            }
            var (ins, function) = all[(int)i];
            var json = new JsonObject
            {
                ["address"] = Values.Hex(ins.Offset),
                ["instructionBytes"] = Convert.ToHexString(image.Module.Bytes, ins.Offset, Math.Min(ins.Length, 16)).ToLowerInvariant(),
                ["instruction"] = ins.Text,
                ["symbol"] = image.FunctionDisplayName(function),
            };
            if (image.SourceAt(ins.Offset) is { } line)
            {
                if (line.Path != lastPath)
                {
                    json["location"] = new JsonObject { ["name"] = System.IO.Path.GetFileName(line.Path), ["path"] = line.Path };
                    lastPath = line.Path;
                }
                json["line"] = line.Line - 1 + _lineBase;
            }
            result.Push(json);
        }
        return new JsonObject { ["instructions"] = result };
    }

    private List<(Instruction Instruction, int Function)>? _allInstructions;

    private List<(Instruction Instruction, int Function)> AllInstructions(ProgramImage image)
    {
        if (_allInstructions == null)
        {
            var all = new List<(Instruction, int)>();
            foreach (var body in image.Module.Bodies)
            {
                foreach (var ins in image.Instructions(body))
                {
                    all.Add((ins, body.Index));
                }
            }
            _allInstructions = all;
        }
        return _allInstructions;
    }
}
