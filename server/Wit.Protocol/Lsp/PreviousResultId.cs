using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A previous result id in a workspace pull request.</summary>
public sealed class PreviousResultId
{
    /// <summary>The URI for which the client knows a result id.</summary>
    public required string Uri { get; set; }

    /// <summary>The value of the previous result id.</summary>
    public required string Value { get; set; }
}
