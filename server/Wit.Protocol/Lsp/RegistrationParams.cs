using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The parameters of the <c>client/registerCapability</c> request.</summary>
public sealed class RegistrationParams
{
    /// <summary>The registrations.</summary>
    public required Registration[] Registrations { get; set; }
}
