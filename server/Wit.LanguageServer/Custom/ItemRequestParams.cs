using Wit.Protocol.Lsp;

namespace Wit.LanguageServer.Custom;

/// <summary>
/// <c>wit/witxPreview</c> and <c>wit/abiLayout</c> parameters: a document and a position (the item around it), or a
/// qualified item name (<c>ns:pkg/iface</c>, <c>iface.type</c>, a world name) looked up in the document's workspace.
/// </summary>
public sealed class ItemRequestParams
{
    public required TextDocumentIdentifier TextDocument { get; set; }

    public Position? Position { get; set; }

    public string? Name { get; set; }
}
