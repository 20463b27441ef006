using System.Linq;
using Wit.Ide.Completion;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;
using IdeKind = Wit.Ide.Completion.CompletionItemKind;
using LspKind = Wit.Protocol.Lsp.CompletionItemKind;

namespace Wit.LanguageServer.Handlers;

/// <summary><c>textDocument/completion</c> over <see cref="CompletionProvider"/>; each item replaces the word at the cursor.</summary>
internal static class CompletionHandler
{
    public static readonly string[] TriggerCharacters = { ":", "/", ".", "{", "<", "@", "(", "$", " " };

    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/completion", () => LspJsonContext.Default.CompletionParams, () => LspJsonContext.Default.CompletionList, (snapshot, parameters, _) =>
        {
            if (server.Translator.Locate(snapshot, parameters) is not var (document, offset)) return null;
            if (CompletionProvider.Complete(snapshot, document.Path, offset) is not { } result) return new CompletionList { Items = System.Array.Empty<CompletionItem>() };
            var range = LspTranslator.ToRange(document.Text, result.ReplaceSpan);
            return new CompletionList
            {
                IsIncomplete = result.IsIncomplete,
                Items = result.Items.Select(item => new CompletionItem
                {
                    Label = item.Label,
                    Kind = ToKind(item.Kind),
                    Detail = item.Detail,
                    Documentation = item.Documentation is { } docs ? LspTranslator.Markdown(docs) : null,
                    SortText = item.SortText,
                    FilterText = item.FilterText,
                    InsertTextFormat = item.IsSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
                    TextEdit = new TextEdit { Range = range, NewText = item.InsertText ?? item.Label },
                    AdditionalTextEdits = item.AdditionalEdits?.Select(e => LspTranslator.ToTextEdit(document.Text, e)).ToArray(),
                }).ToArray(),
            };
        });
    }

    private static LspKind ToKind(IdeKind kind) => kind switch
    {
        IdeKind.Keyword => LspKind.Keyword,
        IdeKind.Snippet => LspKind.Snippet,
        IdeKind.Type => LspKind.Struct,
        IdeKind.Resource => LspKind.Class,
        IdeKind.Interface => LspKind.Interface,
        IdeKind.World => LspKind.Module,
        IdeKind.Package => LspKind.Module,
        IdeKind.Function => LspKind.Function,
        IdeKind.Property => LspKind.Property,
        _ => LspKind.Keyword,
    };
}
