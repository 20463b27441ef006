using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Ide.Analysis;
using Wit.Ide.Symbols;

namespace Wit.Ide.Abi;

/// <summary>
/// The Canonical ABI layout of an item for the preview pane (<c>wit/abiLayout</c>): the type or function at the
/// cursor, else the innermost type, function, interface or world containing it; for an interface or world, every
/// type and function of it.
/// </summary>
public static class AbiLayoutProvider
{
    /// <summary>The layout of the item at or around <paramref name="offset"/> of <paramref name="path"/>, or null.</summary>
    public static AbiLayoutResult? Layout(IdeSnapshot snapshot, string path, int offset, CancellationToken cancellationToken = default)
    {
        object? item = SymbolFinder.Find(snapshot, path, offset)?.Target.Symbol is { } symbol && IsItem(symbol) ? symbol : null;
        item ??= ItemLocator.Containing(snapshot, path, offset, IsItem)?.Symbol;
        return item is null ? null : Describe(snapshot, item, cancellationToken);
    }

    /// <summary>
    /// The layout of the item called <paramref name="name"/>: an interface (<c>ns:pkg/iface</c>, or a plain name in the
    /// root package), a world, or a type or function of an interface (<c>iface.point</c>); null when none is.
    /// </summary>
    public static AbiLayoutResult? Layout(IdeSnapshot snapshot, string name, CancellationToken cancellationToken = default) =>
        ItemLocator.ByName(snapshot, name) is { } item ? Describe(snapshot, item, cancellationToken) : null;

    /// <summary>The name an item is shown by: <c>ns:pkg/iface@v.point</c> for a type, <c>ns:pkg/iface@v</c> for an interface.</summary>
    internal static string QualifiedName(object item) => item switch
    {
        TypeDefinition type => Prefix(type.Owner.Interface, type.Owner.World) + (type.Name ?? WitTypeText.FormatDefinition(type)),
        Function function => function.Name,
        Interface @interface => @interface.QualifiedName ?? "<inline interface>",
        World world => world.Package?.Name.Version is { } version ? $"{world}@{version}" : world.ToString(),
        _ => item.ToString() ?? string.Empty,
    };

    private static string Prefix(Interface? @interface, World? world) =>
        @interface?.QualifiedName is { } name ? name + "." : world is not null ? QualifiedName(world) + "." : string.Empty;

    private static bool IsItem(object symbol) => symbol is TypeDefinition { Name: not null } or Function or Interface or World;

    private static AbiLayoutResult Describe(IdeSnapshot snapshot, object item, CancellationToken cancellationToken)
    {
        var abi32 = new CanonicalAbi(memory64: false);
        var abi64 = snapshot.Options.Memory64 ? new CanonicalAbi(memory64: true) : null;
        var rows = new List<AbiLayoutRow>();
        var markdown = new StringBuilder();
        string name = QualifiedName(item);
        switch (item)
        {
            case TypeDefinition type:
                AddType(type, abi32, abi64, rows, markdown, heading: false);
                return new AbiLayoutResult(name, AbiDescriber.KindName(type), rows, markdown.ToString());
            case Function function:
                AbiDescriber.Function(name, function, abi64 ?? abi32, rows, markdown);
                return new AbiLayoutResult(name, "function", rows, markdown.ToString());
            case Interface @interface:
                markdown.Append("## interface ").Append(name).Append('\n');
                AddInterfaceItems(@interface, abi32, abi64, rows, markdown, cancellationToken);
                return new AbiLayoutResult(name, "interface", rows, markdown.ToString());
            default:
                var world = (World)item;
                markdown.Append("## world ").Append(name).Append('\n');
                foreach (var (entry, direction) in world.Imports.Select(e => (e, "import")).Concat(world.Exports.Select(e => (e, "export"))))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (entry.Value.Type is { } type) AddType(type, abi32, abi64, rows, markdown, heading: true);
                    if (entry.Value.Function is { } function) AddFunction(function, abi64 ?? abi32, rows, markdown);
                    if (entry.Value.Interface is { } @interface)
                    {
                        // An imported or exported interface brings its types and functions: without them a world
                        // of interfaces (most worlds) would show a title and nothing else.
                        string interfaceName = @interface.QualifiedName ?? entry.Key.Name ?? "<inline interface>";
                        rows.Add(new AbiLayoutRow(name, "interface", $"{direction} {interfaceName}", null, null, null, null, null));
                        markdown.Append("\n## ").Append(direction).Append(" interface ").Append(interfaceName).Append('\n');
                        AddInterfaceItems(@interface, abi32, abi64, rows, markdown, cancellationToken);
                    }
                }

                return new AbiLayoutResult(name, "world", rows, markdown.ToString());
        }
    }

    private static void AddInterfaceItems(Interface @interface, CanonicalAbi abi32, CanonicalAbi? abi64, List<AbiLayoutRow> rows, StringBuilder markdown, CancellationToken cancellationToken)
    {
        foreach (var type in @interface.Types.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddType(type, abi32, abi64, rows, markdown, heading: true);
        }

        foreach (var function in @interface.Functions.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddFunction(function, abi64 ?? abi32, rows, markdown);
        }
    }

    private static void AddType(TypeDefinition type, CanonicalAbi abi32, CanonicalAbi? abi64, List<AbiLayoutRow> rows, StringBuilder markdown, bool heading)
    {
        if (heading) markdown.Append("\n### ").Append(AbiDescriber.KindName(type)).Append(' ').Append(type.Name).Append("\n\n");
        AbiDescriber.Type(QualifiedName(type), WitType.Of(type), abi32, abi64, rows, markdown);
    }

    private static void AddFunction(Function function, CanonicalAbi abi, List<AbiLayoutRow> rows, StringBuilder markdown)
    {
        markdown.Append("\n### func ").Append(function.Name).Append("\n\n`").Append(WitTypeText.FormatFunction(function)).Append("`\n\n");
        AbiDescriber.Function(function.Name, function, abi, rows, markdown);
    }
}
