using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The type of a shown or logged message; serialised as a number.</summary>
public enum MessageType
{
    /// <summary>An error message.</summary>
    Error = 1,
    /// <summary>A warning message.</summary>
    Warning = 2,
    /// <summary>An information message.</summary>
    Info = 3,
    /// <summary>A log message.</summary>
    Log = 4,
    /// <summary>A debug message (LSP 3.18).</summary>
    Debug = 5,
}
