using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The server's pull-diagnostics capability.</summary>
public sealed class DiagnosticOptions
{
    /// <summary>An optional identifier under which the diagnostics are managed by the client.</summary>
    public string? Identifier { get; set; }

    /// <summary>Whether the language has inter-file dependencies, so that a change in one file can change another file's diagnostics.</summary>
    public bool InterFileDependencies { get; set; }

    /// <summary>Whether the server provides support for workspace diagnostics as well.</summary>
    public bool WorkspaceDiagnostics { get; set; }
}
