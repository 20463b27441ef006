using System.Linq;
using Wit.Ide.Abi;
using Wit.Ide.Analysis;
using Wit.Ide.Preview;
using Wit.LanguageServer.Custom;
using Wit.LanguageServer.Translation;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// The extension's preview panes: <c>wit/witxPreview</c> (the derived WITX of the interface or world at a position,
/// or named) and <c>wit/abiLayout</c> (the layout table of the item at a position, or named). Null when nothing fits.
/// </summary>
internal static class PreviewHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("wit/witxPreview", () => ServerJsonContext.Default.ItemRequestParams, () => ServerJsonContext.Default.WitxPreview, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var preview = parameters.Name is { Length: > 0 } name
                ? WitxPreviewProvider.Preview(snapshot, name, cancellationToken)
                : WitxPreviewProvider.Preview(snapshot, document.Path, Offset(document, parameters), cancellationToken);
            return preview is null ? null : new WitxPreview
            {
                Name = preview.Name,
                Kind = preview.Kind,
                Witx = preview.Witx,
                Warnings = preview.Warnings.ToArray(),
                Focus = preview.Focus is { } focus ? new WitxPreviewFocusDto { Kind = focus.Kind, Name = focus.Name } : null,
            };
        });

        server.Query("wit/abiLayout", () => ServerJsonContext.Default.ItemRequestParams, () => ServerJsonContext.Default.AbiLayout, (snapshot, parameters, cancellationToken) =>
        {
            if (server.Translator.Document(snapshot, parameters.TextDocument.Uri) is not { } document) return null;
            var layout = parameters.Name is { Length: > 0 } name
                ? AbiLayoutProvider.Layout(snapshot, name, cancellationToken)
                : AbiLayoutProvider.Layout(snapshot, document.Path, Offset(document, parameters), cancellationToken);
            return layout is null ? null : new AbiLayout
            {
                Name = layout.Name,
                Kind = layout.Kind,
                Markdown = layout.Markdown,
                Rows = layout.Rows.Select(r => new AbiLayoutRowDto
                {
                    Item = r.Item, Kind = r.Kind, Name = r.Name, Type = r.Type, Offset = r.Offset, Size = r.Size, Alignment = r.Alignment, Note = r.Note,
                }).ToArray(),
            };
        });
    }

    private static int Offset(IdeDocument document, ItemRequestParams parameters) =>
        parameters.Position is { } position ? LspTranslator.ToOffset(document.Text, position) : 0;
}
