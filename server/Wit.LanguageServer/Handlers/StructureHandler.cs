using System.Linq;
using Wit.Ide.Folding;
using Wit.Ide.Formatting;
using Wit.Ide.Selection;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Handlers;

/// <summary><c>textDocument/foldingRange</c>, <c>selectionRange</c>, <c>formatting</c> and <c>rangeFormatting</c>.</summary>
internal static class StructureHandler
{
    /// <summary>Selection chains longer than this lose their outermost links (JSON nests two levels per link).</summary>
    public const int MaxSelectionDepth = 100;

    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/foldingRange", () => LspJsonContext.Default.FoldingRangeParams, () => LspJsonContext.Default.FoldingRangeArray, (snapshot, parameters, _) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            return FoldingProvider.Ranges(snapshot, document.Path).Select(r => LspTranslator.ToFoldingRange(document.Text, r)).OfType<FoldingRange>().ToArray();
        });

        server.Query("textDocument/selectionRange", () => LspJsonContext.Default.SelectionRangeParams, () => LspJsonContext.Default.SelectionRangeArray, (snapshot, parameters, _) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var offsets = parameters.Positions.Select(p => LspTranslator.ToOffset(document.Text, p)).ToList();
            var chains = SelectionRangeProvider.Ranges(snapshot, document.Path, offsets);
            return chains.Select((chain, i) =>
            {
                // Built from the outside in, so each link's parent exists before it.
                SelectionRange? current = null;
                int keep = System.Math.Min(chain.Count, MaxSelectionDepth);
                for (int k = keep - 1; k >= 0; k--) current = new SelectionRange { Range = LspTranslator.ToRange(document.Text, chain[k]), Parent = current };
                var empty = LspTranslator.ToRange(document.Text, new Wit.Core.Text.TextSpan(offsets[i], 0));
                return current ?? new SelectionRange { Range = empty };
            }).ToArray();
        });

        server.Query("textDocument/formatting", () => LspJsonContext.Default.DocumentFormattingParams, () => LspJsonContext.Default.TextEditArray, (snapshot, parameters, _) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            return FormattingProvider.Format(snapshot, document.Path, IndentOf(parameters.Options)).Select(e => LspTranslator.ToTextEdit(document.Text, e)).ToArray();
        });

        server.Query("textDocument/rangeFormatting", () => LspJsonContext.Default.DocumentRangeFormattingParams, () => LspJsonContext.Default.TextEditArray, (snapshot, parameters, _) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            if (LspTranslator.ToSpan(document.Text, parameters.Range) is not { } range) return System.Array.Empty<TextEdit>();
            return FormattingProvider.FormatRange(snapshot, document.Path, range, IndentOf(parameters.Options)).Select(e => LspTranslator.ToTextEdit(document.Text, e)).ToArray();
        });
    }

    /// <summary>
    /// The indentation the editor asks for: its tab size in spaces, or a tab. These are the options the user
    /// configured for the document, and VS Code's <c>editor.detectIndentation</c> (on by default) and the EditorConfig
    /// extension set them from the file itself, so they win over the document's detected unit; a tab size beyond what
    /// the formatter accepts falls back to that unit.
    /// </summary>
    internal static Wit.Core.Formatting.FormatOptions? IndentOf(FormattingOptions? options)
    {
        if (options is null) return null;
        if (!options.InsertSpaces) return Wit.Core.Formatting.FormatOptions.Tabs;
        return options.TabSize is >= 1 and <= Wit.Core.Formatting.FormatOptions.MaxIndentSize ? Wit.Core.Formatting.FormatOptions.Spaces(options.TabSize) : null;
    }
}
