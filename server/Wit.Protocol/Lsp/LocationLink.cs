using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A link between a source range and a target location (the richer answer to definition requests when the client supports <c>linkSupport</c>).</summary>
public sealed class LocationLink
{
    /// <summary>The span of the origin of this link; when omitted the client uses the word range at the request position.</summary>
    public Range? OriginSelectionRange { get; set; }

    /// <summary>The target document URI.</summary>
    public required string TargetUri { get; set; }

    /// <summary>The full target range, for example the whole declaration including its documentation.</summary>
    public required Range TargetRange { get; set; }

    /// <summary>The range to select and reveal when following the link, for example the declared name.</summary>
    public required Range TargetSelectionRange { get; set; }
}
