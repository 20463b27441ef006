using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>How the client sends document changes; serialised as a number.</summary>
public enum TextDocumentSyncKind
{
    /// <summary>Documents are not synced at all.</summary>
    None = 0,
    /// <summary>Documents are synced by always sending their full content.</summary>
    Full = 1,
    /// <summary>Documents are synced by sending the full content on open, then only incremental updates.</summary>
    Incremental = 2,
}
