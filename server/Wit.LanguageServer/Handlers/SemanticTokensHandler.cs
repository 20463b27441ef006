using System;
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
/// <c>textDocument/semanticTokens/full</c>, <c>/full/delta</c> and <c>/range</c>. The last full result of each open
/// document is kept (<see cref="SemanticTokensResults"/>) so a delta request can be answered with the edits from it.
/// </summary>
internal static class SemanticTokensHandler
{
    private static long _nextResultId;

    public static void Register(WitLanguageServer server)
    {
        var previous = server.SemanticTokens;

        server.Query("textDocument/semanticTokens/full", () => LspJsonContext.Default.SemanticTokensParams, () => LspJsonContext.Default.SemanticTokens, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var data = Encode(snapshot, document, null, cancellationToken);
            string resultId = NextId();
            previous.Remember(document.Path, resultId, data);
            return new SemanticTokens { ResultId = resultId, Data = data };
        });

        server.Query("textDocument/semanticTokens/full/delta", () => LspJsonContext.Default.SemanticTokensDeltaParams, () => LspJsonContext.Default.SemanticTokensFullDeltaResult, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var data = Encode(snapshot, document, null, cancellationToken);
            string resultId = NextId();
            bool known = previous.TryGet(document.Path, parameters.PreviousResultId, out var last);
            previous.Remember(document.Path, resultId, data);
            if (!known) return new SemanticTokensFullDeltaResult { ResultId = resultId, Data = data };
            var edits = SemanticTokensEncoder.Delta(last, data);
            return new SemanticTokensFullDeltaResult { ResultId = resultId, Edits = edits };
        });

        server.Query("textDocument/semanticTokens/range", () => LspJsonContext.Default.SemanticTokensRangeParams, () => LspJsonContext.Default.SemanticTokens, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var range = LspTranslator.ToSpan(document.Text, parameters.Range);
            return new SemanticTokens { Data = range is null ? Array.Empty<int>() : Encode(snapshot, document, range, cancellationToken) };
        });
    }

    private static int[] Encode(IdeSnapshot snapshot, IdeDocument document, TextSpan? range, CancellationToken cancellationToken)
    {
        var tokens = SemanticTokensProvider.Tokens(snapshot, document.Path, range, cancellationToken);
        return SemanticTokensEncoder.Encode(tokens, document.Text);
    }

    private static string NextId() => Interlocked.Increment(ref _nextResultId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
