using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The kind of a file event; serialised as a number.</summary>
public enum FileChangeType
{
    /// <summary>The file got created.</summary>
    Created = 1,
    /// <summary>The file got changed.</summary>
    Changed = 2,
    /// <summary>The file got deleted.</summary>
    Deleted = 3,
}
