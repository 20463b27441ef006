using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>General parameters to register for a capability.</summary>
public sealed class Registration
{
    /// <summary>The id used to register the request; can be used to unregister it again.</summary>
    public required string Id { get; set; }

    /// <summary>The method or capability to register for.</summary>
    public required string Method { get; set; }

    /// <summary>Options necessary for the registration, for example a serialised <see cref="DidChangeWatchedFilesRegistrationOptions"/>.</summary>
    public JsonElement? RegisterOptions { get; set; }
}
