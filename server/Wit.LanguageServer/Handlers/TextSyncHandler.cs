using System.Collections.Generic;
using Wit.Core.Text;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/didOpen</c>, <c>didChange</c> (incremental), <c>didSave</c>, <c>didClose</c>. Ranges are converted
/// one change at a time against the text the previous change left, as LSP specifies. A change whose range is reversed
/// is skipped (and logged): it cannot be applied, and the rest of the document stays as the client last sent it.
/// </summary>
internal static class TextSyncHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Change("textDocument/didOpen", () => LspJsonContext.Default.DidOpenTextDocumentParams, parameters =>
        {
            if (server.Translator.Uris.ToPath(parameters.TextDocument.Uri) is not { } path) return;
            // Opening again replaces the buffer: a large one's memory is given back.
            bool replacesLarge = IsLarge(server, path);
            server.Mutate(w => w.Open(path, parameters.TextDocument.Text, parameters.TextDocument.Version), path);
            if (replacesLarge) server.Memory.Request();
        });

        server.Change("textDocument/didChange", () => LspJsonContext.Default.DidChangeTextDocumentParams, parameters =>
        {
            if (server.Translator.Uris.ToPath(parameters.TextDocument.Uri) is not { } path) return;
            server.CancelRunningQueries();
            server.Mutate(workspace =>
            {
                // An open .witlint.json is a text of the workspace's, not a WIT document.
                var current = workspace.Snapshot.Open.TryGetValue(path, out var document) ? document.Text
                    : workspace.OpenConfiguration(path) is { } configuration ? SourceText.From(configuration, path) : null;
                if (current is null)
                {
                    server.Log($"didChange for {parameters.TextDocument.Uri}, which is not open: ignored");
                    return null;
                }

                var text = current;
                var changes = new List<TextChange>();

                // The text a change leaves is built only when a later change needs it for its range: the tree's own
                // WithChange builds the final text, and a second copy of a large document is a large-object-heap
                // allocation on every keystroke.
                TextChange? unapplied = null;
                foreach (var change in parameters.ContentChanges)
                {
                    if (unapplied is { } previous)
                    {
                        text = text.WithChange(previous);
                        unapplied = null;
                    }

                    if (change.Range is null)
                    {
                        if (text.Length >= MemoryTrimmer.LargeDocumentLength) server.Memory.Request();
                        // A full-text change replaces the whole text as the earlier changes left it.
                        changes.Add(new TextChange(new TextSpan(0, text.Length), change.Text));
                        text = SourceText.From(change.Text, path);
                        continue;
                    }

                    if (LspTranslator.ToSpan(text, change.Range) is not { } span)
                    {
                        server.Log($"didChange for {parameters.TextDocument.Uri}: reversed range {change.Range.Start.Line}:{change.Range.Start.Character}-{change.Range.End.Line}:{change.Range.End.Character} skipped");
                        continue;
                    }

                    var textChange = new TextChange(span, change.Text);
                    changes.Add(textChange);
                    unapplied = textChange;
                }

                return workspace.Change(path, changes, parameters.TextDocument.Version);
            }, path);
        });

        server.Change("textDocument/didSave", () => LspJsonContext.Default.DidSaveTextDocumentParams, parameters =>
        {
            // The buffer already holds the text; the disk changed, so what was read from it is stale.
            if (server.Translator.Uris.ToPath(parameters.TextDocument.Uri) is not { } path) return;
            server.Mutate(w => w.FilesChanged(new[] { path }), path);
        });

        server.Change("textDocument/didClose", () => LspJsonContext.Default.DidCloseTextDocumentParams, parameters =>
        {
            if (server.Translator.Uris.ToPath(parameters.TextDocument.Uri) is not { } path) return;
            bool large = IsLarge(server, path);
            server.Mutate(w => w.Close(path), path);
            server.SemanticTokens.Forget(path);
            if (large) server.Memory.Request();
        });
    }

    private static bool IsLarge(WitLanguageServer server, string path) =>
        server.Snapshot.Open.TryGetValue(path, out var document) && document.Text.Length >= MemoryTrimmer.LargeDocumentLength;
}
