using System.Collections.Generic;
using System.Linq;
using Wit.Core.Text;
using Wit.Ide.Symbols;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary><c>textDocument/documentSymbol</c> (a tree) and <c>workspace/symbol</c> (fuzzy search over every root).</summary>
internal static class SymbolHandler
{
    /// <summary>
    /// Symbol trees deeper than this are cut (their deepest levels dropped): the JSON writer nests two levels per tree
    /// level and refuses documents deeper than 256.
    /// </summary>
    public const int MaxDepth = 64;

    public const int WorkspaceSymbolLimit = 256;

    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/documentSymbol", () => LspJsonContext.Default.DocumentSymbolParams, () => LspJsonContext.Default.DocumentSymbolArray, (snapshot, parameters, _) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            return Convert(document.Text, DocumentSymbolProvider.Symbols(snapshot, document.Path));
        });

        server.Query("workspace/symbol", () => LspJsonContext.Default.WorkspaceSymbolParams, () => LspJsonContext.Default.WorkspaceSymbolArray, (snapshot, parameters, cancellationToken) =>
            WorkspaceSymbolProvider.Search(snapshot, parameters.Query, WorkspaceSymbolLimit, cancellationToken)
                .Select(s => server.Translator.ToLocation(snapshot, s.Location) is { } location
                    ? new WorkspaceSymbol { Name = s.Name, Kind = KindOf(s.Kind), ContainerName = s.ContainerName, Location = location }
                    : null)
                .OfType<WorkspaceSymbol>().ToArray());
    }

    /// <summary>Converts the tree with an explicit stack.</summary>
    private static DocumentSymbol[] Convert(SourceText text, IReadOnlyList<DocumentSymbolResult> roots)
    {
        DocumentSymbol Make(DocumentSymbolResult s) => new()
        {
            Name = s.Name.Length == 0 ? "<missing name>" : s.Name,
            Detail = s.Detail,
            Kind = KindOf(s.Kind),
            Range = LspTranslator.ToRange(text, s.Span),
            SelectionRange = LspTranslator.ToRange(text, s.SelectionSpan),
        };

        var result = roots.Select(Make).ToArray();
        var stack = new Stack<(DocumentSymbolResult Source, DocumentSymbol Target, int Depth)>();
        for (int i = 0; i < roots.Count; i++) stack.Push((roots[i], result[i], 1));
        while (stack.Count > 0)
        {
            var (source, target, depth) = stack.Pop();
            if (source.Children.Count == 0 || depth >= MaxDepth) continue;
            target.Children = source.Children.Select(Make).ToArray();
            for (int i = 0; i < source.Children.Count; i++) stack.Push((source.Children[i], target.Children[i], depth + 1));
        }

        return result;
    }

    public static SymbolKind KindOf(IdeSymbolKind kind) => kind switch
    {
        IdeSymbolKind.Package => SymbolKind.Package,
        IdeSymbolKind.Interface => SymbolKind.Interface,
        IdeSymbolKind.World => SymbolKind.Module,
        IdeSymbolKind.Record => SymbolKind.Struct,
        IdeSymbolKind.Variant => SymbolKind.Enum,
        IdeSymbolKind.Enum => SymbolKind.Enum,
        IdeSymbolKind.Flags => SymbolKind.Enum,
        IdeSymbolKind.Resource => SymbolKind.Class,
        IdeSymbolKind.TypeAlias => SymbolKind.TypeParameter,
        IdeSymbolKind.Function => SymbolKind.Function,
        IdeSymbolKind.Method => SymbolKind.Method,
        IdeSymbolKind.Constructor => SymbolKind.Constructor,
        IdeSymbolKind.StaticMethod => SymbolKind.Method,
        IdeSymbolKind.Field => SymbolKind.Field,
        IdeSymbolKind.Case => SymbolKind.EnumMember,
        IdeSymbolKind.Parameter => SymbolKind.Variable,
        IdeSymbolKind.Import => SymbolKind.Namespace,
        IdeSymbolKind.Export => SymbolKind.Namespace,
        IdeSymbolKind.Use => SymbolKind.Namespace,
        IdeSymbolKind.Include => SymbolKind.Namespace,
        IdeSymbolKind.Module => SymbolKind.Module,
        IdeSymbolKind.Typename => SymbolKind.TypeParameter,
        IdeSymbolKind.Constant => SymbolKind.Constant,
        _ => SymbolKind.Object,
    };
}
