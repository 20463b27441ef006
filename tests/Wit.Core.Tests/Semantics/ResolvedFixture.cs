using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// A resolved <see cref="WitFixture"/>: the model plus lookups and assertions that speak the fixture's terms.
/// Positions read <c>/file.wit:line:column</c> (one-based, paths relative to the workspace root), diagnostics
/// <c>CODE /file.wit:line:column message</c>.
/// </summary>
public sealed class ResolvedFixture
{
    public ResolvedFixture(LoadedWorkspace workspace, WitModel model, IReadOnlyList<FixtureFile> files, FixtureCursor? cursor)
    {
        Workspace = workspace;
        Model = model;
        Files = files;
        Cursor = cursor;
    }

    /// <summary>The loaded workspace the model was resolved from.</summary>
    public LoadedWorkspace Workspace { get; }

    public WitModel Model { get; }

    public IReadOnlyList<FixtureFile> Files { get; }

    public FixtureCursor? Cursor { get; }

    /// <summary>Every diagnostic, in the order the resolver reported it.</summary>
    public IReadOnlyList<string> Diagnostics => Model.Diagnostics.Select(Describe).ToList();

    public void AssertClean() => AssertDiagnostics();

    /// <summary>The diagnostics, exactly and in order; a failure shows both lists one per line.</summary>
    public void AssertDiagnostics(params string[] expected) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", Diagnostics));

    public static string Describe(Diagnostic diagnostic) =>
        diagnostic.Document is { } document
            ? $"{diagnostic.Code} {Position(document, diagnostic.Span.Start)} {diagnostic.Message}"
            : $"{diagnostic.Code} <no document> {diagnostic.Message}";

    /// <summary><c>/file.wit:line:column</c> of a location's start.</summary>
    public static string Position(SourceLocation? location)
    {
        Assert.NotNull(location);
        return Position(location!.Document, location.Span.Start);
    }

    /// <summary>The source text a location covers.</summary>
    public static string Text(SourceLocation? location)
    {
        Assert.NotNull(location);
        return location!.Document.ToString(location.Span);
    }

    public Package Package(string name) =>
        Model.Packages.SingleOrDefault(p => p.Name.ToString() == name) ?? throw Missing("package", name, Model.Packages);

    /// <summary>A named interface by its qualified name, <c>ns:pkg/name</c> or <c>ns:pkg/name@version</c>.</summary>
    public Interface Interface(string qualifiedName) =>
        Model.Interfaces.SingleOrDefault(i => i.QualifiedName == qualifiedName) ?? throw Missing("interface", qualifiedName, Model.Interfaces);

    /// <summary>A world by <c>ns:pkg/name</c>.</summary>
    public World World(string name) =>
        Model.Worlds.SingleOrDefault(w => w.ToString() == name) ?? throw Missing("world", name, Model.Worlds);

    public TypeDefinition Type(string interfaceName, string typeName) =>
        Interface(interfaceName).Types.TryGetValue(typeName, out var type) ? type : throw Missing("type", typeName, Interface(interfaceName).Types.Keys);

    public Function Function(string interfaceName, string functionName) =>
        Interface(interfaceName).Functions.TryGetValue(functionName, out var function)
            ? function
            : throw Missing("function", functionName, Interface(interfaceName).Functions.Keys);

    /// <summary>A world's imports or exports as <c>key = item</c> lines, in order.</summary>
    public static IReadOnlyList<string> Items(IEnumerable<KeyValuePair<WorldKey, WorldItem>> items) =>
        items.Select(e => $"{e.Key} = {Describe(e.Value)}").ToList();

    private static string Describe(WorldItem item) =>
        item.Interface is { } i ? $"interface {i}" : item.Function is { } f ? $"func {TypeText.Signature(f)}" : $"type {item.Type}";

    /// <summary>The offset of the <paramref name="occurrence"/>-th (zero-based) <paramref name="text"/> in a fixture file.</summary>
    public int OffsetOf(string file, string text, int occurrence = 0)
    {
        string content = File(file).Text;
        int offset = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            offset = content.IndexOf(text, offset + 1, StringComparison.Ordinal);
            if (offset < 0) throw new ArgumentException($"`{text}` occurs fewer than {occurrence + 1} times in {file}");
        }

        return offset;
    }

    public FixtureFile File(string relativePath) =>
        Files.SingleOrDefault(f => f.Path == WitFixture.Root + relativePath) ?? throw new ArgumentException($"no fixture file {relativePath}");

    private static string Position(SourceText document, int offset)
    {
        var (line, column) = document.GetDisplayLocation(offset);
        string path = document.Path ?? "<no path>";
        if (path.StartsWith(WitFixture.Root + "/", StringComparison.Ordinal)) path = path.Substring(WitFixture.Root.Length);
        return $"{path}:{line}:{column}";
    }

    private static Exception Missing<T>(string kind, string name, IEnumerable<T> available) =>
        new InvalidOperationException($"no {kind} `{name}`; the model has: {string.Join(", ", available)}");
}
