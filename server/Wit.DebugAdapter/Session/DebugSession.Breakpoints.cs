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
        return SetGroup(args, wat ? "wat" : "source:" + path, bp =>
        {
            int line = (Args.Int(bp, "line") ?? throw new RequestException("a source breakpoint needs a 'line'")) - _lineBase + 1;
            if (wat)
            {
                int offset = image.Wat.OffsetAtOrAfter(line);
                return offset >= 0 ? (new List<int> { offset }, null) : (new List<int>(), "no instruction at or after this line");
            }
            var offsets = image.OffsetsOfLine(path!, line).Offsets;
            return (offsets, offsets.Count > 0 ? null : "no code at or after this line (or no DWARF for this file)");
        }, wat ? (json, offset) =>
        {
            json["line"] = image.Wat.LineOf(offset) - 1 + _lineBase;
            json["source"] = WatSource(image);
        } : null);
    }

    /// <summary><c>setFunctionBreakpoints</c>: by the name section's name or an export's name; stops after the function's prologue (DWARF), else at its first instruction.</summary>
    private JsonNode SetFunctionBreakpoints(JsonObject? args)
    {
        var image = Launched().Image;
        var module = image.Module;
        var component = Launched() as ComponentDebuggee;
        var wit = new List<WitBreakpoint>();
        var answer = SetGroup(args, "function", bp =>
        {
            string name = Args.RequiredString(bp, "name");
            int index = image.FunctionNamed(name);
            if (index < 0 && component != null && ComponentDebuggee.IsWitName(name))
            {
                // A WIT function: it stops at the boundary (the lifted export's entry, the lowered import's call).
                return (new List<int>(), WitMarker + name);
            }
            if (index < 0)
            {
                return (new List<int>(), $"no function named '{name}' (name section or export)");
            }
            if (index < module.ImportedFunctionCount)
            {
                return (new List<int>(), $"'{name}' is imported: it has no code here");
            }
            return (new List<int> { image.AfterPrologue(module.Bodies[index - module.ImportedFunctionCount]) }, null);
        });
        if (component != null)
        {
            var requested = args?["breakpoints"] as JsonArray;
            var answers = (JsonArray)answer["breakpoints"]!;
            for (int i = 0; i < answers.Count; i++)
            {
                var node = answers[i]!;
                if (node["message"] is JsonValue m && m.TryGetValue<string>(out var text) && text.StartsWith(WitMarker, StringComparison.Ordinal))
                {
                    string name = text[WitMarker.Length..];
                    var bp = requested?[i] as JsonObject;
                    string? problem = null;
                    BreakpointCondition? condition = null;
                    HitCondition? hit = null;
                    if (bp != null)
                    {
                        // The condition reads the call's lifted arguments (WitPath), evaluated at the boundary.
                        (condition, hit, problem) = Conditions(bp);
                    }
                    node["verified"] = problem == null;
                    node["message"] = problem ?? $"stops at the WIT boundary of {name}";
                    if (problem == null) wit.Add(new WitBreakpoint((int)node["id"]!, name, condition, hit));
                }
            }
            component.WitBreakpoints = wit;
        }
        return answer;
    }

    /// <summary>How a function breakpoint's resolver tells <see cref="SetFunctionBreakpoints"/> that it names a WIT function.</summary>
    private const string WitMarker = "\u0001wit:";

    /// <summary><c>setInstructionBreakpoints</c>: at a byte offset in the module (<c>instructionReference</c> plus <c>offset</c>), which must start an instruction.</summary>
    private JsonNode SetInstructionBreakpoints(JsonObject? args)
    {
        var image = Launched().Image;
        return SetGroup(args, "instruction", bp =>
        {
            long address = Args.Address(Args.RequiredString(bp, "instructionReference")) + (Args.Long(bp, "offset") ?? 0);
            return address < 0 || address > int.MaxValue || image.InstructionAt((int)address) is null
                ? (new List<int>(), $"{Values.Hex(address)} does not start an instruction of the module's code")
                : (new List<int> { (int)address }, null);
        });
    }

    /// <summary>
    /// Replaces a group of breakpoints by the request's: <paramref name="resolve"/> gives each its offsets (or why it has
    /// none); each verified one is answered with its place, by <paramref name="locate"/> or else its source line
    /// (WAT view line without DWARF).
    /// </summary>
    private JsonNode SetGroup(JsonObject? args, string groupName, Func<JsonObject, (List<int> Offsets, string? Problem)> resolve, Action<JsonObject, int>? locate = null)
    {
        var image = Launched().Image;
        var result = new JsonArray();
        var group = new List<Breakpoint>();
        foreach (var item in Args.Array(args, "breakpoints"))
        {
            var bp = Args.Element(item, "breakpoints");
            var (offsets, problem) = resolve(bp);
            var json = Make(bp, offsets, problem, group);
            if (offsets.Count > 0)
            {
                json["instructionReference"] = Values.Hex(offsets[0]);
                if (locate != null)
                {
                    locate(json, offsets[0]);
                }
                else
                {
                    AddLocation(json, image, offsets[0]);
                }
            }
            result.Push(json);
        }
        _breakpoints.Replace(groupName, group);
        Launched().BreakpointsChanged();
        return new JsonObject { ["breakpoints"] = result };
    }

    /// <summary>One breakpoint: parses its condition and hit condition, adds it to <paramref name="group"/> when it stops anywhere; its JSON answer.</summary>
    private JsonObject Make(JsonObject bp, List<int> offsets, string? problem, List<Breakpoint> group)
    {
        var (condition, hit, invalid) = Conditions(bp);
        problem ??= invalid;
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

    /// <summary>A breakpoint's condition and hit condition, or why one of them does not parse.</summary>
    private static (BreakpointCondition? Condition, HitCondition? Hit, string? Problem) Conditions(JsonObject bp)
    {
        try
        {
            var condition = Args.String(bp, "condition") is string c && c.Trim().Length > 0 ? new BreakpointCondition(Expression.Parse(c), c.Trim()) : null;
            var hit = Args.String(bp, "hitCondition") is string h && h.Trim().Length > 0 ? HitCondition.Parse(h) : null;
            return (condition, hit, null);
        }
        catch (FormatException e)
        {
            return (null, null, "invalid condition: " + e.Message);
        }
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
