using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Wit.Core.Text;
using Wit.Ide.Analysis;
using Wit.Ide.SemanticTokens;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/semanticTokens/full</c>, <c>/full/delta</c> and <c>/range</c>. The last full result of each
/// document is kept (by result id) so a delta request can be answered with the edits from it to the new one.
/// </summary>
internal static class SemanticTokensHandler
{
    private static long _nextResultId;

    public static Wit.Protocol.Lsp.SemanticTokensLegend Legend => new()
    {
        TokenTypes = Wit.Ide.SemanticTokens.SemanticTokensLegend.TokenTypes.ToArray(),
        TokenModifiers = Wit.Ide.SemanticTokens.SemanticTokensLegend.TokenModifiers.ToArray(),
    };

    public static void Register(WitLanguageServer server)
    {
        var previous = new ConcurrentDictionary<string, (string ResultId, int[] Data)>(StringComparer.Ordinal);

        server.Query("textDocument/semanticTokens/full", () => LspJsonContext.Default.SemanticTokensParams, () => LspJsonContext.Default.SemanticTokens, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var data = Encode(snapshot, document, null, cancellationToken);
            string resultId = NextId();
            Remember(previous, document.Path, resultId, data);
            return new SemanticTokens { ResultId = resultId, Data = data };
        });

        server.Query("textDocument/semanticTokens/full/delta", () => LspJsonContext.Default.SemanticTokensDeltaParams, () => LspJsonContext.Default.SemanticTokensFullDeltaResult, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var data = Encode(snapshot, document, null, cancellationToken);
            string resultId = NextId();
            bool known = previous.TryGetValue(document.Path, out var last) && last.ResultId == parameters.PreviousResultId;
            Remember(previous, document.Path, resultId, data);
            if (!known) return new SemanticTokensFullDeltaResult { ResultId = resultId, Data = data };
            var edits = SemanticTokensEncoder.Delta(last.Data, data);
            return new SemanticTokensFullDeltaResult { ResultId = resultId, Edits = edits };
        });

        server.Query("textDocument/semanticTokens/range", () => LspJsonContext.Default.SemanticTokensRangeParams, () => LspJsonContext.Default.SemanticTokens, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var range = LspTranslator.ToSpan(document.Text, parameters.Range);
            return new SemanticTokens { Data = range is null ? Array.Empty<int>() : Encode(snapshot, document, range, cancellationToken) };
        });
    }

    /// <summary>Keeps the last result per document; a long session's closed documents are forgotten in bulk.</summary>
    private static void Remember(ConcurrentDictionary<string, (string ResultId, int[] Data)> previous, string path, string resultId, int[] data)
    {
        if (previous.Count > 256) previous.Clear();
        previous[path] = (resultId, data);
    }

    private static int[] Encode(IdeSnapshot snapshot, IdeDocument document, TextSpan? range, CancellationToken cancellationToken)
    {
        var tokens = SemanticTokensProvider.Tokens(snapshot, document.Path, range, cancellationToken);
        return SemanticTokensEncoder.Encode(tokens, document.Text);
    }

    private static string NextId() => Interlocked.Increment(ref _nextResultId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
