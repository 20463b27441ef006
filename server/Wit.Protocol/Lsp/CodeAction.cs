using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A change that can be performed in code, for example to fix a problem.</summary>
public sealed class CodeAction
{
    /// <summary>A short, human-readable title for this code action.</summary>
    public required string Title { get; set; }

    /// <summary>The kind of the code action; see <see cref="CodeActionKind"/>.</summary>
    public string? Kind { get; set; }

    /// <summary>The diagnostics that this code action resolves.</summary>
    public Diagnostic[]? Diagnostics { get; set; }

    /// <summary>Whether this is the preferred action of its kind, applied by auto-fix.</summary>
    public bool? IsPreferred { get; set; }

    /// <summary>The workspace edit this code action performs.</summary>
    public WorkspaceEdit? Edit { get; set; }

    /// <summary>A command executed after the edit, if any, is applied.</summary>
    public Command? Command { get; set; }

    /// <summary>Data preserved between a code action and a <c>codeAction/resolve</c> request.</summary>
    public JsonElement? Data { get; set; }
}
