using Wit.Ide.Rename;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/prepareRename</c> and <c>textDocument/rename</c>. A refusal (a keyword, a primitive type, an
/// invalid or conflicting new name) is an error response with the reason, which editors show to the user.
/// </summary>
internal static class RenameHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/prepareRename", () => LspJsonContext.Default.PrepareRenameParams, () => LspJsonContext.Default.PrepareRenameResult, (snapshot, parameters, _) =>
        {
            if (server.Translator.Locate(snapshot, parameters) is not var (document, offset)) return null;
            var result = RenameProvider.Prepare(snapshot, document.Path, offset);
            if (result.Error is { } error) throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, error);
            return new Wit.Protocol.Lsp.PrepareRenameResult { Range = LspTranslator.ToRange(document.Text, result.Span), Placeholder = result.Placeholder ?? string.Empty };
        });

        server.Query("textDocument/rename", () => LspJsonContext.Default.RenameParams, () => LspJsonContext.Default.WorkspaceEdit, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Locate(snapshot, parameters) is not var (document, offset)) return null;
            var result = RenameProvider.Rename(snapshot, document.Path, offset, parameters.NewName, cancellationToken);
            if (result.Error is { } error) throw new JsonRpcException(JsonRpcErrorCodes.RequestFailed, error);
            return result.Edit is { } edit ? server.Translator.ToWorkspaceEdit(snapshot, edit) : null;
        });
    }
}
