using System.Linq;
using System.Text.Json;
using Wit.Ide.Analysis;
using Wit.Ide.Hierarchy;
using Wit.LanguageServer.Custom;
using Wit.LanguageServer.Translation;
using Wit.Protocol;
using Wit.Protocol.Lsp;
using Range = Wit.Protocol.Lsp.Range;

namespace Wit.LanguageServer.Handlers;

/// <summary>
/// Type hierarchy (what a type is built from, and what contains it) and call hierarchy re-read as "used by" (the
/// functions and types whose signatures mention a type). Items carry their declaration (file, name offset) in
/// <c>data</c> and are found again from it on the follow-up requests.
/// </summary>
internal static class HierarchyHandler
{
    public static void Register(WitLanguageServer server)
    {
        server.Query("textDocument/prepareTypeHierarchy", () => LspJsonContext.Default.TypeHierarchyPrepareParams, () => LspJsonContext.Default.TypeHierarchyItemArray, (snapshot, parameters, _) =>
            server.Translator.Locate(snapshot, parameters) is var (document, offset)
                ? HierarchyProvider.PrepareTypeHierarchy(snapshot, document.Path, offset).Select(i => ToTypeItem(server, snapshot, i)).OfType<TypeHierarchyItem>().ToArray()
                : null);

        server.Query("typeHierarchy/supertypes", () => LspJsonContext.Default.TypeHierarchySupertypesParams, () => LspJsonContext.Default.TypeHierarchyItemArray, (snapshot, parameters, _) =>
            FindType(snapshot, parameters.Item.Data) is { } item
                ? HierarchyProvider.Supertypes(snapshot, item).Select(i => ToTypeItem(server, snapshot, i)).OfType<TypeHierarchyItem>().ToArray()
                : null);

        server.Query("typeHierarchy/subtypes", () => LspJsonContext.Default.TypeHierarchySubtypesParams, () => LspJsonContext.Default.TypeHierarchyItemArray, (snapshot, parameters, cancellationToken) =>
            FindType(snapshot, parameters.Item.Data) is { } item
                ? HierarchyProvider.Subtypes(snapshot, item, cancellationToken).Select(i => ToTypeItem(server, snapshot, i)).OfType<TypeHierarchyItem>().ToArray()
                : null);

        server.Query("textDocument/prepareCallHierarchy", () => LspJsonContext.Default.CallHierarchyPrepareParams, () => LspJsonContext.Default.CallHierarchyItemArray, (snapshot, parameters, _) =>
            server.Translator.Locate(snapshot, parameters) is var (document, offset)
                ? HierarchyProvider.PrepareCallHierarchy(snapshot, document.Path, offset).Select(i => ToCallItem(server, snapshot, i)).OfType<CallHierarchyItem>().ToArray()
                : null);

        server.Query("callHierarchy/incomingCalls", () => LspJsonContext.Default.CallHierarchyIncomingCallsParams, () => LspJsonContext.Default.CallHierarchyIncomingCallArray, (snapshot, parameters, cancellationToken) =>
        {
            if (FindCall(snapshot, parameters.Item.Data) is not { } item) return null;
            return HierarchyProvider.Incoming(snapshot, item, cancellationToken)
                .Select(call => ToCallItem(server, snapshot, call.Item) is { } from && snapshot.GetDocument(call.Item.Path) is { } document
                    ? new CallHierarchyIncomingCall { From = from, FromRanges = call.FromRanges.Select(r => LspTranslator.ToRange(document.Text, r)).ToArray() }
                    : null)
                .OfType<CallHierarchyIncomingCall>().ToArray();
        });

        server.Query("callHierarchy/outgoingCalls", () => LspJsonContext.Default.CallHierarchyOutgoingCallsParams, () => LspJsonContext.Default.CallHierarchyOutgoingCallArray, (snapshot, parameters, cancellationToken) =>
        {
            if (FindCall(snapshot, parameters.Item.Data) is not { } item || snapshot.GetDocument(item.Path) is not { } document) return null;
            return HierarchyProvider.Outgoing(snapshot, item, cancellationToken)
                .Select(call => ToCallItem(server, snapshot, call.Item) is { } to
                    ? new CallHierarchyOutgoingCall { To = to, FromRanges = call.FromRanges.Select(r => LspTranslator.ToRange(document.Text, r)).ToArray() }
                    : null)
                .OfType<CallHierarchyOutgoingCall>().ToArray();
        });
    }

    private static HierarchyItem? FindType(IdeSnapshot snapshot, JsonElement? data) =>
        Key(data) is { } key ? HierarchyProvider.PrepareTypeHierarchy(snapshot, key.Path, key.Offset).FirstOrDefault() : null;

    private static HierarchyItem? FindCall(IdeSnapshot snapshot, JsonElement? data) =>
        Key(data) is { } key ? HierarchyProvider.PrepareCallHierarchy(snapshot, key.Path, key.Offset).FirstOrDefault() : null;

    private static HierarchyData? Key(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } element) return null;
        try
        {
            return element.Deserialize(ServerJsonContext.Default.HierarchyData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement Data(HierarchyItem item) =>
        JsonSerializer.SerializeToElement(new HierarchyData { Path = item.Key.Path, Offset = item.Key.Offset }, ServerJsonContext.Default.HierarchyData);

    private static TypeHierarchyItem? ToTypeItem(WitLanguageServer server, IdeSnapshot snapshot, HierarchyItem item) =>
        Describe(server, snapshot, item) is var (uri, range, selection)
            ? new TypeHierarchyItem { Name = item.Name, Kind = KindOf(item.Kind), Detail = item.Detail, Uri = uri, Range = range, SelectionRange = selection, Data = Data(item) }
            : null;

    private static CallHierarchyItem? ToCallItem(WitLanguageServer server, IdeSnapshot snapshot, HierarchyItem item) =>
        Describe(server, snapshot, item) is var (uri, range, selection)
            ? new CallHierarchyItem { Name = item.Name, Kind = KindOf(item.Kind), Detail = item.Detail, Uri = uri, Range = range, SelectionRange = selection, Data = Data(item) }
            : null;

    /// <summary>The position fields both LSP item types share (they have no common base type); null for an unknown file.</summary>
    private static (string Uri, Range Range, Range Selection)? Describe(WitLanguageServer server, IdeSnapshot snapshot, HierarchyItem item) =>
        snapshot.GetDocument(item.Path) is { } document
            ? (server.Translator.Uris.ToUri(item.Path), LspTranslator.ToRange(document.Text, item.Span), LspTranslator.ToRange(document.Text, item.SelectionSpan))
            : null;

    private static SymbolKind KindOf(HierarchyItemKind kind) => kind switch
    {
        HierarchyItemKind.Record => SymbolKind.Struct,
        HierarchyItemKind.Variant => SymbolKind.Enum,
        HierarchyItemKind.Enum => SymbolKind.Enum,
        HierarchyItemKind.Flags => SymbolKind.Enum,
        HierarchyItemKind.Resource => SymbolKind.Class,
        HierarchyItemKind.Function => SymbolKind.Function,
        _ => SymbolKind.TypeParameter,
    };
}
