using System.Linq;
using Wit.Ide.InlayHints;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary><c>textDocument/inlayHint</c>: type sizes and flat-parameter counts (off with <c>wit.inlayHints.enabled</c>).</summary>
internal static class InlayHintHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/inlayHint", () => LspJsonContext.Default.InlayHintParams, () => LspJsonContext.Default.InlayHintArray, (snapshot, parameters, cancellationToken) =>
        {
            if (!server.Settings.InlayHints) return System.Array.Empty<InlayHint>();
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            if (LspTranslator.ToSpan(document.Text, parameters.Range) is not { } range) return System.Array.Empty<InlayHint>();
            return InlayHintsProvider.Hints(snapshot, document.Path, range, cancellationToken).Select(h => new InlayHint
            {
                Position = LspTranslator.ToPosition(document.Text, h.Offset),
                Label = h.Label,
                Kind = h.Kind is { } kind ? (Wit.Protocol.Lsp.InlayHintKind)(int)kind : null,
                PaddingLeft = h.PaddingLeft ? true : null,
                PaddingRight = h.PaddingRight ? true : null,
                Tooltip = h.Tooltip is { } tooltip ? LspTranslator.Markdown(tooltip) : null,
            }).ToArray();
        });
    }
}
