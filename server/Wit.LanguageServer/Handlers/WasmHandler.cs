using System;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Workspace;
using Wit.LanguageServer.Custom;
using Wit.Runtime;
using Wit.Runtime.Binary;
using Wit.Runtime.Component;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>wit/wasmWit</c>: the WIT of a <c>.wasm</c> file for the extension's read-only view. An encoded package reads as
/// the loader reads a <c>.wasm</c> root (the same text, so what the view shows resolves as <c>wit check</c> resolves
/// the file); any other component as its <c>root</c> world. The extension opens the text as a <c>wit-wasm:</c>
/// document, which the server analyses like any unsaved WIT buffer: hover and navigation work in it.
/// </summary>
internal static class WasmHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("wit/wasmWit", () => ServerJsonContext.Default.WasmWitParams, () => ServerJsonContext.Default.WasmWit, (_, parameters, _) =>
            Describe(server.FileSystem, server.Translator.Uris.ToPath(parameters.Uri)));
    }

    internal static WasmWit Describe(IFileSystem fileSystem, string? path)
    {
        if (path is null) return new WasmWit { Error = "not a file URI" };
        byte[] bytes;
        try
        {
            bytes = fileSystem is IBinaryFileSystem binary ? binary.ReadAllBytes(path) : throw new IOException("this file system reads text only");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InputTooLargeException)
        {
            return new WasmWit { Error = $"cannot read {path}: {e.Message}" };
        }

        if (!ComponentDecoder.IsComponent(bytes)) return CoreModule(Path.GetFileName(path), bytes);
        WasmComponent component;
        try
        {
            component = ComponentDecoder.Decode(bytes);
        }
        catch (WasmException e)
        {
            return new WasmWit { Error = $"{Path.GetFileName(path)}: {e.Message}" };
        }

        string instances = Instances(component);
        if (!WitFromComponent.IsPackage(component)) return new WasmWit { Kind = "component", Wit = WitFromComponent.Print(component), Instances = instances };
        var loaded = WorkspaceLoader.Load(fileSystem, path, parse: null, WitPackageDecoder.Instance);
        if (loaded.Root is not { Files.Count: 1 } root) return new WasmWit { Error = string.Join("\n", loaded.Errors.Select(e => e.Message)) };
        return new WasmWit { Kind = "package", Wit = root.Files[0].Tree.Text.Text, Instances = instances };
    }

    /// <summary>
    /// A file that is no component: a core module has no WIT, so the answer says so and carries the module's facts
    /// (<c>kind</c> <c>module</c>, the facts in <c>instances</c>); anything else is an error with the decoder's message.
    /// </summary>
    private static WasmWit CoreModule(string name, byte[] bytes)
    {
        WasmModule module;
        try
        {
            module = ModuleDecoder.Decode(bytes);
        }
        catch (WasmException e)
        {
            return new WasmWit { Error = $"{name}: {e.Message}" };
        }

        var text = new StringBuilder();
        int memories = CompositionNode.DefinedMemories(module);
        text.Append($"{module.FunctionTypes.Count} functions ({module.ImportedFunctionCount} imported), {module.Imports.Count} imports, {module.Exports.Count} exports, ");
        text.Append($"{memories} linear memor{(memories == 1 ? "y" : "ies")} defined, {module.Data.Count} data segments\n");
        foreach (var import in module.Imports) text.Append($"  import {import.Module}.{import.Name} ({import.Kind.ToString().ToLowerInvariant()})\n");
        foreach (var export in module.Exports) text.Append($"  export {export.Name} ({export.Kind.ToString().ToLowerInvariant()} {export.Index})\n");
        return new WasmWit { Kind = "module", Instances = text.ToString(), Error = $"{name} is not a component (a core module has no WIT)" };
    }

    /// <summary>A short instance tree: what the component instantiates, and the memories one instantiation creates.</summary>
    private static string Instances(WasmComponent component)
    {
        var tree = CompositionNode.Build(component);
        var text = new StringBuilder();
        Node(tree, "", text, 0);
        var memories = tree.MemoryList();
        text.Append($"\n{tree.InstantiatedMemories} linear memor{(tree.InstantiatedMemories == 1 ? "y" : "ies")} when instantiated\n");
        foreach (var (where, memory) in memories)
        {
            text.Append($"  {(where.Length == 0 ? "(root)" : where)}: {memory.Limits.Min} pages{(memory.Limits.Max is { } max ? $", at most {max}" : ", no maximum")}\n");
        }
        return text.ToString();
    }

    private static void Node(CompositionNode node, string indent, StringBuilder text, int depth)
    {
        text.Append($"{indent}component: {node.Modules.Count} core modules, {node.CoreInstances.Count} core instances, {node.Instances.Count} instances\n");
        foreach (var ci in node.CoreInstances)
        {
            text.Append(ci.ModuleIndex is { } m
                ? $"{indent}  core instance {ci.Index}: module {m}{(ci.Args.Count > 0 ? $" with {ci.Args.Count} instances" : "")}\n"
                : $"{indent}  core instance {ci.Index}: {ci.Exports.Count} exports\n");
        }
        foreach (var i in node.Instances)
        {
            text.Append(i.ComponentIndex is { } c
                ? $"{indent}  instance {i.Index}: component {c}{(i.Args.Count > 0 ? $" with {string.Join(", ", i.Args.Select(a => a.Name))}" : "")}\n"
                : $"{indent}  instance {i.Index}: {i.Origin ?? $"{i.Exports.Count} exports"}\n");
        }
        // Nested components are bounded by the decoder's nesting limit.
        if (depth >= ComponentDecoder.MaxNesting) return;
        foreach (var nested in node.Nested) Node(nested, indent + "  ", text, depth + 1);
    }
}
