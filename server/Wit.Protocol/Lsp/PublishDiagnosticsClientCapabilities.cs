using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>Client capabilities for published diagnostics.</summary>
public sealed class PublishDiagnosticsClientCapabilities
{
    /// <summary>Whether the client accepts diagnostics with related information.</summary>
    public bool? RelatedInformation { get; set; }

    /// <summary>Whether the client interprets the version of published diagnostics.</summary>
    public bool? VersionSupport { get; set; }

    /// <summary>Whether the client supports <see cref="Diagnostic.CodeDescription"/>.</summary>
    public bool? CodeDescriptionSupport { get; set; }

    /// <summary>Whether the client preserves <see cref="Diagnostic.Data"/> between publish and code action requests.</summary>
    public bool? DataSupport { get; set; }
}
