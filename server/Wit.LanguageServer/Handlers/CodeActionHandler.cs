using System.Linq;
using Wit.Ide.CodeActions;
using Wit.Ide.Diagnostics;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/codeAction</c> over <see cref="CodeActionProvider"/>. The fixes are computed from the server's own
/// diagnostics that intersect the range (not the client's copies, which may be stale), filtered by <c>only</c>.
/// </summary>
internal static class CodeActionHandler
{
    public static readonly string[] Kinds = { CodeActionKinds.QuickFix, CodeActionKinds.OrganizeImports, CodeActionKinds.RefactorRewrite };

    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/codeAction", () => LspJsonContext.Default.CodeActionParams, () => LspJsonContext.Default.CodeActionArray, (snapshot, parameters, _) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            if (LspTranslator.ToSpan(document.Text, parameters.Range) is not { } range) return System.Array.Empty<CodeAction>();
            var diagnostics = DocumentDiagnostics.For(snapshot, document.Path).Where(d => d.Span.IntersectsWith(range)).ToList();
            var only = parameters.Context.Only;
            return CodeActionProvider.Actions(snapshot, document.Path, range, diagnostics)
                .Where(a => only is null || only.Any(k => a.Kind == k || a.Kind.StartsWith(k + ".", System.StringComparison.Ordinal)))
                .Select(a => new CodeAction
                {
                    Title = a.Title,
                    Kind = a.Kind,
                    IsPreferred = a.IsPreferred ? true : null,
                    Diagnostics = a.Fixes.Count == 0 ? null : a.Fixes.Select(d => server.Translator.ToDiagnostic(document.Text, d)).ToArray(),
                    Edit = server.Translator.ToWorkspaceEdit(snapshot, a.Edit),
                }).ToArray();
        });
    }
}
