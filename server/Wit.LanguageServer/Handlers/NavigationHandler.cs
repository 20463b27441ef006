using System.Collections.Generic;
using System.Linq;
using Wit.Ide;
using Wit.Ide.Analysis;
using Wit.Ide.Navigation;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/definition</c>, <c>declaration</c>, <c>typeDefinition</c>, <c>references</c> and
/// <c>documentHighlight</c>, across files, packages and <c>deps/</c>, for WIT and WITX.
/// </summary>
internal static class NavigationHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/definition", () => LspJsonContext.Default.DefinitionParams, () => LspJsonContext.Default.LocationArray, (snapshot, parameters, _) =>
            server.Translator.Locate(snapshot, parameters) is var (document, offset) ? Locations(server, snapshot, NavigationProvider.Definition(snapshot, document.Path, offset)) : null);

        server.Query("textDocument/declaration", () => LspJsonContext.Default.DeclarationParams, () => LspJsonContext.Default.LocationArray, (snapshot, parameters, _) =>
            server.Translator.Locate(snapshot, parameters) is var (document, offset) ? Locations(server, snapshot, NavigationProvider.Declaration(snapshot, document.Path, offset)) : null);

        server.Query("textDocument/typeDefinition", () => LspJsonContext.Default.TypeDefinitionParams, () => LspJsonContext.Default.LocationArray, (snapshot, parameters, _) =>
            server.Translator.Locate(snapshot, parameters) is var (document, offset) ? Locations(server, snapshot, NavigationProvider.TypeDefinition(snapshot, document.Path, offset)) : null);

        server.Query("textDocument/references", () => LspJsonContext.Default.ReferenceParams, () => LspJsonContext.Default.LocationArray, (snapshot, parameters, cancellationToken) =>
            server.Translator.Locate(snapshot, parameters) is var (document, offset)
                ? Locations(server, snapshot, ReferencesProvider.References(snapshot, document.Path, offset, parameters.Context.IncludeDeclaration, cancellationToken))
                : null);

        server.Query("textDocument/documentHighlight", () => LspJsonContext.Default.DocumentHighlightParams, () => LspJsonContext.Default.DocumentHighlightArray, (snapshot, parameters, _) =>
        {
            if (server.Translator.Locate(snapshot, parameters) is not var (document, offset)) return null;
            return HighlightProvider.Highlights(snapshot, document.Path, offset).Select(h => new DocumentHighlight
            {
                Range = LspTranslator.ToRange(document.Text, h.Span),
                Kind = h.Kind == IdeHighlightKind.Write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
            }).ToArray();
        });
    }

    private static Location[] Locations(WitLanguageServer server, IdeSnapshot snapshot, IEnumerable<IdeLocation> locations) =>
        locations.Select(l => server.Translator.ToLocation(snapshot, l)).OfType<Location>().ToArray();
}
