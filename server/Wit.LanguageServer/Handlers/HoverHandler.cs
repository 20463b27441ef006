using Wit.Ide.Hover;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary><c>textDocument/hover</c> over <see cref="HoverProvider"/>: signature, docs, gates and the Canonical ABI tables.</summary>
internal static class HoverHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/hover", () => LspJsonContext.Default.HoverParams, () => LspJsonContext.Default.Hover, (snapshot, parameters, _) =>
        {
            if (server.Translator.Locate(snapshot, parameters) is not var (document, offset)) return null;
            if (HoverProvider.Hover(snapshot, document.Path, offset) is not { } hover) return null;
            return new Hover { Contents = LspTranslator.Markdown(hover.Markdown), Range = LspTranslator.ToRange(document.Text, hover.Span) };
        });
    }
}
