using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The position encodings a client and server may negotiate.</summary>
public static class PositionEncodingKind
{
    /// <summary>Character offsets count UTF-8 code units (bytes).</summary>
    public const string Utf8 = "utf-8";

    /// <summary>Character offsets count UTF-16 code units; the default every client supports.</summary>
    public const string Utf16 = "utf-16";

    /// <summary>Character offsets count Unicode code points.</summary>
    public const string Utf32 = "utf-32";
}
