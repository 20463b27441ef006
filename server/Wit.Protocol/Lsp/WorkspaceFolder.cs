using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A workspace folder.</summary>
public sealed class WorkspaceFolder
{
    /// <summary>The associated URI for this workspace folder.</summary>
    public required string Uri { get; set; }

    /// <summary>The name of the workspace folder, used to refer to it in the user interface.</summary>
    public required string Name { get; set; }
}
