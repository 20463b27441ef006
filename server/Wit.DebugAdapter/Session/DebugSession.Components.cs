using System.Text.Json.Nodes;
using Wit.DebugAdapter.Protocol;
using Wit.Runtime.Component;

namespace Wit.DebugAdapter.Session;

internal sealed partial class DebugSession
{
    /// <summary>
    /// <c>witComponentInstances</c> (custom): the live instance tree of a launched component, read at a stop or after
    /// the end (<see cref="LiveInstanceFacts"/>): each component instance with its core instances (memories' current and
    /// maximum pages, tables' sizes, globals; <c>image</c> marks the one whose code the debugger shows), its handle
    /// tables by resource, its exports' boundary costs and its children.
    /// </summary>
    private JsonNode ComponentInstances()
    {
        if (Launched() is not ComponentDebuggee component)
        {
            throw new RequestException("the program is a core module: it has no component instances");
        }
        if (component.Root is not { } root)
        {
            throw new RequestException("the component is not instantiated yet");
        }
        if (component.Stop == null && !component.HasEnded)
        {
            throw new RequestException("the program is running: the instance tree is read at a stop");
        }
        return new JsonObject { ["root"] = InstanceJson(LiveInstanceFacts.Of(root), component.Image.Module) };
    }

    private static JsonObject InstanceJson(LiveInstanceFacts facts, Wit.Runtime.Binary.WasmModule image)
    {
        var cores = new JsonArray();
        foreach (var core in facts.CoreInstances)
        {
            var memories = new JsonArray();
            for (int i = 0; i < core.MemoryPages.Count; i++)
            {
                var max = core.MemoryMaxPages is { } m && i < m.Count ? m[i] : null;
                memories.Push(new JsonObject { ["pages"] = core.MemoryPages[i], ["maxPages"] = max is ulong x ? JsonValue.Create(x) : null });
            }
            var tables = new JsonArray();
            foreach (var size in core.TableSizes)
            {
                tables.Push(new JsonObject { ["size"] = size });
            }
            cores.Push(new JsonObject
            {
                ["index"] = core.Index,
                ["image"] = ReferenceEquals(core.Module, image),
                ["functions"] = core.Module?.Bodies.Count,
                ["memories"] = memories,
                ["tables"] = tables,
                ["globals"] = core.Globals,
            });
        }
        var handles = new JsonArray();
        foreach (var h in facts.Handles)
        {
            handles.Push(new JsonObject { ["resource"] = h.Resource, ["owned"] = h.Owned, ["borrowed"] = h.Borrowed });
        }
        var functions = new JsonArray();
        foreach (var f in facts.Functions)
        {
            functions.Push(new JsonObject { ["name"] = f.Name, ["calls"] = f.Calls, ["bytesCopied"] = f.BytesCopied });
        }
        var children = new JsonArray();
        foreach (var child in facts.Children)
        {
            children.Push(InstanceJson(child, image));
        }
        return new JsonObject
        {
            ["name"] = facts.Name,
            ["coreInstances"] = cores,
            ["resourceTables"] = handles,
            ["exports"] = functions,
            ["children"] = children,
        };
    }
}
