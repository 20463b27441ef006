using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Wit.DebugAdapter.Protocol;

namespace Wit.DebugAdapter.Session;

internal sealed partial class DebugSession
{
    /// <summary>The <c>sourceReference</c> of the synthesized WAT view of the program's module.</summary>
    private const int WatReference = 1;

    /// <summary>
    /// <c>setBreakpoints</c>: lines of a C source (through DWARF; a line without code moves to the next one with code)
    /// or of the WAT view (its <c>sourceReference</c>; one instruction a line).
    /// </summary>
    private JsonNode SetBreakpoints(JsonObject? args)
    {
        var image = Launched().Image;
        var source = Args.Object(args, "source") ?? throw new RequestException("the argument 'source' is required");
        int? reference = Args.Int(source, "sourceReference");
        string? path = Args.String(source, "path");
        bool wat = reference is > 0;
        if (wat && reference != WatReference)
        {
            throw new RequestException($"unknown source reference {reference}");
        }
        if (!wat && path == null)
        {
            throw new RequestException("the source needs a 'path' or a 'sourceReference'");
        }
        var result = new JsonArray();
        var group = new List<Breakpoint>();
        foreach (var item in Args.Array(args, "breakpoints"))
        {
            var bp = Args.Element(item, "breakpoints");
            int line = (Args.Int(bp, "line") ?? throw new RequestException("a source breakpoint needs a 'line'")) - _lineBase + 1;
            List<int> offsets;
            int actualLine;
            if (wat)
            {
                int offset = image.Wat.OffsetAtOrAfter(line);
                offsets = offset >= 0 ? new List<int> { offset } : new List<int>();
                actualLine = offset >= 0 ? image.Wat.LineOf(offset) : line;
            }
            else
            {
                (actualLine, offsets) = image.OffsetsOfLine(path!, line);
            }
            var json = Make(bp, offsets, offsets.Count > 0 ? null : wat ? "no instruction at or after this line" : "no code at or after this line (or no DWARF for this file)", group);
            if (offsets.Count > 0)
            {
                json["line"] = actualLine - 1 + _lineBase;
                json["source"] = wat ? WatSource(image) : new JsonObject { ["path"] = path };
                json["instructionReference"] = Values.Hex(offsets[0]);
            }
            result.Push(json);
        }
        _breakpoints.Replace(wat ? "wat" : "source:" + path, group);
        Launched().BreakpointsChanged();
        return new JsonObject { ["breakpoints"] = result };
    }

    /// <summary><c>setFunctionBreakpoints</c>: by the name section's name or an export's name; stops after the function's prologue (DWARF), else at its first instruction.</summary>
    private JsonNode SetFunctionBreakpoints(JsonObject? args)
    {
        var image = Launched().Image;
        var module = image.Module;
        var result = new JsonArray();
        var group = new List<Breakpoint>();
        foreach (var item in Args.Array(args, "breakpoints"))
        {
            var bp = Args.Element(item, "breakpoints");
            string name = Args.RequiredString(bp, "name");
            int index = image.FunctionNamed(name);
            var offsets = new List<int>();
            string? problem = null;
            if (index < 0)
            {
                problem = $"no function named '{name}' (name section or export)";
            }
            else if (index < module.ImportedFunctionCount)
            {
                problem = $"'{name}' is imported: it has no code here";
            }
            else
            {
                offsets.Add(image.AfterPrologue(module.Bodies[index - module.ImportedFunctionCount]));
            }
            var json = Make(bp, offsets, problem, group);
            if (offsets.Count > 0)
            {
                json["instructionReference"] = Values.Hex(offsets[0]);
                AddLocation(json, image, offsets[0]);
            }
            result.Push(json);
        }
        _breakpoints.Replace("function", group);
        Launched().BreakpointsChanged();
        return new JsonObject { ["breakpoints"] = result };
    }

    /// <summary><c>setInstructionBreakpoints</c>: at a byte offset in the module (<c>instructionReference</c> plus <c>offset</c>), which must start an instruction.</summary>
    private JsonNode SetInstructionBreakpoints(JsonObject? args)
    {
        var image = Launched().Image;
        var result = new JsonArray();
        var group = new List<Breakpoint>();
        foreach (var item in Args.Array(args, "breakpoints"))
        {
            var bp = Args.Element(item, "breakpoints");
            long address = Args.Address(Args.RequiredString(bp, "instructionReference")) + (Args.Long(bp, "offset") ?? 0);
            var offsets = new List<int>();
            string? problem = null;
            if (address < 0 || address > int.MaxValue || image.InstructionAt((int)address) is null)
            {
                problem = $"{Values.Hex(address)} does not start an instruction of the module's code";
            }
            else
            {
                offsets.Add((int)address);
            }
            var json = Make(bp, offsets, problem, group);
            if (offsets.Count > 0)
            {
                json["instructionReference"] = Values.Hex(offsets[0]);
                AddLocation(json, image, offsets[0]);
            }
            result.Push(json);
        }
        _breakpoints.Replace("instruction", group);
        Launched().BreakpointsChanged();
        return new JsonObject { ["breakpoints"] = result };
    }

    /// <summary>One breakpoint: parses its condition and hit condition, adds it to <paramref name="group"/> when it stops anywhere; its JSON answer.</summary>
    private JsonObject Make(JsonObject bp, List<int> offsets, string? problem, List<Breakpoint> group)
    {
        Expression? condition = null;
        HitCondition? hit = null;
        try
        {
            if (Args.String(bp, "condition") is string c && c.Trim().Length > 0)
            {
                condition = Expression.Parse(c);
            }
            if (Args.String(bp, "hitCondition") is string h && h.Trim().Length > 0)
            {
                hit = HitCondition.Parse(h);
            }
        }
        catch (FormatException e)
        {
            problem = "invalid condition: " + e.Message;
        }
        int id = _breakpoints.NextId();
        bool verified = problem == null && offsets.Count > 0;
        if (verified)
        {
            group.Add(new Breakpoint { Id = id, Offsets = offsets, Condition = condition, HitCondition = hit });
        }
        var json = new JsonObject { ["id"] = id, ["verified"] = verified };
        if (!verified)
        {
            json["message"] = problem ?? "no code here";
        }
        return json;
    }

    private void AddLocation(JsonObject json, Wasm.ProgramImage image, int offset)
    {
        if (image.SourceAt(offset) is { } line)
        {
            json["source"] = new JsonObject { ["name"] = System.IO.Path.GetFileName(line.Path), ["path"] = line.Path };
            json["line"] = line.Line - 1 + _lineBase;
        }
        else
        {
            json["source"] = WatSource(image);
            json["line"] = image.Wat.LineOf(offset) - 1 + _lineBase;
        }
    }

    private static JsonObject WatSource(Wasm.ProgramImage image) => new()
    {
        ["name"] = System.IO.Path.GetFileNameWithoutExtension(image.Path) + ".wat",
        ["sourceReference"] = WatReference,
        ["presentationHint"] = "deemphasize",
        ["origin"] = "disassembled from " + System.IO.Path.GetFileName(image.Path),
    };
}
