using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A diagnostic, such as a compiler error or warning. LSP allows the code to be a number or a string; this library always uses a string.</summary>
public sealed class Diagnostic
{
    /// <summary>The range at which the message applies.</summary>
    public required Range Range { get; set; }

    /// <summary>The diagnostic's severity; when omitted the client decides.</summary>
    public DiagnosticSeverity? Severity { get; set; }

    /// <summary>The diagnostic's code, for example <c>WIT0001</c>.</summary>
    public string? Code { get; set; }

    /// <summary>A link to the documentation of the code.</summary>
    public CodeDescription? CodeDescription { get; set; }

    /// <summary>A human-readable string describing the source of this diagnostic, for example <c>wit</c>.</summary>
    public string? Source { get; set; }

    /// <summary>The diagnostic's message.</summary>
    public required string Message { get; set; }

    /// <summary>Additional metadata about the diagnostic.</summary>
    public DiagnosticTag[]? Tags { get; set; }

    /// <summary>Related diagnostic information.</summary>
    public DiagnosticRelatedInformation[]? RelatedInformation { get; set; }

    /// <summary>Data preserved between a publish and a later code action request.</summary>
    public JsonElement? Data { get; set; }
}
