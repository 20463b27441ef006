using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>How the insert text of a completion item is interpreted; serialised as a number.</summary>
public enum InsertTextFormat
{
    /// <summary>The insert text is plain text.</summary>
    PlainText = 1,
    /// <summary>The insert text is a snippet with tab stops and placeholders.</summary>
    Snippet = 2,
}
