using System.Linq;
using Wit.Ide.CodeLens;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/codeLens</c>: size and alignment on types, allocation facts on functions. The lenses are
/// informational; their command is empty (clients show the title without making it clickable).
/// </summary>
internal static class CodeLensHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/codeLens", () => LspJsonContext.Default.CodeLensParams, () => LspJsonContext.Default.CodeLensArray, (snapshot, parameters, cancellationToken) =>
        {
            if (!server.Settings.CodeLens) return System.Array.Empty<CodeLens>();
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            return CodeLensProvider.Lenses(snapshot, document.Path, cancellationToken).Select(l => new CodeLens
            {
                Range = LspTranslator.ToRange(document.Text, l.Span),
                Command = new Command { Title = l.Title, CommandName = string.Empty },
            }).ToArray();
        });
    }
}
