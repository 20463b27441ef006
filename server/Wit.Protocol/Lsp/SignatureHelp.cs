using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The signatures of something callable at the cursor.</summary>
public sealed class SignatureHelp
{
    /// <summary>One or more signatures.</summary>
    public required SignatureInformation[] Signatures { get; set; }

    /// <summary>The active signature.</summary>
    public int? ActiveSignature { get; set; }

    /// <summary>The active parameter of the active signature.</summary>
    public int? ActiveParameter { get; set; }
}
