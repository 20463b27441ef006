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
            if (server.Translator.Uris.ToPath(parameters.TextDocument.Uri) is not { } path)
            {
                return new DocumentDiagnosticReport { Kind = "full", Items = System.Array.Empty<Diagnostic>() };
            }

            // A .witlint.json has no WIT document: its diagnostics carry its text.
            var source = DocumentDiagnostics.For(snapshot, path);
            if ((snapshot.GetDocument(path)?.Text ?? source.FirstOrDefault()?.Document) is not { } text)
            {
                return new DocumentDiagnosticReport { Kind = "full", Items = System.Array.Empty<Diagnostic>() };
            }

            var items = source.Select(d => server.Translator.ToDiagnostic(text, d)).ToArray();
            string resultId = DiagnosticsPublisher.Fingerprint(items);
            return parameters.PreviousResultId == resultId
                ? new DocumentDiagnosticReport { Kind = "unchanged", ResultId = resultId }
                : new DocumentDiagnosticReport { Kind = "full", ResultId = resultId, Items = items };
        });
    }
}
