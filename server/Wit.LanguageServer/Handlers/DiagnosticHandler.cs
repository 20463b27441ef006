using System.Linq;
using Wit.Ide.Diagnostics;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/diagnostic</c> (pull). The result id is a fingerprint of the diagnostics, so a client asking again
/// with the same id gets an "unchanged" report. Push (<c>publishDiagnostics</c>) is <see cref="DiagnosticsPublisher"/>.
/// </summary>
internal static class DiagnosticHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/diagnostic", () => LspJsonContext.Default.DocumentDiagnosticParams, () => LspJsonContext.Default.DocumentDiagnosticReport, (snapshot, parameters, _) =>
        {
            if (server.Translator.Uris.ToPath(parameters.TextDocument.Uri) is not { } path || snapshot.GetDocument(path) is not { } document)
            {
                return new DocumentDiagnosticReport { Kind = "full", Items = System.Array.Empty<Diagnostic>() };
            }

            var items = DocumentDiagnostics.For(snapshot, path).Select(d => server.Translator.ToDiagnostic(document.Text, d)).ToArray();
            string resultId = DiagnosticsPublisher.Fingerprint(items);
            return parameters.PreviousResultId == resultId
                ? new DocumentDiagnosticReport { Kind = "unchanged", ResultId = resultId }
                : new DocumentDiagnosticReport { Kind = "full", ResultId = resultId, Items = items };
        });
    }
}
